import { ACTIVATION_NAMES } from './activations';
import { parseValueId } from './ids';
import { LIMITS } from './limits';
import { Reader } from './lessonReader';
import { readDataset, readSample } from './lessonSamples';
import { isValidPair, LOSS_NAMES } from './losses';
import { foundOf, ROOT_PATH } from './problems';
import type {
  ActivationName,
  Conventions,
  DatasetSpec,
  Detail,
  Lesson,
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
