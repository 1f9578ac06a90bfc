import type { Formula } from '../formulas/types';
import { parseValueId, progressInPhase, scopeId, vid, type ValueId } from '../steps';
import type { Phase, Step, Timeline } from '../steps/types';
import { formulaOf, gradientCheckOf, timelineOf, traceOf } from './derived';
import type { GradientCheckEntry, ParameterRef } from '../engine';
import { iterationOf, type IterationSource } from './iteration';
import { maskCovered, selectCoveredIds } from './practiceSelectors';
import type { LessonState } from './store';
import type { LossRecord } from './training';

/** A trie of arguments: objects keyed weakly, other values strongly (beneath the objects before them). */
interface ArgNode {
  weak: WeakMap<object, ArgNode>;
  strong: Map<unknown, ArgNode>;
  done: boolean;
  value?: unknown;
}
const argNode = (): ArgNode => ({ weak: new WeakMap(), strong: new Map(), done: false });

/**
 * Remembers fn's result per list of arguments (compared by identity), so every state that asks with the same
 * inputs gets the same object, whichever state asked in between.
 */
function memoArgs<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const root = argNode();
  return (...args: A) => {
    let node = root;
    for (const a of args) {
      const byRef = (typeof a === 'object' && a !== null) || typeof a === 'function';
      let next = byRef ? node.weak.get(a as object) : node.strong.get(a);
      if (!next) {
        next = argNode();
        if (byRef) node.weak.set(a as object, next);
        else node.strong.set(a, next);
      }
      node = next;
    }
    if (!node.done) {
      node.value = fn(...args);
      node.done = true;
    }
    return node.value as R;
  };
}

/** One empty list, so "nothing" keeps its identity between calls. */
const NONE: never[] = [];

/** Selectors: everything the UI shows that can be derived from the stored state. */
/** The training iteration the step view shows (1 = the lesson's own weights); see iteration.ts. */
export const selectIteration = (s: IterationSource): number => iterationOf(s);
export const selectTrace = (s: LessonState) => traceOf(s.lesson);
export const selectTimeline = (s: LessonState): Timeline | null => timelineOf(s.lesson, s.granularity);
/** The step at `index` (the cursor's by default). */
export const selectStep = (s: LessonState, index = s.cursor): Step | null =>
  selectTimeline(s)?.steps[index] ?? null;
export const selectStepCount = (s: LessonState): number => selectTimeline(s)?.steps.length ?? 0;

/** The formula of the step at `index` (the cursor's by default). */
export function selectFormula(s: LessonState, index = s.cursor): Formula | null {
  const tl = selectTimeline(s);
  return tl && tl.steps[index] ? formulaOf(s.lesson, tl, index, s.digits) : null;
}

/**
 * A per-step value computed once per step of a timeline. Keyed by the timeline (one per lesson and
 * granularity), then the step's index: the step objects themselves are shared by every lesson of the same
 * shape, so a cache keyed by them would answer for an earlier lesson. Stable identities for selectors asked
 * about several steps at once.
 */
function perStep<R>(fn: (s: LessonState, step: Step, tl: Timeline) => R, none: R) {
  const cache = new WeakMap<Timeline, Map<number, R>>();
  return (s: LessonState, index = s.cursor): R => {
    const tl = selectTimeline(s);
    const step = tl?.steps[index];
    if (!tl || !step) return none;
    let byIndex = cache.get(tl);
    if (!byIndex) cache.set(tl, (byIndex = new Map()));
    let r = byIndex.get(index);
    if (r === undefined) {
      r = fn(s, step, tl);
      byIndex.set(index, r);
    }
    return r;
  };
}

export const selectHighlight = (s: LessonState) => selectStep(s)?.highlight ?? null;

/** Progress per timeline and cursor (one object each, whichever state asks). */
const progressCache = new WeakMap<Timeline, Map<number, { phase: Phase; position: number; count: number }>>();
export function selectProgress(s: LessonState): { phase: Phase; position: number; count: number } | null {
  const tl = selectTimeline(s);
  if (!tl || tl.steps.length === 0) return null;
  let byCursor = progressCache.get(tl);
  if (!byCursor) progressCache.set(tl, (byCursor = new Map()));
  let p = byCursor.get(s.cursor);
  if (!p) byCursor.set(s.cursor, (p = progressInPhase(tl, s.cursor)));
  return p;
}

/**
 * For every value id: the index of the step that writes it (givens such as x, t, w, b have none). Kept per
 * steps array, which every timeline of the same network shares (after Next iteration too).
 */
const writtenAtCache = new WeakMap<readonly Step[], Map<ValueId, number>>();
function writtenAt(tl: Timeline): Map<ValueId, number> {
  let m = writtenAtCache.get(tl.steps);
  if (!m) {
    m = new Map();
    for (const step of tl.steps) for (const id of step.writes) if (!m.has(id)) m.set(id, step.index);
    writtenAtCache.set(tl.steps, m);
  }
  return m;
}

/** The timeline and cursor each shown-values view stands for (see shownChanges). */
const viewOf = new WeakMap<object, { tl: Timeline; cursor: number }>();
/** Beyond this many changed ids a caller is as well off looking at everything. */
const CHANGES_MAX = 2000;

/**
 * The value ids that appear or disappear between two views of selectShownValues: those written by the steps
 * between their cursors. Null when the views are of different timelines (or not views at all) or when more
 * than a couple of thousand ids changed: then anything may differ.
 */
export function shownChanges(a: object, b: object): ValueId[] | null {
  const x = viewOf.get(a);
  const y = viewOf.get(b);
  // in a mini-batch the same ids show another sample's values from one step to the next
  if (!x || !y || x.tl !== y.tl || x.tl.batchSize > 1) return null;
  const out: ValueId[] = [];
  for (let i = Math.min(x.cursor, y.cursor) + 1; i <= Math.max(x.cursor, y.cursor); i++) {
    out.push(...x.tl.steps[i].writes);
    if (out.length > CHANGES_MAX) return null;
  }
  return out;
}

/** The values shown when there is no timeline: none (one object, so it keeps its identity). */
const NO_VALUES: Record<ValueId, number> = Object.freeze(Object.create(null) as Record<ValueId, number>);

/** The last few views per timeline, so stepping back and forth reuses them without keeping every step's. */
const shownCache = new WeakMap<Timeline, Map<number, Record<ValueId, number>>>();
const SHOWN_KEPT = 4;

/**
 * The values on screen at the cursor: the givens (inputs, targets, weights, biases, η) and every value written
 * by the steps up to and including the current one — nothing later (no spoilers). A read-only view over the
 * timeline's values (no copy per step): `shown[id]` and `id in shown` answer from the step that writes `id`.
 */
function cursorValues(s: LessonState): Record<ValueId, number> {
  const tl = selectTimeline(s);
  if (!tl) return NO_VALUES;
  let byCursor = shownCache.get(tl);
  if (!byCursor) {
    byCursor = new Map();
    shownCache.set(tl, byCursor);
  }
  const hit = byCursor.get(s.cursor);
  if (hit) return hit;
  const at = writtenAt(tl);
  const cursor = s.cursor;
  // on a step of one sample's pass (a mini-batch), the plain ids (z:1:0) show that sample's values
  const x = tl.steps[cursor]?.sample;
  const own = (id: ValueId) => (x === undefined ? id : scopeId(id, x));
  // a property key asked of the view is an id of the timeline's values or of nothing
  const visible = (id: string | symbol): id is ValueId =>
    typeof id === 'string' && own(id as ValueId) in tl.values && (at.get(own(id as ValueId)) ?? -1) <= cursor;
  const view = new Proxy(Object.create(null) as Record<ValueId, number>, {
    get: (_t, id) => (visible(id) ? tl.values[own(id)] : undefined),
    has: (_t, id) => visible(id),
    ownKeys: () => Object.keys(tl.values).filter(visible),
    getOwnPropertyDescriptor: (_t, id) =>
      visible(id)
        ? { value: tl.values[own(id)], enumerable: true, configurable: true, writable: false }
        : undefined,
  });
  if (byCursor.size >= SHOWN_KEPT) byCursor.delete(byCursor.keys().next().value as number);
  byCursor.set(cursor, view);
  viewOf.set(view, { tl, cursor });
  return view;
}

/** The values on screen (see cursorValues), without the results practice keeps covered (no spoilers either). */
export function selectShownValues(s: LessonState): Record<ValueId, number> {
  return maskCovered(cursorValues(s), selectCoveredIds(s), selectStep(s)?.sample);
}

/**
 * The one loss history (see store/training.ts): the run's epochs and the iterations handed to it, then the step
 * view's iterations since (each with the update count when it ended and the lesson's η).
 */
const recordsMemo = memoArgs(
  (history: LossRecord[], tail: number[], prior: number, epoch: number, eta: number): LossRecord[] =>
    tail.length === 0
      ? history
      : history.concat(
          tail.map((loss, j) => ({
            epoch,
            trainLoss: loss,
            trainAccuracy: NaN,
            learningRate: eta,
            steps: prior + 1 + j,
            iteration: true as const,
          })),
        ),
);
export function selectLossRecords(s: LessonState): LossRecord[] {
  return recordsMemo(
    s.training.history,
    s.lossHistory,
    s.priorUpdates,
    s.training.snapshot?.epoch ?? 0,
    s.lesson.learningRate,
  );
}

/** The step view's loss chart: each record's loss at its update count, then this iteration's once reached. */
export interface LossChart {
  values: number[];
  /** The update count (iteration) of each value. */
  xs: number[];
  /** The records behind the values (the current iteration's, when reached, is not one). */
  records: LossRecord[];
  /** Whether this iteration's loss E is reached (and shown). */
  reached: boolean;
}
const lossChartMemo = memoArgs(
  (records: LossRecord[], lesson: LessonState['lesson'], iteration: number, reached: boolean): LossChart => {
    const r = traceOf(lesson);
    const now = r.ok && reached;
    const values = records.map((h) => h.trainLoss);
    const xs = records.map((h) => h.steps ?? 0);
    if (now) {
      values.push(r.trace.batch?.loss ?? r.trace.loss);
      xs.push(iteration);
    }
    return { values, xs, records, reached: now };
  },
);
export function selectLossChart(s: LessonState): LossChart {
  // reached once the step's own loss E is written (in a mini-batch: the batch loss, after every sample's)
  const tl = selectTimeline(s);
  return lossChartMemo(
    selectLossRecords(s),
    s.lesson,
    selectIteration(s),
    tl !== null && (writtenAt(tl).get(vid.E) ?? Infinity) <= s.cursor && !selectCoveredIds(s)?.has(vid.E),
  );
}
/** Loss per iteration for the sparkline: earlier records, then this iteration's once its loss step is reached. */
export function selectLossSeries(s: LessonState): number[] {
  return selectLossChart(s).values;
}

/** Gradient checks shown on a step's page: the first few gradients it writes (a layer's may write thousands). */
export const CHECKS_SHOWN = 6;

/** The parameter a gradient id (`dW:l:j:k` or `db:l:j`) is the gradient of, or null for any other id. */
function parameterOf(id: ValueId): ParameterRef | null {
  const v = parseValueId(id);
  if (!v || v.sample !== undefined) return null; // one sample's gradient in a mini-batch: the check is of the mean
  const [l, j, k] = v.indices;
  if (v.kind === 'dW') return { layer: l, neuron: j, from: k };
  if (v.kind === 'db') return { layer: l, neuron: j, from: -1 };
  return null;
}

/** Parameter order: layer, neuron, then its weights by incoming neuron, then its bias. */
const byParameter = (p: ParameterRef, q: ParameterRef) =>
  p.layer - q.layer ||
  p.neuron - q.neuron ||
  (p.from < 0 ? Infinity : p.from) - (q.from < 0 ? Infinity : q.from);

/**
 * Gradient steps: backprop beside central differences for the first CHECKS_SHOWN gradients the step at `index`
 * writes (in parameter order), computed for those parameters only, never the whole network, from the current
 * lesson.
 */
export const selectGradientChecks = perStep<GradientCheckEntry[]>((s, step) => {
  if (step.phase !== 'gradient') return NONE;
  const shown = step.writes
    .map(parameterOf)
    .filter((p): p is ParameterRef => p !== null)
    .sort(byParameter)
    .slice(0, CHECKS_SHOWN);
  const out = shown.map((p) => gradientCheckOf(s.lesson, p)).filter((c) => c !== null);
  return out.length ? out : NONE;
}, NONE);

export interface Erratum {
  id: string;
  printed: string;
  computed: number;
}

/**
 * Values the step at `index` writes that the lesson's source printed differently (at the printed precision).
 * Only where the source printed a figure for exactly these numbers: the lesson as published (an edit drops its
 * `published` figures) at its own iteration 1. Next iteration keeps the lesson's figures, which belong to the
 * first step only, so later iterations have no errata.
 */
const errataAtFirstIteration = perStep<Erratum[]>((s, step, tl) => {
  const published = s.lesson.published;
  if (!published) return NONE;
  const errata = step.writes
    .filter((id) => id in published && id in tl.values)
    .map((id) => ({ id, printed: published[id], computed: tl.values[id] }))
    .filter((e) => differsAtPrintedPrecision(e.printed, e.computed));
  return errata.length ? errata : NONE;
}, NONE);
export const selectErrata = (s: LessonState, index = s.cursor): Erratum[] =>
  selectIteration(s) === 1 ? errataAtFirstIteration(s, index) : NONE;

/** Whether `computed`, rounded to as many decimals as `printed` shows, differs from it. */
export function differsAtPrintedPrecision(printed: string, computed: number): boolean {
  const decimals = (printed.split('.')[1] ?? '').length;
  return Number(computed.toFixed(decimals)) !== Number(Number(printed).toFixed(decimals));
}
