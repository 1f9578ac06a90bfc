/**
 * Practice selectors: which steps are hidden and still covered, the records of the lesson on screen, the score
 * per phase, and the values the graph may show (never a covered result).
 */
import type { MessageRef } from '../formulas/types';
import { lessonFingerprint } from '../practice/code';
import type { StepRecord } from '../practice/session';
import { hiddenSteps, scoreByPhase, type PhaseScore } from '../practice/session';
import { scopeId } from '../steps';
import type { Timeline, ValueId } from '../steps/types';
import { timelineOf } from './derived';
import { iterationOf } from './iteration';
import type { LessonState } from './state';

const NO_RECORDS: Record<string, StepRecord> = Object.freeze(Object.create(null));
const NOTHING: boolean[] = Object.freeze([]) as unknown as boolean[];

/** Each lesson's fingerprint, hashed once per lesson object: every practice selector asks for it on every call. */
const fingerprints = new WeakMap<LessonState['lesson'], string>();
function fingerprintOf(lesson: LessonState['lesson']): string {
  let f = fingerprints.get(lesson);
  if (f === undefined) fingerprints.set(lesson, (f = lessonFingerprint(lesson)));
  return f;
}

/** The lesson (with its numbers) and detail level a set of records belongs to. */
export const practiceKey = (s: Pick<LessonState, 'lesson' | 'granularity'>): string =>
  `${fingerprintOf(s.lesson)}/${s.granularity}`;

/** Where feedback given now belongs: the lesson and detail, and the step at the cursor. */
export const feedbackPlace = (s: LessonState): string => `${practiceKey(s)}#${s.cursor}`;

const NO_FEEDBACK: MessageRef[] = Object.freeze([]) as unknown as MessageRef[];
/** The last practice feedback while the step it was given on is on screen; nothing on any other step. */
export const selectPracticeFeedback = (s: LessonState): MessageRef[] =>
  s.practice.on && s.practice.feedbackAt === feedbackPlace(s) ? s.practice.feedback : NO_FEEDBACK;

/** The student's records for the lesson on screen (none when they belong to another lesson or detail). */
export const selectPracticeRecords = (s: LessonState): Record<string, StepRecord> =>
  s.practice.key === practiceKey(s) ? s.practice.records : NO_RECORDS;

const hiddenCache = new WeakMap<Timeline, Map<string, boolean[]>>();
/** Per step of the timeline: whether practice hides its result until answered (all false when practice is off). */
export function selectHiddenSteps(s: LessonState): boolean[] {
  const tl = timelineOf(s.lesson, s.granularity);
  if (!tl || !s.practice.on) return NOTHING;
  const { kinds, fading } = s.practice.settings;
  const iteration = iterationOf(s);
  const key = `${kinds.join()}/${fading}/${fading === 'none' ? 1 : iteration}`;
  let byKey = hiddenCache.get(tl);
  if (!byKey) hiddenCache.set(tl, (byKey = new Map()));
  let hidden = byKey.get(key);
  if (!hidden) byKey.set(key, (hidden = hiddenSteps(tl, s.practice.settings, iteration)));
  return hidden;
}

/** Whether the result of the step at `index` (the cursor's by default) is covered: hidden and not yet done. */
export function selectCovered(s: LessonState, index = s.cursor): boolean {
  if (!s.practice.on || !selectHiddenSteps(s)[index]) return false;
  const step = timelineOf(s.lesson, s.granularity)?.steps[index];
  return step !== undefined && selectPracticeRecords(s)[step.id]?.outcome === undefined;
}

/** The record of the step at `index` (the cursor's by default), if any. */
export function selectStepRecord(s: LessonState, index = s.cursor): StepRecord | undefined {
  const step = timelineOf(s.lesson, s.granularity)?.steps[index];
  return step ? selectPracticeRecords(s)[step.id] : undefined;
}

const NO_SCORE: PhaseScore[] = Object.freeze([]) as unknown as PhaseScore[];
const scoreCache = new WeakMap<boolean[], WeakMap<object, PhaseScore[]>>();
/** The score per phase of the lesson on screen (the same array while nothing it counts changes). */
export function selectPracticeScore(s: LessonState): PhaseScore[] {
  const tl = timelineOf(s.lesson, s.granularity);
  const hidden = selectHiddenSteps(s); // one array per timeline and settings
  if (!tl || hidden.length === 0) return NO_SCORE;
  const records = selectPracticeRecords(s);
  let byRecords = scoreCache.get(hidden);
  if (!byRecords) scoreCache.set(hidden, (byRecords = new WeakMap()));
  let out = byRecords.get(records);
  if (!out) byRecords.set(records, (out = scoreByPhase(tl, hidden, records)));
  return out;
}

const coveredCache = new WeakMap<boolean[], WeakMap<object, Set<ValueId>>>();
/** The value ids written by covered steps (the graph and every other view keep them hidden). */
export function selectCoveredIds(s: LessonState): Set<ValueId> | null {
  const tl = timelineOf(s.lesson, s.granularity);
  const hidden = selectHiddenSteps(s);
  if (!tl || hidden.length === 0) return null;
  const records = selectPracticeRecords(s);
  let byRecords = coveredCache.get(hidden);
  if (!byRecords) coveredCache.set(hidden, (byRecords = new WeakMap()));
  let ids = byRecords.get(records);
  if (!ids) {
    ids = new Set();
    for (const step of tl.steps)
      if (hidden[step.index] && records[step.id]?.outcome === undefined)
        for (const id of step.writes) ids.add(id);
    byRecords.set(records, ids);
  }
  return ids;
}

const maskCache = new WeakMap<object, WeakMap<Set<ValueId>, Record<ValueId, number>>>();
/**
 * The shown values with the covered ones taken out: a read-only view over `shown` (no copy), the same object
 * for the same view and covered set. `shown` reads plain ids on a sample's step; a covered id is scoped or plain.
 */
export function maskCovered(
  shown: Record<ValueId, number>,
  covered: Set<ValueId> | null,
  sample: number | undefined,
): Record<ValueId, number> {
  if (!covered || covered.size === 0) return shown;
  let byCovered = maskCache.get(shown);
  if (!byCovered) maskCache.set(shown, (byCovered = new WeakMap()));
  let view = byCovered.get(covered);
  if (!view) {
    // a property key asked of the view is a value id (or names nothing)
    const hides = (key: string | symbol) =>
      typeof key === 'string' &&
      (covered.has(key as ValueId) || (sample !== undefined && covered.has(scopeId(key as ValueId, sample))));
    view = new Proxy(Object.create(null) as Record<ValueId, number>, {
      get: (_t, id) => (hides(id) ? undefined : Reflect.get(shown, id)),
      has: (_t, id) => !hides(id) && Reflect.has(shown, id),
      ownKeys: () => Reflect.ownKeys(shown).filter((id) => !hides(id)),
      getOwnPropertyDescriptor: (_t, id) =>
        hides(id) ? undefined : Reflect.getOwnPropertyDescriptor(shown, id),
    });
    byCovered.set(covered, view);
  }
  return view;
}
