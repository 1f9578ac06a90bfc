import { ACTIVATION_NAMES } from './activations';
import { isValidPair, LOSS_NAMES } from './losses';
import type {
  ActivationName,
  BuiltinDatasetName,
  Conventions,
  DatasetSpec,
  Lesson,
  LessonProblem,
  LocalText,
  LossName,
  ParseResult,
  Sample,
} from './types';

/** Size caps of a lesson file, named in the messages that enforce them. */
export const LIMITS = {
  maxLayers: 10,
  maxNeurons: 64,
  maxSamples: 1000,
  /** Largest magnitude of any weight, bias, input, target or learning rate. */
  maxMagnitude: 1e6,
} as const;

export const DEFAULT_CONVENTIONS: Conventions = { update: 'minusEta', vectors: 'column', symbols: 'standard' };
const BUILTIN_DATASETS: BuiltinDatasetName[] = ['iris', 'xor', 'gaussians', 'circle', 'spiral'];

/** Collects problems while reading an untrusted value; every reader returns undefined on failure. */
class Reader {
  problems: LessonProblem[] = [];
  fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }
  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.fail(path, `expected an object, found ${describe(v)}`);
  }
  array(v: unknown, path: string, min: number, max: number, what: string): unknown[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, `expected a list, found ${describe(v)}`);
    if (v.length < min || v.length > max) {
      const range = min === max ? `exactly ${min}` : `${min} to ${max}`;
      return this.fail(path, `has ${v.length} ${what}; it must have ${range}`);
    }
    return v;
  }
  number(v: unknown, path: string): number | undefined {
    if (typeof v !== 'number') return this.fail(path, `expected a number, found ${describe(v)}`);
    if (!Number.isFinite(v)) return this.fail(path, `${v} is not a finite number`);
    if (Math.abs(v) > LIMITS.maxMagnitude) return this.fail(path, `${v} is outside ±${LIMITS.maxMagnitude}`);
    return v;
  }
  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(path, `expected a whole number, found ${describe(v)}`);
    if (v < min || v > max) return this.fail(path, `${v} is outside ${min} to ${max}`);
    return v;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    return this.fail(path, `${describe(v)} is not one of ${options.join(', ')}`);
  }
  vector(v: unknown, path: string, length: number, what: string): number[] | undefined {
    const arr = this.array(v, path, length, length, what);
    if (!arr) return undefined;
    const out = arr.map((x, i) => this.number(x, `${path}[${i}]`));
    return out.every((x) => x !== undefined) ? (out as number[]) : undefined;
  }
  text(v: unknown, path: string): LocalText | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const en = typeof o.en === 'string' ? o.en : this.fail(`${path}.en`, `expected text, found ${describe(o.en)}`);
    const zh = typeof o['zh-CN'] === 'string' ? o['zh-CN'] : this.fail(`${path}.zh-CN`, `expected text, found ${describe(o['zh-CN'])}`);
    return en !== undefined && zh !== undefined ? { en, 'zh-CN': zh } : undefined;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/**
 * Reads an untrusted value (a parsed JSON file or link) as a `backprop-lesson` version 1. Returns the typed
 * lesson, or every problem found with its JSON path, e.g. `layers[2].activation: "sigmod" is not one of …`.
 */
export function parseLesson(input: unknown): ParseResult {
  const r = new Reader();
  const o = r.object(input, '$');
  if (!o) return { ok: false, problems: r.problems };
  if (o.format !== 'backprop-lesson') r.fail('format', `expected "backprop-lesson", found ${describe(o.format)}`);
  if (o.version !== 1) r.fail('version', `expected 1, found ${describe(o.version)} (this version reads version 1)`);

  const layerList = r.array(o.layers, 'layers', 2, LIMITS.maxLayers, 'layers');
  const layers = layerList?.map((raw, l) => {
    const lo = r.object(raw, `layers[${l}]`);
    if (!lo) return undefined;
    const size = r.integer(lo.size, `layers[${l}].size`, 1, LIMITS.maxNeurons);
    if (l === 0) {
      if (lo.activation !== undefined) r.fail(`layers[0].activation`, 'the input layer has no activation');
      return size === undefined ? undefined : { size };
    }
    const activation = r.oneOf<ActivationName>(lo.activation, `layers[${l}].activation`, ACTIVATION_NAMES);
    if (activation === 'softmax' && l !== layerList.length - 1) {
      r.fail(`layers[${l}].activation`, 'softmax is allowed on the output layer only');
    }
    return size === undefined || activation === undefined ? undefined : { size, activation };
  });
  const loss = r.oneOf<LossName>(o.loss, 'loss', LOSS_NAMES);
  const learningRate = r.number(o.learningRate, 'learningRate');
  if (learningRate !== undefined && learningRate <= 0) r.fail('learningRate', `${learningRate} must be greater than 0`);
  const useBias = typeof o.useBias === 'boolean' ? o.useBias : r.fail('useBias', `expected true or false, found ${describe(o.useBias)}`);

  const sizes = layers && layers.every((x) => x) ? layers.map((x) => x!.size) : undefined;
  const outAct = layers?.[layers.length - 1]?.activation;
  if (loss && outAct && !isValidPair(outAct, loss)) {
    r.fail('loss', `${loss} is not defined for a ${outAct} output layer (cross-entropy needs sigmoid or softmax)`);
  }

  let weights: number[][][] | undefined;
  let biases: number[][] | undefined;
  let sample: Sample | undefined;
  let dataset: DatasetSpec | undefined;
  if (sizes) {
    weights = readMatrices(r, o.weights, 'weights', sizes);
    if (o.biases === undefined && useBias === false) biases = sizes.slice(1).map((n) => new Array<number>(n).fill(0));
    else biases = readBiases(r, o.biases, sizes);
    if (useBias === false && biases?.some((b) => b.some((v) => v !== 0))) {
      r.fail('biases', 'must all be 0 when useBias is false');
    }
    sample = readSample(r, o.sample, 'sample', sizes, loss, outAct);
    if (o.dataset !== undefined) dataset = readDataset(r, o.dataset, sizes, loss, outAct);
  }

  const batchSize = o.batchSize === undefined ? undefined : r.integer(o.batchSize, 'batchSize', 1, LIMITS.maxSamples);
  const seed = o.seed === undefined ? undefined : r.integer(o.seed, 'seed', 0, 2 ** 32 - 1);
  const title = o.title === undefined ? undefined : r.text(o.title, 'title');
  const notes = o.notes === undefined ? undefined : r.text(o.notes, 'notes');
  const conventions = readConventions(r, o.conventions);
  const published = o.published === undefined ? undefined : readPublished(r, o.published);

  if (r.problems.length > 0) return { ok: false, problems: r.problems };
  const lesson: Lesson = {
    format: 'backprop-lesson',
    version: 1,
    layers: layers as Lesson['layers'],
    loss: loss!,
    learningRate: learningRate!,
    useBias: useBias!,
    weights: weights!,
    biases: biases!,
    sample: sample!,
    conventions: conventions!,
  };
  if (title) lesson.title = title;
  if (notes) lesson.notes = notes;
  if (dataset) lesson.dataset = dataset;
  if (batchSize !== undefined) lesson.batchSize = batchSize;
  if (seed !== undefined) lesson.seed = seed;
  if (published) lesson.published = published;
  return { ok: true, lesson };
}

function readMatrices(r: Reader, v: unknown, path: string, sizes: number[]): number[][][] | undefined {
  const list = r.array(v, path, sizes.length - 1, sizes.length - 1, 'weight matrices (one between each pair of layers)');
  if (!list) return undefined;
  const out = list.map((m, l) => {
    const rows = r.array(m, `${path}[${l}]`, sizes[l + 1], sizes[l + 1], `rows (one per neuron of layer ${l + 1})`);
    if (!rows) return undefined;
    const mat = rows.map((row, j) => r.vector(row, `${path}[${l}][${j}]`, sizes[l], `weights (one per neuron of layer ${l})`));
    return mat.every((x) => x) ? (mat as number[][]) : undefined;
  });
  return out.every((x) => x) ? (out as number[][][]) : undefined;
}

function readBiases(r: Reader, v: unknown, sizes: number[]): number[][] | undefined {
  const list = r.array(v, 'biases', sizes.length - 1, sizes.length - 1, 'bias vectors (one per non-input layer)');
  if (!list) return undefined;
  const out = list.map((b, l) => r.vector(b, `biases[${l}]`, sizes[l + 1], `biases (one per neuron of layer ${l + 1})`));
  return out.every((x) => x) ? (out as number[][]) : undefined;
}

function readSample(
  r: Reader,
  v: unknown,
  path: string,
  sizes: number[],
  loss: LossName | undefined,
  outAct: ActivationName | undefined,
): Sample | undefined {
  const o = r.object(v, path);
  if (!o) return undefined;
  const input = r.vector(o.input, `${path}.input`, sizes[0], 'inputs (one per input neuron)');
  const target = r.vector(o.target, `${path}.target`, sizes[sizes.length - 1], 'targets (one per output neuron)');
  if (target && (loss === 'bce' || loss === 'cce')) {
    target.forEach((t, j) => {
      if (t < 0 || t > 1) r.fail(`${path}.target[${j}]`, `${t} must be between 0 and 1 for cross-entropy`);
    });
    const sum = target.reduce((s, t) => s + t, 0);
    if (loss === 'cce' && outAct === 'softmax' && Math.abs(sum - 1) > 1e-9) {
      r.fail(`${path}.target`, `sums to ${sum}; a softmax cross-entropy target must sum to 1`);
    }
  }
  return input && target ? { input, target } : undefined;
}

function readDataset(
  r: Reader,
  v: unknown,
  sizes: number[],
  loss: LossName | undefined,
  outAct: ActivationName | undefined,
): DatasetSpec | undefined {
  const o = r.object(v, 'dataset');
  if (!o) return undefined;
  if (o.kind === 'builtin') {
    const name = r.oneOf<BuiltinDatasetName>(o.name, 'dataset.name', BUILTIN_DATASETS);
    const seed = o.seed === undefined ? undefined : r.integer(o.seed, 'dataset.seed', 0, 2 ** 32 - 1);
    if (!name) return undefined;
    return seed === undefined ? { kind: 'builtin', name } : { kind: 'builtin', name, seed };
  }
  if (o.kind !== 'inline') return r.fail('dataset.kind', `${describe(o.kind)} is not one of inline, builtin`);
  const list = r.array(o.samples, 'dataset.samples', 1, LIMITS.maxSamples, 'samples');
  if (!list) return undefined;
  const samples = list.map((s, i) => readSample(r, s, `dataset.samples[${i}]`, sizes, loss, outAct));
  return samples.every((s) => s) ? { kind: 'inline', samples: samples as Sample[] } : undefined;
}

function readConventions(r: Reader, v: unknown): Conventions | undefined {
  if (v === undefined) return { ...DEFAULT_CONVENTIONS };
  const o = r.object(v, 'conventions');
  if (!o) return undefined;
  const pick = <T extends string>(key: keyof Conventions, options: readonly T[]): T | undefined =>
    o[key] === undefined ? (DEFAULT_CONVENTIONS[key] as T) : r.oneOf<T>(o[key], `conventions.${key}`, options);
  const update = pick('update', ['minusEta', 'plusAlpha'] as const);
  const vectors = pick('vectors', ['column', 'row'] as const);
  const symbols = pick('symbols', ['standard', 'matrix004', 'paths001'] as const);
  return update && vectors && symbols ? { update, vectors, symbols } : undefined;
}

const VALUE_ID = /^(x|t|z|a|fp|e|dA|d|db|b|b\+):\d+(:\d+)?$|^(w|dW|w\+):\d+:\d+:\d+$|^E$/;

function readPublished(r: Reader, v: unknown): Record<string, string> | undefined {
  const o = r.object(v, 'published');
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(o)) {
    if (!VALUE_ID.test(id)) r.fail(`published.${id}`, 'is not a value id such as z:1:0 or dW:2:0:1');
    else if (typeof text !== 'string' || !Number.isFinite(Number(text)) || text.trim() === '') {
      r.fail(`published.${id}`, `expected a number written as text, found ${describe(text)}`);
    } else out[id] = text;
  }
  return out;
}
