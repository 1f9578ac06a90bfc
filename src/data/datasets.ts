import { createRng, normal, shuffled } from '../engine';
import type { BuiltinDatasetName, Rng, Sample } from '../engine';
import { IRIS_CSV } from './irisData';

/** A one-hot vector of length n with a 1 at index i. */
export function oneHot(i: number, n: number): number[] {
  return Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));
}

/** Rescales every feature (column) to [0, 1] by its minimum and maximum over the rows. */
export function minMaxScale(rows: number[][]): number[][] {
  const cols = rows[0]?.length ?? 0;
  const lo = Array.from({ length: cols }, (_, c) => Math.min(...rows.map((r) => r[c])));
  const hi = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => r[c])));
  return rows.map((r) => r.map((v, c) => (hi[c] === lo[c] ? 0 : (v - lo[c]) / (hi[c] - lo[c]))));
}

/** The 150 Iris rows: features min-max scaled to [0, 1], one-hot targets over the 3 classes. */
export function irisSamples(): Sample[] {
  const rows = IRIS_CSV.trim()
    .split('\n')
    .map((line) => line.split(',').map(Number));
  const features = minMaxScale(rows.map((r) => r.slice(0, 4)));
  return rows.map((r, i) => ({ input: features[i], target: oneHot(r[4], 3) }));
}

/** Splits shuffled samples into the first `trainCount` for training and the rest for validation. */
export function split(
  samples: Sample[],
  trainCount: number,
  rng: Rng,
): { train: Sample[]; validation: Sample[] } {
  const order = shuffled(samples, rng);
  return { train: order.slice(0, trainCount), validation: order.slice(trainCount) };
}

/** Iris shuffled with a seed and split 130 / 20, as in lesson 002's project. */
export function irisSplit(seed: number): { train: Sample[]; validation: Sample[] } {
  return split(irisSamples(), 130, createRng(seed));
}

/** The four XOR rows with a single 0/1 target. */
export function xorSamples(): Sample[] {
  return [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ].map(([x, y, t]) => ({ input: [x, y], target: [t] }));
}

/** Two gaussian clouds around (−1, −1) and (1, 1) (σ = 0.6), labelled 0 and 1. */
export function gaussiansSamples(rng: Rng, count = 200): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const label = i % 2;
    const c = label === 0 ? -1 : 1;
    return { input: [c + 0.6 * normal(rng), c + 0.6 * normal(rng)], target: [label] };
  });
}

/** Points in the disc of radius 1 (label 1) and a ring from 1.4 to 2 around it (label 0). */
export function circleSamples(rng: Rng, count = 200): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const inside = i % 2 === 1;
    const r = inside ? Math.sqrt(rng()) : 1.4 + 0.6 * rng();
    const angle = 2 * Math.PI * rng();
    return { input: [r * Math.cos(angle), r * Math.sin(angle)], target: [inside ? 1 : 0] };
  });
}

/** Two interleaved spiral arms with a little noise, labelled 0 and 1. */
export function spiralSamples(rng: Rng, count = 200): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const label = i % 2;
    const t = (Math.floor(i / 2) / (count / 2)) * 1.75 * 2 * Math.PI;
    const r = (t / (1.75 * 2 * Math.PI)) * 2;
    const angle = t + label * Math.PI;
    return {
      input: [r * Math.sin(angle) + 0.05 * normal(rng), r * Math.cos(angle) + 0.05 * normal(rng)],
      target: [label],
    };
  });
}

/** The samples of a built-in data set; generated sets take a seed. */
export function builtinSamples(name: BuiltinDatasetName, seed = 1): Sample[] {
  const rng = createRng(seed);
  switch (name) {
    case 'iris':
      return irisSamples();
    case 'xor':
      return xorSamples();
    case 'gaussians':
      return gaussiansSamples(rng);
    case 'circle':
      return circleSamples(rng);
    case 'spiral':
      return spiralSamples(rng);
  }
}
