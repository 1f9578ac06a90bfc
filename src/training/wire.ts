/**
 * The worker's messages as they cross the thread boundary: the numbers of a progress or stop message (the epochs
 * since the last message, the weights, biases and gradients of its snapshot) travel as Float64Arrays whose buffers
 * are transferred, not as arrays of objects and nested arrays, which the page would decode value by value in a
 * structured clone. Every number keeps its exact Float64 value (NaN, ±Infinity and -0 included).
 */
import type { EpochStats } from '../engine';
import type { TrainSnapshot, WorkerToPage } from './protocol';

/** Numbers per epoch: the seven figures of EpochStats, the epoch, and a bit mask of the optional ones present. */
export const EPOCH_STRIDE = 9;
const OPTIONAL = [
  'validationLoss',
  'validationAccuracy',
  'learningRate',
  'batchSize',
  'steps',
] as const satisfies readonly (keyof EpochStats)[];

const ALL = (1 << OPTIONAL.length) - 1;
const NO_VALIDATION = ALL & ~3;

/** Nested arrays of numbers, flattened: `values` in order, `shape` the length of every inner array in order. */
export interface PackedArrays {
  values: Float64Array;
  /** For number[][]: the length of each row; for number[][][]: per matrix its row count, then each row's length. */
  shape: Int32Array;
}

/** A snapshot whose weights, biases and gradients are packed. */
export type WireSnapshot = Omit<TrainSnapshot, 'weights' | 'biases' | 'progress'> & {
  weights: PackedArrays;
  biases: PackedArrays;
  progress: Omit<TrainSnapshot['progress'], 'gradients'> & {
    gradients?: { weights: PackedArrays; biases: PackedArrays };
  };
};

type Progress = Extract<WorkerToPage, { type: 'progress' }>;
type Stopped = Extract<WorkerToPage, { type: 'stopped' }>;

/** A worker message as it is posted: epochs as EPOCH_STRIDE numbers each, the snapshot packed. */
export type WireMessage =
  | (Omit<Progress, 'epochs' | 'snapshot'> & { epochs: Float64Array; snapshot: WireSnapshot })
  | (Omit<Stopped, 'epochs' | 'snapshot'> & { epochs: Float64Array; snapshot: WireSnapshot });

export function packEpochs(epochs: readonly EpochStats[]): Float64Array {
  const out = new Float64Array(epochs.length * EPOCH_STRIDE);
  let k = 0;
  for (const e of epochs) {
    out[k] = e.epoch;
    out[k + 1] = e.trainLoss;
    out[k + 2] = e.trainAccuracy;
    let mask = 0;
    for (let i = 0; i < OPTIONAL.length; i++) {
      const v = e[OPTIONAL[i]];
      if (v !== undefined) {
        mask |= 1 << i;
        out[k + 3 + i] = v;
      }
    }
    out[k + 8] = mask;
    k += EPOCH_STRIDE;
  }
  return out;
}

export function unpackEpochs(packed: Float64Array): EpochStats[] {
  const n = packed.length / EPOCH_STRIDE;
  const out: EpochStats[] = new Array<EpochStats>(n);
  for (let j = 0, k = 0; j < n; j++, k += EPOCH_STRIDE) {
    const mask = packed[k + 8];
    // the two sets of figures a TrainingSession gives (with and without validation) as object literals of one shape
    // each; any other set field by field
    if (mask === ALL) {
      out[j] = {
        epoch: packed[k],
        trainLoss: packed[k + 1],
        trainAccuracy: packed[k + 2],
        validationLoss: packed[k + 3],
        validationAccuracy: packed[k + 4],
        learningRate: packed[k + 5],
        batchSize: packed[k + 6],
        steps: packed[k + 7],
      };
      continue;
    }
    if (mask === NO_VALIDATION) {
      out[j] = {
        epoch: packed[k],
        trainLoss: packed[k + 1],
        trainAccuracy: packed[k + 2],
        learningRate: packed[k + 5],
        batchSize: packed[k + 6],
        steps: packed[k + 7],
      };
      continue;
    }
    const e: EpochStats = { epoch: packed[k], trainLoss: packed[k + 1], trainAccuracy: packed[k + 2] };
    for (let i = 0; i < OPTIONAL.length; i++) if (mask & (1 << i)) e[OPTIONAL[i]] = packed[k + 3 + i];
    out[j] = e;
  }
  return out;
}

function packRows(rows: readonly (readonly number[])[], values: number[], shape: number[]): void {
  for (const row of rows) {
    shape.push(row.length);
    for (const v of row) values.push(v);
  }
}

/** Packs number[][] (depth 2) or number[][][] (depth 3). */
export function packArrays(arrays: readonly (readonly number[])[], depth: 2): PackedArrays;
export function packArrays(arrays: readonly (readonly (readonly number[])[])[], depth: 3): PackedArrays;
export function packArrays(arrays: readonly unknown[], depth: 2 | 3): PackedArrays {
  const values: number[] = [];
  const shape: number[] = [];
  if (depth === 2) packRows(arrays as number[][], values, shape);
  else
    for (const m of arrays as number[][][]) {
      shape.push(m.length);
      packRows(m, values, shape);
    }
  return { values: Float64Array.from(values), shape: Int32Array.from(shape) };
}

export function unpackArrays(p: PackedArrays, depth: 2): number[][];
export function unpackArrays(p: PackedArrays, depth: 3): number[][][];
export function unpackArrays(p: PackedArrays, depth: 2 | 3): number[][] | number[][][] {
  const { values, shape } = p;
  let v = 0;
  let s = 0;
  const row = (): number[] => {
    const len = shape[s++];
    const r = new Array<number>(len);
    for (let i = 0; i < len; i++) r[i] = values[v++];
    return r;
  };
  const out: (number[] | number[][])[] = [];
  while (s < shape.length) {
    if (depth === 2) out.push(row());
    else {
      const rows = shape[s++];
      const m: number[][] = new Array<number[]>(rows);
      for (let i = 0; i < rows; i++) m[i] = row();
      out.push(m);
    }
  }
  return out as number[][] | number[][][];
}

function packSnapshot(s: TrainSnapshot): WireSnapshot {
  const { gradients, ...progress } = s.progress;
  const out: WireSnapshot = {
    ...s,
    weights: packArrays(s.weights, 3),
    biases: packArrays(s.biases, 2),
    progress,
  };
  if (gradients)
    out.progress.gradients = {
      weights: packArrays(gradients.weights, 2),
      biases: packArrays(gradients.biases, 2),
    };
  return out;
}

function unpackSnapshot(s: WireSnapshot): TrainSnapshot {
  const { gradients, ...progress } = s.progress;
  const out: TrainSnapshot = {
    ...s,
    weights: unpackArrays(s.weights, 3),
    biases: unpackArrays(s.biases, 2),
    progress,
  };
  if (gradients)
    out.progress.gradients = {
      weights: unpackArrays(gradients.weights, 2),
      biases: unpackArrays(gradients.biases, 2),
    };
  return out;
}

/** The buffers a packed message can hand over (the worker keeps none of them). */
export function transferables(m: WireMessage): ArrayBuffer[] {
  const { snapshot: s } = m;
  const list = [m.epochs, s.weights.values, s.weights.shape, s.biases.values, s.biases.shape];
  const g = s.progress.gradients;
  if (g) list.push(g.weights.values, g.weights.shape, g.biases.values, g.biases.shape);
  return list.map((a) => a.buffer as ArrayBuffer);
}

export function packMessage(m: WorkerToPage): WireMessage {
  return { ...m, epochs: packEpochs(m.epochs), snapshot: packSnapshot(m.snapshot) };
}

export function unpackMessage(m: WireMessage): WorkerToPage {
  return { ...m, epochs: unpackEpochs(m.epochs), snapshot: unpackSnapshot(m.snapshot) };
}
