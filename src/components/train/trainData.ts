import {
  createRng,
  initialise,
  parseCsv,
  type ActivationName,
  type BuiltinDatasetName,
  type DatasetSpec,
  type Lesson,
  type Sample,
} from '../../engine';
import { datasetSplit, IRIS_CLASSES } from '../../data';
import { compileNet, forward } from '../../engine/training';
import type { TrainNetwork, TrainSplit } from '../../training';

// What the Train view computes from the lesson and the run: the split, predictions, the decision map. Pure.

/** The seed a lesson's data set is generated and shuffled with: its own, else the lesson's. */
export function datasetSeed(lesson: Pick<Lesson, 'dataset' | 'seed'>): number {
  const d = lesson.dataset;
  return (d && 'seed' in d ? d.seed : undefined) ?? lesson.seed ?? 1;
}

/**
 * The lesson's training and validation samples (datasetSplit: Iris as lesson 002 prepares it, 130 / 20), or its
 * one sample when it has no data set.
 */
export function splitOf(lesson: Pick<Lesson, 'dataset' | 'seed' | 'sample'>): TrainSplit {
  if (!lesson.dataset) return { train: [lesson.sample], validation: [] };
  return datasetSplit(lesson.dataset, lesson.seed ?? 1);
}

/** Names of the classes a lesson's data set has (Iris's species, a CSV's labels), else their numbers. */
export function classNamesOf(lesson: Pick<Lesson, 'dataset'>, count: number): string[] {
  const d = lesson.dataset;
  if (d?.kind === 'builtin' && d.name === 'iris') return [...IRIS_CLASSES];
  if (d?.kind === 'csv') {
    const parsed = parseCsv(d.text);
    if (parsed.ok && parsed.data.classes) return parsed.data.classes;
  }
  return Array.from({ length: Math.max(2, count) }, (_, i) => String(i));
}

/** Whether every sample fits the network (input and target sizes). */
export function fits(lesson: Pick<Lesson, 'layers'>, split: TrainSplit): boolean {
  const nIn = lesson.layers[0].size;
  const nOut = lesson.layers[lesson.layers.length - 1].size;
  return [...split.train, ...split.validation].every(
    (s) => s.input.length === nIn && s.target.length === nOut,
  );
}

/** What the worker needs of the lesson. */
export function networkOf(lesson: Lesson): TrainNetwork {
  const { layers, loss, learningRate, useBias, weights, biases, conventions } = lesson;
  return { layers, loss, learningRate, useBias, weights, biases, conventions };
}

/** A key that changes when the run must start again: another network or data set (another lesson opened also does). */
export function runKey(lesson: Lesson): string {
  return JSON.stringify([lesson.layers, lesson.loss, lesson.useBias, lesson.dataset, lesson.seed]);
}

/**
 * The lesson fitted to a data set: its input layer as wide as the features, its output layer one neuron per
 * class (one for two classes or a number), fresh weights uniform in [0, 1) from the lesson's seed when the shape
 * changed.
 */
export function withDataset(lesson: Lesson, dataset: DatasetSpec): Lesson {
  const probe = splitOf({ ...lesson, dataset });
  const first = probe.train[0] ?? lesson.sample;
  const layers = lesson.layers.map((l, i) =>
    i === 0
      ? { ...l, size: first.input.length }
      : i === lesson.layers.length - 1
        ? { ...l, size: first.target.length }
        : l,
  );
  const same = layers.every((l, i) => l.size === lesson.layers[i].size);
  const params = same
    ? { weights: lesson.weights, biases: lesson.biases }
    : initialise(
        layers.map((l) => l.size),
        { kind: 'uniform01' },
        createRng(lesson.seed ?? 1),
        lesson.useBias,
      );
  return { ...lesson, layers, ...params, dataset, sample: first };
}

/** The built-in data sets the picker offers, in order. */
export const BUILTIN_SETS: BuiltinDatasetName[] = ['iris', 'xor', 'gaussians', 'circle', 'spiral'];

/** A forward pass with given weights: x → the output activations. */
export function predictor(
  lesson: Pick<Lesson, 'layers' | 'loss' | 'useBias'>,
  weights: number[][][],
  biases: number[][],
): (x: ArrayLike<number>) => Float64Array {
  const net = compileNet(
    lesson.layers.map((l) => l.size),
    lesson.layers.map((l) => l.activation ?? 'identity') as ActivationName[],
    lesson.loss,
    lesson.useBias,
    weights,
    biases,
  );
  return (x) => forward(net, x);
}

/** The class an output (or target) stands for: arg-max of several, or 0/1 of one (threshold ½). */
export function classOf(v: ArrayLike<number>): number {
  if (v.length === 1) return v[0] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/** Whether the targets are classes (one-hot, or a single 0/1), not numbers to regress. */
export function isClassification(samples: readonly Sample[]): boolean {
  return samples.every((s) =>
    s.target.length === 1
      ? s.target[0] === 0 || s.target[0] === 1
      : s.target.every((t) => t === 0 || t === 1),
  );
}

/** counts[actual][predicted] over the samples, with the indices of the samples in each cell. */
export function confusion(
  samples: readonly Sample[],
  predict: (x: ArrayLike<number>) => ArrayLike<number>,
  classes: number,
): { counts: number[][]; members: number[][][] } {
  const counts = Array.from({ length: classes }, () => Array<number>(classes).fill(0));
  const members = Array.from({ length: classes }, () =>
    Array.from({ length: classes }, () => [] as number[]),
  );
  samples.forEach((s, i) => {
    const actual = classOf(s.target);
    const predicted = classOf(predict(s.input));
    counts[actual][predicted]++;
    members[actual][predicted].push(i);
  });
  return { counts, members };
}

/** The box around 2-D points with a margin of a tenth on each side. */
export function extentOf(samples: readonly Sample[]): { x: [number, number]; y: [number, number] } {
  const xs = samples.map((s) => s.input[0]);
  const ys = samples.map((s) => s.input[1]);
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo || 1) * 0.1;
    return [lo - m, hi + m];
  };
  return { x: pad(Math.min(...xs), Math.max(...xs)), y: pad(Math.min(...ys), Math.max(...ys)) };
}

/**
 * The decision map of a 2-D network: the first output at the centre of each of cols × rows cells over the box,
 * row by row from the top (largest y). values[r * cols + c].
 */
export function decisionGrid(
  predict: (x: ArrayLike<number>) => ArrayLike<number>,
  box: { x: [number, number]; y: [number, number] },
  cols: number,
  rows: number,
): Float64Array {
  const values = new Float64Array(cols * rows);
  const x = new Float64Array(2);
  for (let r = 0; r < rows; r++) {
    x[1] = box.y[1] - ((r + 0.5) / rows) * (box.y[1] - box.y[0]);
    for (let c = 0; c < cols; c++) {
      x[0] = box.x[0] + ((c + 0.5) / cols) * (box.x[1] - box.x[0]);
      const out = predict(x);
      values[r * cols + c] = out.length === 1 ? out[0] : out[1] - out[0];
    }
  }
  return values;
}

/**
 * Where each record of the loss history sits on the Train view's epoch axis: an epoch at its number, the step
 * view's iterations handed to the run after epoch e spread evenly between e and e + 1 (each is one update, not
 * an epoch).
 */
export function epochXs(records: readonly { epoch: number; iteration?: true }[]): number[] {
  const xs = new Array<number>(records.length);
  for (let i = 0; i < records.length;) {
    if (!records[i].iteration) {
      xs[i] = records[i].epoch;
      i++;
      continue;
    }
    let j = i;
    while (j < records.length && records[j].iteration && records[j].epoch === records[i].epoch) j++;
    for (let k = i; k < j; k++) xs[k] = records[i].epoch + (k - i + 1) / (j - i + 1);
    i = j;
  }
  return xs;
}

/**
 * Where η changed, from the history's records (each keeps the η it ended with): the x of the last record before
 * each change (the change took effect after it) and the new value.
 */
export function rateChanges(
  records: readonly { learningRate?: number }[],
  xs: ArrayLike<number>,
): { x: number; eta: number }[] {
  const out: { x: number; eta: number }[] = [];
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1].learningRate;
    const b = records[i].learningRate;
    if (a !== undefined && b !== undefined && a !== b) out.push({ x: xs[i - 1], eta: b });
  }
  return out;
}

/** The loss history as columns for the charts: x on the epoch axis and the four figures (NaN where none). */
export interface HistoryColumns {
  /** The records the first `n` entries of each column hold. */
  records: readonly HistoryRecordLike[];
  n: number;
  xs: Float64Array;
  trainLoss: Float64Array;
  validationLoss: Float64Array;
  trainAccuracy: Float64Array;
  validationAccuracy: Float64Array;
  /** Indices of the records whose η differs from the one before (a new array only when one is added). */
  rateChanges: readonly number[];
}

interface HistoryRecordLike {
  learningRate?: number;
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss?: number;
  validationAccuracy?: number;
  iteration?: true;
}

/**
 * The history's columns, built on `prev` when the records only grew since (the usual case while training: only
 * the new records are read, into arrays grown by doubling), else anew. Entries past `n` belong to no record.
 */
export function historyColumns(
  records: readonly HistoryRecordLike[],
  prev: HistoryColumns | null,
): HistoryColumns {
  const n = records.length;
  const grew =
    prev !== null &&
    n >= prev.n &&
    (prev.n === 0 || records[prev.n - 1] === prev.records[prev.n - 1]) &&
    !(prev.n > 0 && records[prev.n - 1].iteration);
  const from = grew ? prev.n : 0;
  let cols: HistoryColumns;
  if (grew && prev.xs.length >= n) cols = { ...prev, records, n };
  else {
    const capacity = Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
    const grow = (a: Float64Array | undefined) => {
      const b = new Float64Array(capacity);
      if (a && grew) b.set(a.subarray(0, prev.n));
      return b;
    };
    cols = {
      records,
      n,
      xs: grow(prev?.xs),
      trainLoss: grow(prev?.trainLoss),
      validationLoss: grow(prev?.validationLoss),
      trainAccuracy: grow(prev?.trainAccuracy),
      validationAccuracy: grow(prev?.validationAccuracy),
      rateChanges: grew ? prev.rateChanges : [],
    };
  }
  const added: number[] = [];
  for (let i = Math.max(1, from); i < n; i++) {
    const a = records[i - 1].learningRate;
    const b = records[i].learningRate;
    if (a !== undefined && b !== undefined && a !== b) added.push(i);
  }
  if (added.length > 0) cols.rateChanges = cols.rateChanges.concat(added);
  let spread = false;
  for (let i = from; i < n; i++) {
    const h = records[i];
    if (h.iteration) spread = true;
    cols.xs[i] = h.epoch;
    cols.trainLoss[i] = h.trainLoss;
    cols.validationLoss[i] = h.validationLoss ?? NaN;
    cols.trainAccuracy[i] = h.trainAccuracy;
    cols.validationAccuracy[i] = h.validationAccuracy ?? NaN;
  }
  // iterations between epochs: their x depends on how many share the gap
  if (spread) {
    cols.xs.set(epochXs(records));
    // the marks' x may have moved with them
    cols.rateChanges = [...cols.rateChanges];
  }
  return cols;
}
