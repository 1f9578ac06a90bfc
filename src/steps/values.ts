/** Every number of one traced step by value id: the lesson's givens and the trace's quantities, unrounded. */
import { trainsBiases, type Lesson, type Sample, type Trace } from '../engine';
import { scopeId, vid } from '../engine';
import type { ValueId } from './types';

/**
 * The value ids' builders a walk names its values with: the real ones (`vid`, `scopeId`) when the order of the
 * ids is being recorded, or blanks that build nothing when only the numbers are wanted.
 */
interface Names {
  x: (k: number) => ValueId;
  t: (j: number) => ValueId;
  z: (l: number, j: number) => ValueId;
  a: (l: number, j: number) => ValueId;
  fp: (l: number, j: number) => ValueId;
  dA: (l: number, j: number) => ValueId;
  d: (l: number, j: number) => ValueId;
  dW: (l: number, j: number, k: number) => ValueId;
  db: (l: number, j: number) => ValueId;
  e: (j: number) => ValueId;
  w: (l: number, j: number, k: number) => ValueId;
  wNew: (l: number, j: number, k: number) => ValueId;
  b: (l: number, j: number) => ValueId;
  bNew: (l: number, j: number) => ValueId;
  E: ValueId;
  eta: ValueId;
  scope: (id: ValueId, sample: number) => ValueId;
}

const NAMED: Names = { ...vid, scope: scopeId };
const blank = (): ValueId => '' as ValueId;
const BLANK: Names = {
  x: blank,
  t: blank,
  z: blank,
  a: blank,
  fp: blank,
  dA: blank,
  d: blank,
  dW: blank,
  db: blank,
  e: blank,
  w: blank,
  wNew: blank,
  b: blank,
  bNew: blank,
  E: '' as ValueId,
  eta: '' as ValueId,
  scope: blank,
};

type Put = (id: ValueId, value: number) => void;

/**
 * One sample's quantities (x, t, z, a, f′, ∂E/∂a, δ, e, E and its own ∂E/∂w, ∂E/∂b), under `id` (the plain ids,
 * or in a mini-batch the sample's own).
 */
function walkPass(
  put: Put,
  n: Names,
  lesson: Lesson,
  sample: Sample,
  trace: Trace,
  id: (plain: ValueId) => ValueId,
): void {
  const L = lesson.layers.length - 1;
  const trainBias = trainsBiases(lesson);
  for (let k = 0; k < sample.input.length; k++) put(id(n.x(k)), sample.input[k]);
  for (let j = 0; j < sample.target.length; j++) put(id(n.t(j)), sample.target[j]);
  for (let l = 1; l <= L; l++) {
    const layer = trace.layers[l];
    const W = lesson.weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      put(id(n.z(l, j)), layer.z[j]);
      put(id(n.a(l, j)), layer.a[j]);
      if (layer.fPrime.length > 0) put(id(n.fp(l, j)), layer.fPrime[j]);
      put(id(n.dA(l, j)), layer.dA[j]);
      put(id(n.d(l, j)), layer.delta[j]);
      const dW = layer.dW[j];
      for (let k = 0; k < W[j].length; k++) put(id(n.dW(l, j, k)), dW[k]);
      if (trainBias) put(id(n.db(l, j)), layer.db[j]);
    }
  }
  for (let j = 0; j < trace.lossTerms.length; j++) put(id(n.e(j)), trace.lossTerms[j]);
  put(id(n.E), trace.loss);
}

/** Every value of the step in one fixed order (the order depends on the network's shape only, see shapeKey). */
function walk(put: Put, n: Names, lesson: Lesson, trace: Trace): void {
  const L = lesson.layers.length - 1;
  const trainBias = trainsBiases(lesson);
  const batch = trace.batch;
  if (batch) {
    // each sample's pass under its own ids; the plain ids hold the batch's loss and mean gradients
    batch.traces.forEach((t, x) => walkPass(put, n, lesson, batch.samples[x], t, (id) => n.scope(id, x)));
    put(n.E, batch.loss);
  } else walkPass(put, n, lesson, lesson.sample, trace, (id) => id);
  put(n.eta, lesson.learningRate);
  for (let l = 1; l <= L; l++) {
    const W = lesson.weights[l - 1];
    const wNew = trace.updated.weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      for (let k = 0; k < W[j].length; k++) {
        put(n.w(l, j, k), W[j][k]);
        if (batch) put(n.dW(l, j, k), batch.dW[l - 1][j][k]);
        put(n.wNew(l, j, k), wNew[j][k]);
      }
      if (lesson.useBias) put(n.b(l, j), lesson.biases[l - 1][j]);
      if (trainBias) {
        if (batch) put(n.db(l, j), batch.db[l - 1][j]);
        put(n.bNew(l, j), trace.updated.biases[l - 1][j]);
      }
    }
  }
}

/**
 * What decides which values a step has, and in which order `walk` puts them: the layer sizes, which layers
 * have f′, the sample's sizes, the loss terms, whether biases are used and trained, and the batch size.
 */
function shapeKey(lesson: Lesson, trace: Trace): string {
  const first = trace.batch ? trace.batch.traces[0] : trace;
  const sample = trace.batch ? trace.batch.samples[0] : lesson.sample;
  return JSON.stringify([
    lesson.weights.map((W) => [W.length, W[0]?.length ?? 0]),
    first.layers.map((layer) => layer.fPrime.length > 0),
    sample.input.length,
    sample.target.length,
    first.lossTerms.length,
    lesson.useBias,
    trainsBiases(lesson),
    trace.batch?.samples.length ?? 0,
  ]);
}

/** The value ids of a network's steps in walk order, and each id's slot in that order. */
export interface ValueLayout {
  readonly ids: readonly ValueId[];
  readonly slots: ReadonlyMap<ValueId, number>;
}

/**
 * The layouts of the last few network shapes (bounded): the ids do not change when only the numbers do (Next
 * iteration, an edited weight), so they are spelt and hashed once per shape, not once per trace.
 */
const layouts = new Map<string, ValueLayout>();
const LAYOUTS_KEPT = 8;

function layoutOf(lesson: Lesson, trace: Trace): ValueLayout {
  const key = shapeKey(lesson, trace);
  const hit = layouts.get(key);
  if (hit) return hit;
  const ids: ValueId[] = [];
  const slots = new Map<ValueId, number>();
  walk(
    (id) => {
      if (slots.has(id)) throw new Error(`collectValues: the value ${id} twice`);
      slots.set(id, ids.length);
      ids.push(id);
    },
    NAMED,
    lesson,
    trace,
  );
  const layout: ValueLayout = { ids: Object.freeze(ids), slots };
  if (layouts.size >= LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value as string);
  layouts.set(key, layout);
  return layout;
}

/** A step's numbers: its layout (shared by every trace of the network) and the numbers in slot order. */
export interface ValueTable {
  readonly layout: ValueLayout;
  readonly data: Float64Array;
}

/** The table behind each value record made by collectValues (for index-based reads, see valueTableOf). */
const tables = new WeakMap<object, ValueTable>();

/** The table behind a record of collectValues (undefined for any other record). */
export function valueTableOf(values: object): ValueTable | undefined {
  return tables.get(values);
}

/**
 * Every value of the traced step by id, as a read-only record: `values[id]`, `id in values` and
 * `Object.keys(values)` (in walk order) answer from a table of numbers in the network's shared layout, so a
 * new trace of the same network (Next iteration) costs one array of numbers, not a record of ~10⁵ new keys.
 */
export function collectValues(lesson: Lesson, trace: Trace): Record<ValueId, number> {
  const layout = layoutOf(lesson, trace);
  const data = new Float64Array(layout.ids.length);
  let n = 0;
  walk((_id, value) => (data[n++] = value), BLANK, lesson, trace);
  if (n !== data.length) throw new Error('collectValues: the values do not fit their layout');
  const { slots, ids } = layout;
  const record = new Proxy(Object.create(null) as Record<ValueId, number>, {
    get: (_t, id) => {
      const s = slots.get(id as ValueId);
      return s === undefined ? undefined : data[s];
    },
    has: (_t, id) => slots.has(id as ValueId),
    ownKeys: () => ids.slice(),
    getOwnPropertyDescriptor: (_t, id) => {
      const s = slots.get(id as ValueId);
      return s === undefined
        ? undefined
        : { value: data[s], writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  tables.set(record, { layout, data });
  return record;
}
