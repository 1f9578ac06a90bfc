import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, shuffleInPlace } from './rng';

/** Rows of inputs and matching target vectors (one-hot for classification). */
export interface Dataset {
  inputs: number[][];
  targets: number[][];
}

/** weights[l][j][k]: into neuron j of layer l+1 from neuron k of layer l; biases[l][j]: of that neuron j. */
export interface Params {
  weights: number[][][];
  biases: number[][];
}

/**
 * One benchmark workload: sigmoid on every non-input layer, biases, loss ½Σ(t−a)², plain SGD with batch 1.
 * Step i trains on sample i % data.inputs.length.
 */
export interface Workload {
  id: string;
  title: string;
  sizes: number[];
  learningRate: number;
  steps: number;
  data: Dataset;
  init: Params;
}

/** Anything that does `steps` SGD steps and can report the network's output. */
export interface Runner {
  run(steps: number): void;
  predict(input: number[]): number[];
  dispose?(): void;
}

export const SEEDS = { irisShuffle: 1, irisInit: 2, wideData: 3, wideInit: 4 } as const;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const IRIS_CSV = path.resolve(repoRoot, '../shared/data/iris.csv');

/** Uniform ±0.5 weights and biases from `seed`, drawn as weights[0] row by row, biases[0], weights[1], … */
export function initialParams(sizes: number[], seed: number): Params {
  const rand = mulberry32(seed);
  const u = () => rand() - 0.5;
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(Array.from({ length: sizes[l + 1] }, () => Array.from({ length: sizes[l] }, u)));
    biases.push(Array.from({ length: sizes[l + 1] }, u));
  }
  return { weights, biases };
}

/** The UCI iris CSV (4 features, class name last): raw features, one-hot targets (classes as they appear). */
export function readIrisCsv(file = IRIS_CSV): Dataset {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim().split(','))
    .filter((cells) => cells.length === 5);
  const classes = [...new Set(rows.map((cells) => cells[4]))];
  return {
    inputs: rows.map((cells) => cells.slice(0, 4).map(Number)),
    targets: rows.map((cells) => classes.map((c) => (c === cells[4] ? 1 : 0))),
  };
}

/** Scale each input column to [0, 1] by its min and max over all rows. */
export function minMaxScale(inputs: number[][]): number[][] {
  const cols = inputs[0].length;
  const lo = Array.from({ length: cols }, (_, c) => Math.min(...inputs.map((r) => r[c])));
  const hi = Array.from({ length: cols }, (_, c) => Math.max(...inputs.map((r) => r[c])));
  return inputs.map((r) => r.map((v, c) => (hi[c] > lo[c] ? (v - lo[c]) / (hi[c] - lo[c]) : 0)));
}

/**
 * Iris 4-5-3, η = 0.2, 130 samples × 300 epochs. Takes raw data (features unscaled, targets one-hot), so the
 * product's own data module can stand in for the CSV; min-max scales, shuffles with a fixed seed, keeps 130.
 */
export function irisWorkload(raw: Dataset = readIrisCsv()): Workload {
  const scaled = minMaxScale(raw.inputs);
  const order = shuffleInPlace(
    scaled.map((_, i) => i),
    mulberry32(SEEDS.irisShuffle),
  ).slice(0, 130);
  const sizes = [4, 5, 3];
  return {
    id: 'iris',
    title: 'Iris 4-5-3',
    sizes,
    learningRate: 0.2,
    steps: 130 * 300,
    data: { inputs: order.map((i) => scaled[i]), targets: order.map((i) => raw.targets[i].slice()) },
    init: initialParams(sizes, SEEDS.irisInit),
  };
}

/** 64-128-128-10, η = 0.1, 1,000 steps over 100 random samples: inputs uniform [0,1), one-hot of 10. */
export function wideWorkload(): Workload {
  const rand = mulberry32(SEEDS.wideData);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < 100; i++) {
    inputs.push(Array.from({ length: 64 }, rand));
    const cls = Math.floor(rand() * 10);
    targets.push(Array.from({ length: 10 }, (_, c) => (c === cls ? 1 : 0)));
  }
  const sizes = [64, 128, 128, 10];
  return {
    id: 'wide',
    title: '64-128-128-10',
    sizes,
    learningRate: 0.1,
    steps: 1000,
    data: { inputs, targets },
    init: initialParams(sizes, SEEDS.wideInit),
  };
}

export function allWorkloads(): Workload[] {
  return [irisWorkload(), wideWorkload()];
}

/** Mean over the samples of ½Σ(t−a)², with the network's outputs from `predict`. */
export function meanLoss(predict: (input: number[]) => number[], data: Dataset): number {
  let sum = 0;
  data.inputs.forEach((x, i) => {
    const a = predict(x);
    data.targets[i].forEach((t, j) => (sum += 0.5 * (t - a[j]) ** 2));
  });
  return sum / data.inputs.length;
}
