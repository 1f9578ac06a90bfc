/** The ordered lesson timeline for a traced step at one granularity. */
import type { Lesson, Trace } from '../engine';
import { scopeId } from '../engine';
import { dictionary, range } from './collections';
import { RULES } from './rules';
import { isSoftmax, shapeOf, type NetShape } from './shape';
import type { Granularity, Step, StepKind, Timeline, ValueId } from './types';
import { collectValues } from './values';

/**
 * A step to be made: its kind, layer l, neuron j and incoming neuron k (-1 for a bias), and in a mini-batch the
 * sample x whose pass it belongs to (absent: the step's own).
 */
type Planned = [kind: StepKind, l: number, j: number, k: number, sample?: number];

const each = (kind: StepKind, l: number, n: number): Planned[] => range(n).map((j) => [kind, l, j, 0]);
const down = (L: number) => range(L).map((i) => L - i);
const up = (L: number) => range(L).map((i) => i + 1);

/** Per-weight steps of neuron j (then its bias, when biases are trained): the weight granularity's gradient and update. */
function perWeight(s: NetShape, kind: StepKind, l: number): Planned[] {
  return range(s.sizes[l]).flatMap((j) => [
    ...range(s.sizes[l - 1]).map((k): Planned => [kind, l, j, k]),
    ...(s.trainsBias ? [[kind, l, j, -1] as Planned] : []),
  ]);
}

/** Forward: z then a per neuron (a softmax layer: every z first, since each a_j needs them all). */
function forwardLayer(s: NetShape, l: number): Planned[] {
  const n = s.sizes[l];
  if (isSoftmax(s, l)) return [...each('z', l, n), ...each('a', l, n)];
  return range(n).flatMap((j): Planned[] => [
    ['z', l, j, 0],
    ['a', l, j, 0],
  ]);
}

/** Output error: ∂E/∂a, f′, δ per output (softmax: every ∂E/∂a first, as δ_j may need them all). */
function outputBackward(s: NetShape): Planned[] {
  const { L } = s;
  const n = s.sizes[L];
  if (isSoftmax(s, L)) return [...each('outputDA', L, n), ...each('outputDelta', L, n)];
  return range(n).flatMap((j): Planned[] => [
    ['outputDA', L, j, 0],
    ['outputFPrime', L, j, 0],
    ['outputDelta', L, j, 0],
  ]);
}

/**
 * A mini-batch step: each sample's forward, loss, backward and gradient steps in turn (its own ids), then the
 * batch loss, the mean gradients and the one update.
 */
function batchPlan(s: NetShape, granularity: Granularity): Planned[] {
  const { L, sizes } = s;
  const single = plan(s, granularity);
  const passes = single.filter(([kind]) => RULES[kind].phase !== 'update');
  const updates = single.filter(([kind]) => RULES[kind].phase === 'update');
  const means: Planned[] =
    granularity === 'layer'
      ? down(L).map((l): Planned => ['layerMeanGradients', l, 0, 0])
      : granularity === 'weight'
        ? down(L).flatMap((l) => perWeight(s, 'meanWeightGradient', l))
        : down(L).flatMap((l) => each('meanGradients', l, sizes[l]));
  return [
    ...range(s.m).flatMap((x) => passes.map(([kind, l, j, k]): Planned => [kind, l, j, k, x])),
    ['batchLoss', L, 0, 0],
    ...means,
    ...updates,
  ];
}

function plan(s: NetShape, granularity: Granularity): Planned[] {
  const { L, sizes } = s;
  if (granularity === 'layer') {
    return [
      ...up(L).map((l): Planned => ['layerForward', l, 0, 0]),
      ['layerLoss', L, 0, 0],
      ['layerOutputDelta', L, 0, 0],
      ...down(L - 1).map((l): Planned => ['layerHiddenDelta', l, 0, 0]),
      ...down(L).map((l): Planned => ['layerGradients', l, 0, 0]),
      ...up(L).map((l): Planned => ['layerUpdate', l, 0, 0]),
    ];
  }
  const byWeight = granularity === 'weight';
  return [
    ...up(L).flatMap((l) => forwardLayer(s, l)),
    ...each('lossTerm', L, sizes[L]),
    ['lossTotal', L, 0, 0],
    ...outputBackward(s),
    ...down(L - 1).flatMap((l) => each('hiddenDelta', l, sizes[l])),
    ...down(L).flatMap((l) =>
      byWeight ? perWeight(s, 'weightGradient', l) : each('neuronGradients', l, sizes[l]),
    ),
    ...up(L).flatMap((l) => (byWeight ? perWeight(s, 'weightUpdate', l) : each('neuronUpdate', l, sizes[l]))),
  ];
}

type Structure = Pick<Timeline, 'steps' | 'indexById'>;

/** A step's fields made only when first read (see structure). */
type LazyFields = Pick<Step, 'neurons' | 'reads' | 'highlight' | 'sources'>;
const LAZY_FIELDS: readonly (keyof LazyFields)[] = ['neurons', 'reads', 'highlight', 'sources'];

/**
 * The steps of a network at a granularity: ids, reads, writes, sources, highlights; no numbers.
 *
 * A step's id, phase, kind, layer and writes are made here; its neurons, reads, highlight and sources when one
 * of them is first read (a student sees a few of a large network's thousands of steps: a 10 × 64 network's
 * 3,073 steps read ~400,000 ids, which took about a second to list when it opened). Each step is frozen and
 * reads the same either way: the lazy fields are enumerable getters, made once and frozen (an equivalence
 * test compares every step with the eager build).
 */
function structure(s: NetShape, granularity: Granularity): Structure {
  /** For every value: the index of the first step writing it, and whether any value is written twice. */
  const writer = new Map<ValueId, number>();
  /** Values written by more than one step: every writer's index, in order (none in today's timelines). */
  let rewritten: Map<ValueId, number[]> | undefined;
  const indexById: Record<string, number> = dictionary();
  const planned = s.m > 1 ? batchPlan(s, granularity) : plan(s, granularity);
  const ids: string[] = [];
  const steps = planned.map(([kind, l, j, k, x], index): Step => {
    const rule = RULES[kind];
    const scope = (vs: ValueId[]) => (x === undefined ? vs : vs.map((v) => scopeId(v, x)));
    const id = x === undefined ? rule.id(l, j, k) : `sample${x + 1}/${rule.id(l, j, k)}`;
    const writes = scope(rule.writes(s, l, j, k));
    let made: LazyFields | undefined;
    const make = (): LazyFields => {
      if (made) return made;
      const reads = scope(rule.reads(s, l, j, k));
      const sources: Record<ValueId, string> = dictionary();
      // the step that last wrote each value before this one
      for (const r of reads) {
        const from = lastWriterBefore(r, index);
        if (from !== undefined) sources[r] = ids[from];
      }
      made = deepFreeze({
        neurons: rule.neurons(s, l, j).slice(),
        reads,
        highlight: { ...rule.lit(s, l, j, k), backward: rule.phase === 'backward' },
        sources,
      });
      return made;
    };
    for (const w of writes) {
      const first = writer.get(w);
      if (first === undefined) writer.set(w, index);
      else (rewritten ??= new Map<ValueId, number[]>()).set(w, [...(rewritten.get(w) ?? [first]), index]);
    }
    ids.push(id);
    indexById[id] = index;
    const step = { id, index, phase: rule.phase, kind, layer: l, writes } as Step;
    for (const f of LAZY_FIELDS)
      Object.defineProperty(step, f, { get: () => make()[f], enumerable: true, configurable: false });
    if (kind === 'weightGradient' || kind === 'weightUpdate' || kind === 'meanWeightGradient') step.from = k;
    if (x !== undefined) step.sample = x;
    Object.freeze(writes);
    return Object.freeze(step);
  });
  const lastWriterBefore = (v: ValueId, index: number): number | undefined => {
    const all = rewritten?.get(v);
    if (all) return all.filter((i) => i < index).pop();
    const first = writer.get(v);
    return first !== undefined && first < index ? first : undefined;
  };
  return { steps: Object.freeze(steps) as Step[], indexById: Object.freeze(indexById) };
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(o);
}

/** A network's steps at one granularity (no numbers): what every timeline of the same network shares. */
export type TimelineStructure = Structure;

/**
 * Where the caller keeps structures between timelines, by key (a Map will do). This module keeps none: the
 * store's derived layer holds the few in use (training and Next iteration rebuild the timeline at each step).
 */
export interface StructureCache {
  get(key: string): TimelineStructure | undefined;
  set(key: string, structure: TimelineStructure): unknown;
}

/** What a structure depends on: the architecture, the loss, the vector convention and the granularity. */
function structureKey(s: NetShape, granularity: Granularity): string {
  return JSON.stringify([s.sizes, s.acts, s.loss, s.useBias, s.trainsBias, s.m, s.vectors, granularity]);
}

/**
 * The timeline of one training step: forward, loss, backward, gradient, update, at the given granularity.
 * Each step lists what it reads (in formula order) and writes, and which earlier step wrote each value it reads.
 * Steps are frozen and depend on the network's shape only, never on the numbers: with `structures`, every
 * timeline of the same network shares one steps array (taken from it, or put in it); `values` holds this
 * trace's numbers.
 */
export function buildTimeline(
  lesson: Lesson,
  trace: Trace,
  granularity: Granularity,
  structures?: StructureCache,
): Timeline {
  const m = trace.batch?.samples.length ?? 1;
  const shape = shapeOf(lesson, m);
  let shared: Structure | undefined;
  if (structures) {
    const key = structureKey(shape, granularity);
    shared = structures.get(key);
    if (!shared) structures.set(key, (shared = structure(shape, granularity)));
  }
  return {
    granularity,
    ...(shared ?? structure(shape, granularity)),
    values: collectValues(lesson, trace),
    batchSize: m,
  };
}
