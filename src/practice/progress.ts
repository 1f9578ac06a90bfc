/**
 * The practice state the store holds, and its copy in the browser (its own localStorage key): read back
 * field by field, so a bad or foreign value loses that field alone, never the app. Pure.
 */
import { ACTIVATION_NAMES, type ActivationName } from '../engine';
import type { MessageRef } from '../formulas/types';
import type { Phase } from '../steps/types';
import { HINT_KINDS, type Hint, type HintKind } from './hints';
import {
  DEFAULT_SETTINGS,
  FADINGS,
  OUTCOMES,
  PRACTICE_KINDS,
  type Fading,
  type Outcome,
  type PracticeSettings,
  type StepRecord,
} from './session';

/** Practice in the store: whether it is on, what is hidden, class mode, and the student's records. */
export interface PracticeState {
  on: boolean;
  settings: PracticeSettings;
  /** For a projector: no answer fields; each result stays covered until the teacher reveals it (R). */
  classMode: boolean;
  /** Opened from a teacher's exercise link: the end of the iteration shows a completion code. */
  exercise: boolean;
  /** Which lesson and detail level `records` belong to (lesson fingerprint/granularity); null: none yet. */
  key: string | null;
  /** What the student did, by step id. */
  records: Record<string, StepRecord>;
  /** What the last check, reveal or answer shown said (announced politely; not saved). */
  feedback: MessageRef[];
  /**
   * Where `feedback` was given: the records' key and the cursor (`key#cursor`), so that it is shown on that step
   * only and a step moved to never shows another step's verdict; null with no feedback (not saved).
   */
  feedbackAt: string | null;
}

export const DEFAULT_PRACTICE: PracticeState = Object.freeze({
  on: false,
  settings: DEFAULT_SETTINGS,
  classMode: false,
  exercise: false,
  key: null,
  records: Object.freeze({}) as Record<string, StepRecord>,
  feedback: Object.freeze([]) as unknown as MessageRef[],
  feedbackAt: null,
}) as PracticeState;

/** The localStorage key of practice progress (apart from the autosave, so neither can spoil the other). */
export const PRACTICE_KEY = 'backprop-lessons/practice';
const VERSION = 1;
/** Records kept at most (a 10 × 64 network at weight detail has thousands of steps). */
const MAX_RECORDS = 5000;

export function serialisePractice({ feedback: _feedback, feedbackAt: _at, ...p }: PracticeState): string {
  return JSON.stringify({ version: VERSION, ...p });
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function readSettings(x: unknown): PracticeSettings {
  if (!isObject(x)) return DEFAULT_SETTINGS;
  const kinds = Array.isArray(x.kinds)
    ? PRACTICE_KINDS.filter((k) => (x.kinds as unknown[]).includes(k))
    : DEFAULT_SETTINGS.kinds;
  const fading = FADINGS.includes(x.fading as Fading) ? (x.fading as Fading) : 'none';
  return { kinds: kinds.length > 0 ? (kinds as Phase[]) : DEFAULT_SETTINGS.kinds, fading };
}

function readHint(x: unknown): Hint | undefined {
  if (!isObject(x) || !HINT_KINDS.includes(x.kind as HintKind)) return undefined;
  const hint: Hint = { kind: x.kind as HintKind };
  if (ACTIVATION_NAMES.includes(x.activation as ActivationName))
    hint.activation = x.activation as ActivationName;
  if (ACTIVATION_NAMES.includes(x.own as ActivationName)) hint.own = x.own as ActivationName;
  return hint;
}

function readRecords(x: unknown): Record<string, StepRecord> {
  const out = Object.create(null) as Record<string, StepRecord>; // an id such as `__proto__` stays an id
  if (!isObject(x)) return out;
  for (const [id, r] of Object.entries(x).slice(0, MAX_RECORDS)) {
    if (!isObject(r) || id.length > 200) continue;
    const wrong = Number.isInteger(r.wrong) && (r.wrong as number) >= 0 ? Math.min(r.wrong as number, 99) : 0;
    const rec: StepRecord = { wrong };
    if (OUTCOMES.includes(r.outcome as Outcome)) rec.outcome = r.outcome as Outcome;
    const hint = readHint(r.hint);
    if (hint) rec.hint = hint;
    out[id] = rec;
  }
  return out;
}

/** Reads saved practice; anything missing or not understood falls back to the default, field by field. */
export function parsePractice(text: string | null): PracticeState {
  if (text === null) return DEFAULT_PRACTICE;
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return DEFAULT_PRACTICE;
  }
  if (!isObject(x) || x.version !== VERSION) return DEFAULT_PRACTICE;
  return {
    on: x.on === true,
    settings: readSettings(x.settings),
    classMode: x.classMode === true,
    exercise: x.exercise === true,
    key: typeof x.key === 'string' && x.key.length <= 200 ? x.key : null,
    records: readRecords(x.records),
    feedback: DEFAULT_PRACTICE.feedback,
    feedbackAt: null,
  };
}
