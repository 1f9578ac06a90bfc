import {
  batchOf,
  gradientCheck,
  traceLesson,
  type GradientCheckEntry,
  type Lesson,
  type TraceResult,
} from '../engine';
import { formulaFor } from '../formulas';
import type { Formula } from '../formulas/types';
import { buildTimeline } from '../steps';
import type { Granularity, Timeline } from '../steps/types';

/**
 * Values derived from the stored lesson, memoised on the lesson object (the store replaces it on every edit,
 * so identity is the cache key): its trace, its timeline per granularity and each step's formula.
 */
const traces = new WeakMap<Lesson, TraceResult>();
const timelines = new WeakMap<Lesson, Map<Granularity, Timeline | null>>();
const formulas = new WeakMap<Timeline, Map<string, Formula>>();

export function traceOf(lesson: Lesson): TraceResult {
  let r = traces.get(lesson);
  if (!r) {
    r = traceLesson(lesson);
    traces.set(lesson, r);
  }
  return r;
}

/** The timeline of the lesson at a granularity, or null when the lesson's step is not finite. */
export function timelineOf(lesson: Lesson, granularity: Granularity): Timeline | null {
  let byGranularity = timelines.get(lesson);
  if (!byGranularity) {
    byGranularity = new Map();
    timelines.set(lesson, byGranularity);
  }
  if (!byGranularity.has(granularity)) {
    const r = traceOf(lesson);
    byGranularity.set(granularity, r.ok ? buildTimeline(lesson, r.trace, granularity) : null);
  }
  return byGranularity.get(granularity)!;
}

export function formulaOf(lesson: Lesson, timeline: Timeline, index: number, digits: number): Formula {
  let byStep = formulas.get(timeline);
  if (!byStep) {
    byStep = new Map();
    formulas.set(timeline, byStep);
  }
  const key = `${index}/${digits}`;
  let f = byStep.get(key);
  if (!f) {
    f = formulaFor(timeline.steps[index], timeline, lesson, { digits });
    byStep.set(key, f);
  }
  return f;
}

const checks = new WeakMap<Lesson, GradientCheckEntry[] | null>();

/**
 * Central-difference check of every gradient of the lesson's step (of the batch loss for a mini-batch lesson),
 * null when the step is not finite.
 */
export function gradientCheckOf(lesson: Lesson): GradientCheckEntry[] | null {
  const batch = batchOf(lesson) ?? undefined;
  if (!checks.has(lesson)) checks.set(lesson, traceOf(lesson).ok ? gradientCheck(lesson, 1e-6, batch) : null);
  return checks.get(lesson)!;
}
