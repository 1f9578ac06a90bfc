import {
  batchOf,
  parameterProblems,
  parseLesson,
  traceStep,
  type Lesson,
  type LessonProblem,
  type NonFiniteCondition,
} from '../engine';
import type { MessageRef } from '../formulas/types';
import { handTrace } from './derived';
import { nonFiniteParams, pathSymbol } from '../i18n/quantities';
import { builtInLessons } from '../lessons/builtIn';
import { sameLesson } from './persist/lessonFile';

/**
 * The one gate every change of the lesson passes (an edit, Next iteration, a preset, a file, a link, the
 * autosave, undo, redo, reset): a lesson is accepted when it is a valid `backprop-lesson` file (parseLesson:
 * shape and the format's limits, e.g. every number within ±10⁶) AND its training step is finite (traceStep).
 * So whatever the store holds can be saved, linked and reopened.
 */
export type GateResult = { ok: true; lesson: Lesson } | { ok: false; refusal: Refusal };

/** Why a lesson was refused: the format's problems (each with its JSON path), or the step's first non-finite value. */
export type Refusal =
  | { kind: 'format'; problems: LessonProblem[] }
  | { kind: 'nonFinite'; condition: NonFiniteCondition; lesson: Lesson };

/** Lessons already accepted (undo, redo and reset bring back the very objects; no need to check them again). */
const accepted = new WeakSet<object>();

/** Whether the lesson is a built-in one exactly as shipped (only it may carry the source's printed figures). */
function isUntouchedPreset(lesson: Lesson): boolean {
  return builtInLessons().some((built) => sameLesson(built, lesson));
}

/**
 * Whether replacing this lesson would lose work: anything but a built-in lesson untouched at its first iteration
 * (which the lesson picker opens again as it was). Only then does a link opened over it offer the way back.
 */
export function holdsWork(lesson: Lesson, iteration: number): boolean {
  return iteration > 1 || !isUntouchedPreset(lesson);
}

/**
 * Checks a candidate lesson (a typed Lesson or untrusted JSON). The accepted lesson is the candidate object
 * itself when the format reads it unchanged (so identity-keyed caches and `lesson === origin` keep working),
 * else the format's normalised reading. The source's printed figures (`published`) are dropped unless the
 * lesson is a built-in one untouched: beside other numbers they would read as errata.
 */
export function gateLesson(candidate: unknown): GateResult {
  if (typeof candidate === 'object' && candidate !== null && accepted.has(candidate)) {
    return { ok: true, lesson: candidate as Lesson };
  }
  const parsed = parseLesson(candidate);
  if (!parsed.ok) return { ok: false, refusal: { kind: 'format', problems: parsed.problems } };
  return admit(sameLesson(parsed.lesson, candidate as Lesson) ? (candidate as Lesson) : parsed.lesson);
}

/** Whether two lists of rows have the same lengths throughout (a matrix list or a vector list). */
const sameShape = (a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean =>
  a.length === b.length && a.every((x, i) => x.length === b[i].length);

/**
 * Checks an accepted lesson with new weights W and biases b that the engine made from it (Next iteration's
 * w⁺ = w − η ∂E/∂w): as gateLesson would, but the rest of the lesson is not read again (it was accepted as it
 * is) and the numbers are not parsed as untrusted JSON, only checked against the format's limits (finite,
 * within ±10⁶) in one pass. A lesson the gate has not accepted, or numbers of another shape, take the full gate.
 */
export function gateUpdate(lesson: Lesson, weights: number[][][], biases: number[][]): GateResult {
  const candidate: Lesson = { ...lesson, weights, biases };
  if (
    !accepted.has(lesson) ||
    !sameShape(weights, lesson.weights) ||
    !weights.every((W, l) => sameShape(W, lesson.weights[l])) ||
    !sameShape(biases, lesson.biases)
  )
    return gateLesson(candidate);
  const problems = parameterProblems(weights, biases, lesson.useBias);
  if (problems.length > 0) return { ok: false, refusal: { kind: 'format', problems } };
  return admit(candidate);
}

/**
 * The gate's last checks of a lesson the format accepts: its printed figures dropped unless it is a built-in
 * lesson untouched, its step traced (refused when not finite), then remembered as accepted.
 */
function admit(candidate: Lesson): GateResult {
  let lesson = candidate;
  if (lesson.published && !isUntouchedPreset(lesson)) {
    lesson = { ...lesson };
    delete lesson.published;
  }
  const r = traceStep(lesson);
  if (!r.ok) return { ok: false, refusal: { kind: 'nonFinite', condition: r.condition, lesson } };
  accepted.add(lesson);
  // the store's first read of the lesson (its trace) is this one when the step is a single sample's
  if (!batchOf(lesson)) handTrace(lesson, r);
  return { ok: true, lesson };
}

/**
 * A non-finite condition as message params: `{quantity}` names the value in the lesson's notation, in the
 * reader's language; `{value}` is what it reached.
 */
export function conditionParams(lesson: Lesson, c: NonFiniteCondition): NonNullable<MessageRef['params']> {
  return nonFiniteParams(lesson, c);
}

/**
 * A refusal as a message, under the key for format problems (with the first one as `{problem}`, put in the
 * reader's language when shown, and their `count`) or the one for a non-finite
 * step. With `named`, a problem's path in the file reads as the value's symbol in that lesson (w′₂,₁, not
 * weights[1][0][1]).
 */
export function refusalMessage(
  refusal: Refusal,
  keys: { format: MessageRef['key']; nonFinite: MessageRef['key'] },
  named?: Lesson,
): MessageRef {
  if (refusal.kind === 'format') {
    const problem = refusal.problems[0];
    const path = named ? pathSymbol(named, problem.path) : problem.path;
    return {
      key: keys.format,
      params: { problem: { ...problem, path }, count: refusal.problems.length },
    };
  }
  return { key: keys.nonFinite, params: conditionParams(refusal.lesson, refusal.condition) };
}

/** η divided by ten, written with at most six significant digits (0.5 rather than 0.49999999999999994). */
export function lowerRate(eta: number): number {
  return Number((eta / 10).toPrecision(6));
}
