/**
 * Practice as data: which kinds of step are hidden, the fading, what the student did on each step, the score
 * per phase, and the exercise a teacher's link carries. Pure.
 */
import type { Phase, Timeline } from '../steps/types';
import type { Hint } from './hints';

/** Kinds of step a student can choose to predict: the five phases (δ is the backward phase). */
export const PRACTICE_KINDS: readonly Phase[] = ['forward', 'loss', 'backward', 'gradient', 'update'];

/**
 * Fading, a worked-example setting: the first steps of each phase come solved and more are hidden iteration by
 * iteration. `lastFirst` hides a phase's last steps first (backward fading), `firstFirst` its first ones.
 */
export type Fading = 'none' | 'lastFirst' | 'firstFirst';
export const FADINGS: readonly Fading[] = ['none', 'lastFirst', 'firstFirst'];

/** Iterations over which fading goes from a third of each phase hidden to all of it. */
export const FADING_ITERATIONS = 3;

/** What the student (or teacher) chose to practise. */
export interface PracticeSettings {
  /** The kinds of step whose result is hidden (in PRACTICE_KINDS order). */
  kinds: Phase[];
  fading: Fading;
}

export const DEFAULT_SETTINGS: PracticeSettings = Object.freeze({
  kinds: [...PRACTICE_KINDS],
  fading: 'none',
}) as PracticeSettings;

/** How a hidden step ended: right at the first try, right after a hint, or shown. */
export type Outcome = 'first' | 'hinted' | 'shown';
export const OUTCOMES: readonly Outcome[] = ['first', 'hinted', 'shown'];

/** What the student did on one hidden step. */
export interface StepRecord {
  /** Wrong tries so far. */
  wrong: number;
  /** Set once the step is done (its value revealed). */
  outcome?: Outcome;
  /** The last hint given. */
  hint?: Hint;
}

/**
 * For each step of the timeline, whether practice hides its result (before it is answered): its phase is one of
 * `kinds`, and with fading, it is among the share of its phase hidden at this iteration (1-based).
 */
export function hiddenSteps(tl: Timeline, settings: PracticeSettings, iteration: number): boolean[] {
  const hidden = tl.steps.map((s) => settings.kinds.includes(s.phase));
  if (settings.fading === 'none') return hidden;
  const share = Math.min(1, Math.max(1, iteration) / FADING_ITERATIONS);
  for (const phase of PRACTICE_KINDS) {
    const idx = tl.steps.filter((s) => s.phase === phase && hidden[s.index]).map((s) => s.index);
    const count = Math.ceil(idx.length * share - 1e-9);
    const kept = settings.fading === 'lastFirst' ? idx.slice(idx.length - count) : idx.slice(0, count);
    for (const i of idx) hidden[i] = kept.includes(i);
  }
  return hidden;
}

/** One phase's score: hidden steps, and how many ended each way. */
export interface PhaseScore {
  phase: Phase;
  total: number;
  first: number;
  hinted: number;
  shown: number;
}

/** The score per phase over the hidden steps (phases with none are left out). */
export function scoreByPhase(
  tl: Timeline,
  hidden: readonly boolean[],
  records: Readonly<Record<string, StepRecord>>,
): PhaseScore[] {
  const out: PhaseScore[] = [];
  for (const phase of PRACTICE_KINDS) {
    const score: PhaseScore = { phase, total: 0, first: 0, hinted: 0, shown: 0 };
    for (const s of tl.steps) {
      if (s.phase !== phase || !hidden[s.index]) continue;
      score.total++;
      const o = records[s.id]?.outcome;
      if (o) score[o]++;
    }
    if (score.total > 0) out.push(score);
  }
  return out;
}

/** Totals over every phase. */
export function totalScore(scores: readonly PhaseScore[]): Omit<PhaseScore, 'phase'> {
  return scores.reduce(
    (t, s) => ({
      total: t.total + s.total,
      first: t.first + s.first,
      hinted: t.hinted + s.hinted,
      shown: t.shown + s.shown,
    }),
    { total: 0, first: 0, hinted: 0, shown: 0 },
  );
}

/** The outcome of a step answered right after `wrong` wrong tries. */
export const outcomeOfRight = (wrong: number): Outcome => (wrong === 0 ? 'first' : 'hinted');

/** Tries a student has before only "Show answer" is left. */
export const MAX_TRIES = 2;

// ---- the exercise a link carries: `x=<kinds>` or `x=<kinds>-<fading>`, kinds as letters f l d g u ----

const LETTERS: Record<Phase, string> = { forward: 'f', loss: 'l', backward: 'd', gradient: 'g', update: 'u' };
const FADING_WORDS: Record<Exclude<Fading, 'none'>, string> = { lastFirst: 'last', firstFirst: 'first' };

/** The link field of an exercise, e.g. `fldgu` or `dg-last`. */
export function encodeExercise(settings: PracticeSettings): string {
  const kinds = PRACTICE_KINDS.filter((k) => settings.kinds.includes(k))
    .map((k) => LETTERS[k])
    .join('');
  return settings.fading === 'none' ? kinds : `${kinds}-${FADING_WORDS[settings.fading]}`;
}

/** Reads an exercise's link field, or null when it is not one (then the link opens as an ordinary one). */
export function decodeExercise(text: string): PracticeSettings | null {
  const m = /^([a-z]{1,5})(?:-(last|first))?$/.exec(text);
  if (!m) return null;
  const letters = m[1];
  const kinds = PRACTICE_KINDS.filter((k) => letters.includes(LETTERS[k]));
  if (kinds.length !== letters.length) return null; // an unknown or repeated letter
  const fading: Fading = m[2] === 'last' ? 'lastFirst' : m[2] === 'first' ? 'firstFirst' : 'none';
  return { kinds, fading };
}
