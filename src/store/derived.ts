import {
  batchOf,
  checkParameter,
  gradientCheck,
  traceLesson,
  trainsBiases,
  type GradientCheckEntry,
  type Lesson,
  type ParameterRef,
  type TraceResult,
} from '../engine';
import {
  formulaContext,
  formulaFor,
  networkCache,
  networkKey,
  type FormulaContext,
  type NetworkCache,
} from '../formulas';
import type { Formula } from '../formulas/types';
import { buildTimeline, type TimelineStructure } from '../steps';
import type { Granularity, Timeline } from '../steps/types';

/** A map that keeps its `size` most recently used entries (the pure layers keep no caches: these are theirs). */
class Recent<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key); // most recently used last
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): this {
    this.map.delete(key);
    if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
    return this;
  }
}

/**
 * Each network's steps per granularity (see buildTimeline): every lesson of the same shape shares them, so Next
 * iteration, an edit of a number and training build no steps (a 10 × 64 network's 3,073 cost ~0.1 s).
 */
const structures = new Recent<string, TimelineStructure>(12);
/** Each network's symbols and formula templates (see networkKey), shared the same way. */
const networks = new Recent<string, NetworkCache>(8);

function networkOf(lesson: Lesson, m: number): NetworkCache {
  const key = networkKey(lesson, m);
  let n = networks.get(key);
  if (!n) networks.set(key, (n = networkCache()));
  return n;
}

/**
 * Values derived from a lesson: its trace, its timeline per granularity, the gradient checks asked for and each
 * step's formula. Memoised on the lesson object (the store replaces it on every edit, so identity is the key),
 * for the last few lessons only: a WeakMap would keep the derived values of every lesson still held by the undo
 * history (a 10 × 64 network's trace and timeline are megabytes each). The current lesson is always the most
 * recently used, so the selectors keep returning the same objects for it.
 */
interface Derived {
  trace: TraceResult;
  timelines: Map<Granularity, Timeline | null>;
  /** The formulas' shared context per timeline and digits. */
  contexts: WeakMap<Timeline, Map<number, FormulaContext>>;
  /** Gradient checks by parameter, `l:j:k` (k = -1 for a bias). */
  checks: Map<string, GradientCheckEntry | null>;
  /** A mini-batch lesson's every check, of the batch loss. */
  batchChecks?: GradientCheckEntry[];
}

/** Lessons whose derived values are kept: the current one and the few a student goes back and forth between. */
export const LESSONS_KEPT = 4;
/**
 * Parameters (weights and biases) whose lessons' derived values are kept in all: a large network's trace and
 * timeline values are megabytes, so of a 10 × 64 network (37,440 parameters) two lessons are kept, the current
 * one and the one before (undo, or the iteration before). The current lesson is always kept.
 */
export const PARAMETERS_KEPT = 80_000;

/** A lesson's weights and biases. */
const parametersOf = (lesson: Lesson) =>
  lesson.weights.reduce((n, W, l) => n + W.length * ((W[0]?.length ?? 0) + (lesson.biases[l] ? 1 : 0)), 0);
/** Formulas kept per timeline (the pages around the cursor and a little history; a 10 × 64 walk has 3,073). */
export const FORMULAS_KEPT = 64;

const recent = new Map<Lesson, Derived>();

/**
 * The trace the gate has just computed of the lesson it accepted (one lesson only): the store's next read of
 * that lesson's derived values takes it instead of tracing again (Next iteration on a 10 × 64 net: ~10 ms).
 */
let handed: { lesson: Lesson; trace: TraceResult } | null = null;

/** Hands over a lesson's trace as traceLesson would compute it (see `handed`). */
export function handTrace(lesson: Lesson, trace: TraceResult): void {
  handed = { lesson, trace };
}

function derivedOf(lesson: Lesson): Derived {
  let d = recent.get(lesson);
  if (d) {
    recent.delete(lesson); // most recently used last
  } else {
    const size = parametersOf(lesson);
    let kept = size;
    for (const other of recent.keys()) kept += parametersOf(other);
    // the least recently used go first, until the cap on lessons and on parameters is kept
    for (const other of [...recent.keys()]) {
      if (recent.size < LESSONS_KEPT && kept <= PARAMETERS_KEPT) break;
      recent.delete(other);
      kept -= parametersOf(other);
    }
    const trace = handed?.lesson === lesson ? handed.trace : traceLesson(lesson);
    d = { trace, timelines: new Map(), contexts: new WeakMap(), checks: new Map() };
  }
  recent.set(lesson, d);
  // (a read of another lesson meanwhile, as the store's subscribers make, leaves the hand-over waiting)
  if (handed?.lesson === lesson) handed = null;
  return d;
}

export function traceOf(lesson: Lesson): TraceResult {
  return derivedOf(lesson).trace;
}

/** The timeline of the lesson at a granularity, or null when the lesson's step is not finite. */
export function timelineOf(lesson: Lesson, granularity: Granularity): Timeline | null {
  const d = derivedOf(lesson);
  if (!d.timelines.has(granularity)) {
    d.timelines.set(
      granularity,
      d.trace.ok ? buildTimeline(lesson, d.trace.trace, granularity, structures) : null,
    );
  }
  return d.timelines.get(granularity)!;
}

/** The shared context of a timeline's formulas (one per timeline and digits, kept with the lesson's values). */
function contextOf(lesson: Lesson, timeline: Timeline, digits: number): FormulaContext {
  const { contexts } = derivedOf(lesson);
  let byDigits = contexts.get(timeline);
  if (!byDigits) contexts.set(timeline, (byDigits = new Map()));
  let c = byDigits.get(digits);
  if (!c) {
    c = formulaContext(timeline, lesson, digits, networkOf(lesson, timeline.batchSize));
    byDigits.set(digits, c);
  }
  return c;
}

/** Formulas per timeline, least recently used first; a timeline goes with its lesson's derived values. */
const formulas = new WeakMap<Timeline, Map<string, Formula>>();

export function formulaOf(lesson: Lesson, timeline: Timeline, index: number, digits: number): Formula {
  let byStep = formulas.get(timeline);
  if (!byStep) {
    byStep = new Map();
    formulas.set(timeline, byStep);
  }
  const key = `${index}/${digits}`;
  let f = byStep.get(key);
  if (f) {
    byStep.delete(key);
  } else {
    if (byStep.size >= FORMULAS_KEPT) byStep.delete(byStep.keys().next().value!);
    f = formulaFor(timeline.steps[index], timeline, lesson, {
      digits,
      context: contextOf(lesson, timeline, digits),
    });
  }
  byStep.set(key, f);
  return f;
}

/**
 * One parameter's gradient of the lesson's step, backprop beside central differences, computed when first asked
 * for (two forward passes from the parameter's layer on; for a mini-batch lesson, the batch loss's check, made
 * once for the lesson's few parameters); null when the step is not finite or there is no such trained parameter.
 */
export function gradientCheckOf(lesson: Lesson, p: ParameterRef): GradientCheckEntry | null {
  const d = derivedOf(lesson);
  const key = `${p.layer}:${p.neuron}:${p.from}`;
  let c = d.checks.get(key);
  if (c === undefined) {
    const W = lesson.weights[p.layer - 1]?.[p.neuron];
    const exists = W !== undefined && (p.from < 0 ? trainsBiases(lesson) : p.from < W.length);
    const batch = batchOf(lesson);
    if (!d.trace.ok || !exists) c = null;
    else if (batch) {
      d.batchChecks ??= gradientCheck(lesson, 1e-6, batch);
      c =
        d.batchChecks.find(
          (e) =>
            e.layer === p.layer &&
            e.neuron === p.neuron &&
            (p.from < 0 ? e.kind === 'bias' : e.kind === 'weight' && e.from === p.from),
        ) ?? null;
    } else c = checkParameter(lesson, d.trace.trace, p);
    d.checks.set(key, c);
  }
  return c;
}
