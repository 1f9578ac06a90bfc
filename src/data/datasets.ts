import { createRng, normal, parseCsv, shuffled } from '../engine';
import type { BuiltinDatasetName, DatasetSpec, Rng, Sample } from '../engine';
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

/** Noise (a standard deviation in input units) of each generated set when a lesson names none. */
export const DEFAULT_NOISE = { gaussians: 0.6, circle: 0, spiral: 0.05 } as const;

/** Two gaussian clouds around (−1, −1) and (1, 1) (σ = noise, 0.6 by default), labelled 0 and 1. */
export function gaussiansSamples(rng: Rng, count = 200, noise: number = DEFAULT_NOISE.gaussians): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const label = i % 2;
    const c = label === 0 ? -1 : 1;
    return { input: [c + noise * normal(rng), c + noise * normal(rng)], target: [label] };
  });
}

/**
 * Points in the disc of radius 1 (label 1) and a ring from 1.4 to 2 around it (label 0), each moved by gaussian
 * noise of standard deviation `noise` (none by default).
 */
export function circleSamples(rng: Rng, count = 200, noise: number = DEFAULT_NOISE.circle): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const inside = i % 2 === 1;
    const r = inside ? Math.sqrt(rng()) : 1.4 + 0.6 * rng();
    const angle = 2 * Math.PI * rng();
    const input = [r * Math.cos(angle), r * Math.sin(angle)];
    if (noise > 0) input.forEach((v, k) => (input[k] = v + noise * normal(rng)));
    return { input, target: [inside ? 1 : 0] };
  });
}

/** Two interleaved spiral arms with gaussian noise (standard deviation `noise`, 0.05 by default), labelled 0 and 1. */
export function spiralSamples(rng: Rng, count = 200, noise: number = DEFAULT_NOISE.spiral): Sample[] {
  return Array.from({ length: count }, (_, i) => {
    const label = i % 2;
    const t = (Math.floor(i / 2) / (count / 2)) * 1.75 * 2 * Math.PI;
    const r = (t / (1.75 * 2 * Math.PI)) * 2;
    const angle = t + label * Math.PI;
    return {
      input: [r * Math.sin(angle) + noise * normal(rng), r * Math.cos(angle) + noise * normal(rng)],
      target: [label],
    };
  });
}

/** The samples of a built-in data set; generated sets take a seed and a noise (their default when left out). */
export function builtinSamples(name: BuiltinDatasetName, seed = 1, noise?: number): Sample[] {
  const rng = createRng(seed);
  switch (name) {
    case 'iris':
      return irisSamples();
    case 'xor':
      return xorSamples();
    case 'gaussians':
      return gaussiansSamples(rng, 200, noise);
    case 'circle':
      return circleSamples(rng, 200, noise);
    case 'spiral':
      return spiralSamples(rng, 200, noise);
  }
}

/** Share of a generated or CSV data set held back for validation. */
export const VALIDATION_SHARE = 0.2;

/**
 * A lesson's data set as training and validation samples: Iris as lesson 002 splits it (130 / 20 after a seeded
 * shuffle); XOR trains and validates on its four rows; generated and CSV sets are shuffled with their seed and a
 * fifth held back (none below 5 rows); inline samples all train, with no validation. A spec without a seed uses
 * `defaultSeed` (say, the lesson's).
 */
export function datasetSplit(spec: DatasetSpec, defaultSeed = 1): { train: Sample[]; validation: Sample[] } {
  const seed = ('seed' in spec ? spec.seed : undefined) ?? defaultSeed;
  switch (spec.kind) {
    case 'inline':
      return { train: spec.samples, validation: [] };
    case 'csv': {
      const parsed = parseCsv(spec.text);
      if (!parsed.ok) throw new Error('datasetSplit: the CSV text of a parsed lesson is valid');
      return holdOut(parsed.data.samples, seed);
    }
    case 'builtin':
      if (spec.name === 'iris') return irisSplit(seed);
      if (spec.name === 'xor') return { train: xorSamples(), validation: xorSamples() };
      return holdOut(builtinSamples(spec.name, seed, spec.noise), seed);
  }
}

function holdOut(samples: Sample[], seed: number): { train: Sample[]; validation: Sample[] } {
  if (samples.length < 5) return { train: samples, validation: [] };
  const validation = Math.round(samples.length * VALIDATION_SHARE);
  return split(samples, samples.length - validation, createRng(seed));
}
