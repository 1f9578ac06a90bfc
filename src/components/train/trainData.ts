import {
  createRng,
  initialise,
  parseCsv,
  type BuiltinDatasetName,
  type DatasetSpec,
  type Lesson,
} from '../../engine';
import { datasetSplit, IRIS_CLASSES } from '../../data';
import { networkOf, type TrainSplit } from '../../training';

// What the Train view takes from the lesson: its data set and split, and what the worker needs. Pure. Predictions
// are in predictions.ts, the history's chart columns in historyColumns.ts.

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

/** The classes' labels on the charts: their names (namedClassesOf), else their numbers 0, 1, … */
export function classNamesOf(named: string[] | null, count: number): string[] {
  return named ?? Array.from({ length: Math.max(2, count) }, (_, i) => String(i));
}

/** The names a lesson's data set gives its classes (Iris's species, a CSV's labels); null when it has none. */
export function namedClassesOf(lesson: Pick<Lesson, 'dataset'>): string[] | null {
  const d = lesson.dataset;
  if (d?.kind === 'builtin' && d.name === 'iris') return [...IRIS_CLASSES];
  if (d?.kind === 'csv') {
    const parsed = parseCsv(d.text);
    if (parsed.ok && parsed.data.classes) return parsed.data.classes;
  }
  return null;
}

/** Whether every sample fits the network (input and target sizes). */
export function fits(lesson: Pick<Lesson, 'layers'>, split: TrainSplit): boolean {
  const nIn = lesson.layers[0].size;
  const nOut = lesson.layers[lesson.layers.length - 1].size;
  return [...split.train, ...split.validation].every(
    (s) => s.input.length === nIn && s.target.length === nOut,
  );
}

export { networkOf };

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
