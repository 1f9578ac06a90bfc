import { ACTIVATION_NAMES } from './activations';
import { parseCsv } from './csv';
import { parseValueId } from './ids';
import { LIMITS } from './limits';
import { isValidPair, LOSS_NAMES } from './losses';
import {
  foundOf,
  problemOf,
  ROOT_PATH,
  type ListKind,
  type ProblemCode,
  type ProblemParamMap,
} from './problems';
import type {
  ActivationName,
  BuiltinDatasetName,
  Conventions,
  DatasetSpec,
  Detail,
  Lesson,
  LessonProblem,
  LocalText,
  LossName,
  ParseResult,
  Sample,
} from './types';

export { LIMITS } from './limits';

export const DEFAULT_CONVENTIONS: Conventions = {
  update: 'minusEta',
  vectors: 'column',
  symbols: 'standard',
};
const BUILTIN_DATASETS: BuiltinDatasetName[] = ['iris', 'xor', 'gaussians', 'circle', 'spiral'];

/** Collects problems while reading an untrusted value; every reader returns undefined on failure. */
class Reader {
  problems: LessonProblem[] = [];
  /** Records a problem by code and parameters; its English message comes from the same two. */
  fail<C extends ProblemCode>(path: string, code: C, params: ProblemParamMap[C]): undefined {
    this.problems.push(problemOf(path, code, params));
    return undefined;
  }
  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.fail(path, 'notObject', foundOf(v));
  }
  /** A list of min to max items; `what` (and `layer`) say what the items are. */
  array(
    v: unknown,
    path: string,
    min: number,
    max: number,
    what: ListKind,
    layer?: number,
  ): unknown[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, 'notList', foundOf(v));
    if (v.length < min || v.length > max) {
      const list = layer === undefined ? { what, count: v.length } : { what, layer, count: v.length };
      return min === max
        ? this.fail(path, 'wrongCount', { ...list, expected: min })
        : this.fail(path, 'countOutOfRange', { ...list, min, max });
    }
    return v;
  }
  number(v: unknown, path: string): number | undefined {
    if (typeof v !== 'number') return this.fail(path, 'notNumber', foundOf(v));
    if (!Number.isFinite(v)) return this.fail(path, 'notFinite', { value: v });
    if (Math.abs(v) > LIMITS.maxMagnitude)
      return this.fail(path, 'tooLarge', { value: v, max: LIMITS.maxMagnitude });
    return v;
  }
  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(path, 'notInteger', foundOf(v));
    if (v < min || v > max) return this.fail(path, 'outOfRange', { value: v, min, max });
    return v;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    return this.fail(path, 'notOneOf', { ...foundOf(v), options: options.join(', ') });
  }
  vector(v: unknown, path: string, length: number, what: ListKind, layer?: number): number[] | undefined {
    const arr = this.array(v, path, length, length, what, layer);
    if (!arr) return undefined;
    const out = arr.map((x, i) => this.number(x, `${path}[${i}]`));
    return out.every((x) => x !== undefined) ? (out as number[]) : undefined;
  }
  text(v: unknown, path: string): LocalText | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const en = typeof o.en === 'string' ? o.en : this.fail(`${path}.en`, 'notText', foundOf(o.en));
    const zh =
      typeof o['zh-CN'] === 'string'
        ? o['zh-CN']
        : this.fail(`${path}.zh-CN`, 'notText', foundOf(o['zh-CN']));
    return en !== undefined && zh !== undefined ? { en, 'zh-CN': zh } : undefined;
  }
}

/**
 * Reads an untrusted value (a parsed JSON file or link) as a `backprop-lesson` version 1. Returns the typed
 * lesson, or every problem found with its JSON path, e.g. `layers[2].activation: "sigmod" is not one of …`.
 */
export function parseLesson(input: unknown): ParseResult {
  const r = new Reader();
  const o =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : r.fail(ROOT_PATH, 'notLesson', foundOf(input));
  if (!o) return { ok: false, problems: r.problems };
  if (o.format !== 'backprop-lesson')
    r.fail('format', 'wrongFormat', { ...foundOf(o.format), expected: 'backprop-lesson' });
  if (o.version !== 1) r.fail('version', 'wrongVersion', { ...foundOf(o.version), expected: 1 });

  const layerList = r.array(o.layers, 'layers', 2, LIMITS.maxLayers, 'layers');
  const layers = layerList?.map((raw, l) => {
    const lo = r.object(raw, `layers[${l}]`);
    if (!lo) return undefined;
    const size = r.integer(lo.size, `layers[${l}].size`, 1, LIMITS.maxNeurons);
    if (l === 0) {
      if (lo.activation !== undefined) r.fail(`layers[0].activation`, 'inputActivation', {});
      return size === undefined ? undefined : { size };
    }
    const activation = r.oneOf<ActivationName>(lo.activation, `layers[${l}].activation`, ACTIVATION_NAMES);
    if (activation === 'softmax' && l !== layerList.length - 1) {
      r.fail(`layers[${l}].activation`, 'softmaxNotOutput', { layer: l });
    }
    // the size is kept even when the activation is wrong, so the weights and sample are still checked
    return size === undefined ? undefined : { size, activation };
  });
  const loss = r.oneOf<LossName>(o.loss, 'loss', LOSS_NAMES);
  const learningRate = r.number(o.learningRate, 'learningRate');
  if (learningRate !== undefined && learningRate <= 0)
    r.fail('learningRate', 'notPositive', { value: learningRate });
  const useBias =
    typeof o.useBias === 'boolean' ? o.useBias : r.fail('useBias', 'notBoolean', foundOf(o.useBias));

  const sizes = layers && layers.every((x) => x) ? layers.map((x) => x!.size) : undefined;
  const outAct = layers?.[layers.length - 1]?.activation;
  const layersRead = layers?.every((x, l) => x && (l === 0 || x.activation !== undefined));
  if (loss && outAct && !isValidPair(outAct, loss)) {
    r.fail('loss', 'invalidPair', { loss, activation: outAct });
  }

  let weights: number[][][] | undefined;
  let biases: number[][] | undefined;
  let sample: Sample | undefined;
  let dataset: DatasetSpec | undefined;
  if (sizes) {
    weights = readMatrices(r, o.weights, 'weights', sizes);
    if (o.biases === undefined && useBias === false)
      biases = sizes.slice(1).map((n) => new Array<number>(n).fill(0));
    else biases = readBiases(r, o.biases, sizes);
    if (useBias === false && biases?.some((b) => b.some((v) => v !== 0))) {
      r.fail('biases', 'biasesNotZero', {});
    }
    sample = readSample(r, o.sample, 'sample', sizes, loss, outAct);
    if (o.dataset !== undefined) dataset = readDataset(r, o.dataset, sizes, loss, outAct);
  }

  const batchSize =
    o.batchSize === undefined ? undefined : r.integer(o.batchSize, 'batchSize', 1, LIMITS.maxSamples);
  const seed = o.seed === undefined ? undefined : r.integer(o.seed, 'seed', 0, 2 ** 32 - 1);
  // a title may be plain text in one language (shown in both) or the text in each
  const title =
    o.title === undefined || typeof o.title === 'string'
      ? o.title
      : typeof o.title === 'object' && o.title !== null && !Array.isArray(o.title)
        ? r.text(o.title, 'title')
        : r.fail('title', 'notText', foundOf(o.title));
  const notes = o.notes === undefined ? undefined : r.text(o.notes, 'notes');
  const conventions = readConventions(r, o.conventions);
  const published = o.published === undefined ? undefined : readPublished(r, o.published);

  if (r.problems.length > 0 || !layersRead) return { ok: false, problems: r.problems };
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
  const list = r.array(v, path, sizes.length - 1, sizes.length - 1, 'matrices');
  if (!list) return undefined;
  const out = list.map((m, l) => {
    const rows = r.array(m, `${path}[${l}]`, sizes[l + 1], sizes[l + 1], 'rows', l + 1);
    if (!rows) return undefined;
    const mat = rows.map((row, j) => r.vector(row, `${path}[${l}][${j}]`, sizes[l], 'weights', l));
    return mat.every((x) => x) ? (mat as number[][]) : undefined;
  });
  return out.every((x) => x) ? (out as number[][][]) : undefined;
}

function readBiases(r: Reader, v: unknown, sizes: number[]): number[][] | undefined {
  const list = r.array(v, 'biases', sizes.length - 1, sizes.length - 1, 'biasVectors');
  if (!list) return undefined;
  const out = list.map((b, l) => r.vector(b, `biases[${l}]`, sizes[l + 1], 'biases', l + 1));
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
  const input = r.vector(o.input, `${path}.input`, sizes[0], 'inputs');
  const target = r.vector(o.target, `${path}.target`, sizes[sizes.length - 1], 'targets');
  if (target && (loss === 'bce' || loss === 'cce')) {
    target.forEach((t, j) => {
      if (t < 0 || t > 1) r.fail(`${path}.target[${j}]`, 'targetOutside01', { value: t });
    });
    const sum = target.reduce((s, t) => s + t, 0);
    if (loss === 'cce' && outAct === 'softmax' && Math.abs(sum - 1) > 1e-9) {
      r.fail(`${path}.target`, 'targetSum', { sum });
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
    const noise = o.noise === undefined ? undefined : readNoise(r, o.noise);
    if (!name || (o.noise !== undefined && noise === undefined)) return undefined;
    const spec: DatasetSpec = { kind: 'builtin', name };
    if (seed !== undefined) spec.seed = seed;
    if (noise !== undefined) spec.noise = noise;
    return spec;
  }
  if (o.kind === 'csv') return readCsvDataset(r, o, sizes, loss, outAct);
  if (o.kind !== 'inline')
    return r.fail('dataset.kind', 'notOneOf', { ...foundOf(o.kind), options: 'inline, builtin, csv' });
  const list = r.array(o.samples, 'dataset.samples', 1, LIMITS.maxSamples, 'samples');
  if (!list) return undefined;
  const samples = list.map((s, i) => readSample(r, s, `dataset.samples[${i}]`, sizes, loss, outAct));
  return samples.every((s) => s) ? { kind: 'inline', samples: samples as Sample[] } : undefined;
}

/** A built-in set's noise: a standard deviation in input units, 0 to LIMITS.maxNoise. */
function readNoise(r: Reader, v: unknown): number | undefined {
  if (typeof v !== 'number') return r.fail('dataset.noise', 'notNumber', foundOf(v));
  if (!(v >= 0 && v <= LIMITS.maxNoise))
    return r.fail('dataset.noise', 'outOfRange', { value: v, min: 0, max: LIMITS.maxNoise });
  return v;
}

/** A CSV data set carried in the file: read whole or refused with every problem (line and column) in it. */
function readCsvDataset(
  r: Reader,
  o: Record<string, unknown>,
  sizes: number[],
  loss: LossName | undefined,
  outAct: ActivationName | undefined,
): DatasetSpec | undefined {
  const seed = o.seed === undefined ? undefined : r.integer(o.seed, 'dataset.seed', 0, 2 ** 32 - 1);
  if (typeof o.text !== 'string') return r.fail('dataset.text', 'notText', foundOf(o.text));
  const parsed = parseCsv(o.text);
  if (!parsed.ok) {
    for (const { message, code, params } of parsed.problems)
      r.problems.push({ path: 'dataset.text', message, code, params });
    return undefined;
  }
  const { samples, classes } = parsed.data;
  const inputs = samples[0].input.length;
  const targets = samples[0].target.length;
  const before = r.problems.length;
  if (inputs !== sizes[0])
    r.fail('dataset.text', 'wrongCount', { what: 'inputs', count: inputs, expected: sizes[0] });
  if (targets !== sizes[sizes.length - 1])
    r.fail('dataset.text', 'wrongCount', {
      what: 'targets',
      count: targets,
      expected: sizes[sizes.length - 1],
    });
  const bad = classes ? undefined : samples.find((s) => s.target[0] < 0 || s.target[0] > 1);
  if (bad && (loss === 'bce' || loss === 'cce'))
    r.fail('dataset.text', 'targetOutside01', { value: bad.target[0] });
  if (!classes && loss === 'cce' && outAct === 'softmax' && samples.some((s) => s.target[0] !== 1))
    r.fail('dataset.text', 'targetSum', { sum: samples.find((s) => s.target[0] !== 1)!.target[0] });
  if (r.problems.length > before || (seed === undefined && o.seed !== undefined)) return undefined;
  return seed === undefined ? { kind: 'csv', text: o.text } : { kind: 'csv', text: o.text, seed };
}

function readConventions(r: Reader, v: unknown): Conventions | undefined {
  if (v === undefined) return { ...DEFAULT_CONVENTIONS };
  const o = r.object(v, 'conventions');
  if (!o) return undefined;
  const pick = <T extends string>(key: keyof Conventions, options: readonly T[]): T | undefined =>
    o[key] === undefined
      ? (DEFAULT_CONVENTIONS[key] as T)
      : r.oneOf<T>(o[key], `conventions.${key}`, options);
  const update = pick('update', ['minusEta', 'plusAlpha'] as const);
  const vectors = pick('vectors', ['column', 'row'] as const);
  const symbols = pick('symbols', ['standard', 'matrix004', 'paths001'] as const);
  const detail =
    o.detail === undefined
      ? undefined
      : r.oneOf<Detail>(o.detail, 'conventions.detail', ['neuron', 'layer', 'weight'] as const);
  const fixedBiases =
    o.fixedBiases === undefined || typeof o.fixedBiases === 'boolean'
      ? o.fixedBiases
      : r.fail('conventions.fixedBiases', 'notBoolean', foundOf(o.fixedBiases));
  if (!update || !vectors || !symbols) return undefined;
  const out: Conventions = { update, vectors, symbols };
  if (detail) out.detail = detail;
  if (fixedBiases !== undefined) out.fixedBiases = fixedBiases;
  return out;
}

/** A published figure names one value of one sample's step: any value id but η, without a sample. */
function isPublishable(id: string): boolean {
  const parts = parseValueId(id);
  return parts !== null && parts.sample === undefined && parts.kind !== 'eta';
}

function readPublished(r: Reader, v: unknown): Record<string, string> | undefined {
  const o = r.object(v, 'published');
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(o)) {
    if (!isPublishable(id)) r.fail(`published.${id}`, 'notValueId', { id });
    else if (typeof text !== 'string' || !Number.isFinite(Number(text)) || text.trim() === '') {
      r.fail(`published.${id}`, 'notNumberText', foundOf(text));
    } else out[id] = text;
  }
  return out;
}
