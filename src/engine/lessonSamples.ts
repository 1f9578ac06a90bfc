import { parseCsv } from './csv';
import { LIMITS } from './limits';
import type { Reader } from './lessonReader';
import { foundOf } from './problems';
import type { ActivationName, BuiltinDatasetName, DatasetSpec, LossName, Sample } from './types';

// A lesson's sample and its optional data set (inline samples, a built-in set, or CSV text), read for
// parseLesson (lessonFormat.ts) against the network's layer sizes and its loss.

const BUILTIN_DATASETS: BuiltinDatasetName[] = ['iris', 'xor', 'gaussians', 'circle', 'spiral'];

/** A sample: an input vector as long as the first layer, a target as long as the last, fit for the loss. */
export function readSample(
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

/** The data set training draws from: inline samples, a built-in set, or CSV text carried in the file. */
export function readDataset(
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
