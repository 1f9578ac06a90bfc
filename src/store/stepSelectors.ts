import type { Formula } from '../formulas/types';
import { progressInPhase } from '../steps';
import type { Phase, Step, Timeline } from '../steps/types';
import { formulaOf, timelineOf, traceOf } from './derived';
import type { LessonState } from './state';

// Selectors of the step on screen: the trace, the timeline at the detail shown, the step, its formula and the
// progress through its phase.

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
export function perStep<R>(fn: (s: LessonState, step: Step, tl: Timeline) => R, none: R) {
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
