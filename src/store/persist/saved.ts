import type { Lesson } from '../../engine';
import type { MessageRef } from '../../formulas/types';
import { LOCALES, type Locale } from '../../i18n/translate';
import type { Granularity } from '../../steps/types';
import { gateLesson, refusalMessage } from '../gate';
import type { Theme } from '../state';
import { sameLesson } from './lessonFile';
import { GRANULARITIES } from './link';

const THEMES: readonly Theme[] = ['light', 'dark', 'projector'];

/** The localStorage key of the autosave. */
export const SAVED_KEY = 'backprop-lessons/autosave';
export const SAVED_FORMAT = 'backprop-saved';
export const SAVED_VERSION = 1;

/** What autosave keeps so a reload never loses work: the lesson, where the student is, and view settings. */
export interface SavedState {
  /** The lesson with the current weights (after any training iterations). */
  lesson: Lesson;
  /** The lesson as it was opened, for "reset lesson". */
  origin: Lesson;
  granularity: Granularity;
  /** Index of the current step at `granularity`. */
  cursor: number;
  locale: Locale;
  theme: Theme;
  /** Significant digits numbers are shown with (2–10). */
  digits: number;
  /** Training iteration shown (1 = the lesson's own weights). */
  iteration: number;
  /** Loss E of each earlier iteration. */
  lossHistory: number[];
}

/**
 * Lessons' JSON texts for the autosave, least recently used first: the autosave is written after every burst of
 * steps, and a 10 × 64 lesson (with its origin) is ~1.5 MB of JSON, the same text each time.
 */
const texts = new Map<Lesson, string>();
const TEXTS_KEPT = 4;
function jsonOf(lesson: Lesson): string {
  let t = texts.get(lesson);
  if (t === undefined) {
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value!);
    t = JSON.stringify(lesson);
  } else texts.delete(lesson);
  texts.set(lesson, t);
  return t;
}

/**
 * The autosave as JSON (the object's fields in order, `format` and `version` first); `origin` is left out when
 * it is the lesson itself (nothing trained or edited). The lessons' texts are kept, so a save after a step
 * writes the settings alone anew.
 */
export function serialiseSaved(state: SavedState, stamp?: string): string {
  const { origin, lesson, ...settings } = state;
  const sameOrigin = sameLesson(origin, lesson);
  const rest = JSON.stringify(settings).slice(1, -1); // the settings' members, without the braces
  return `{"format":${JSON.stringify(SAVED_FORMAT)},"version":${SAVED_VERSION},"lesson":${jsonOf(lesson)}${
    rest ? `,${rest}` : ''
  }${sameOrigin ? '' : `,"origin":${jsonOf(origin)}`}${stamp === undefined ? '' : `,"stamp":${JSON.stringify(stamp)}`}}`;
}

/**
 * The localStorage key of a large autosave's step. Rewriting a 10 × 64 lesson's ~1.5 MB autosave after every
 * step cost the page tens of milliseconds a step, so once an autosave is large (SAVED_STEP_MIN_CHARS) it carries
 * a stamp, and while only the step changes, the step is written here alone, with that stamp.
 */
export const SAVED_STEP_KEY = 'backprop-lessons/autosave-step';
/** Autosaves at least this long have their step written apart (see SAVED_STEP_KEY). */
export const SAVED_STEP_MIN_CHARS = 100_000;

/** A large autosave's step: where the student is, for the autosave carrying `stamp`. */
export interface SavedStep {
  stamp: string;
  granularity: Granularity;
  cursor: number;
}

export const serialiseSavedStep = (step: SavedStep): string => JSON.stringify(step);

/**
 * The autosave with its step (written apart, see SAVED_STEP_KEY) put back in: the autosave's text as it is
 * when there is no such step, or the step is for another autosave (another stamp) or unreadable.
 */
export function withSavedStep(savedText: string | null, stepText: string | null): string | null {
  if (savedText === null || stepText === null) return savedText;
  try {
    const step: unknown = JSON.parse(stepText);
    if (!isObject(step) || typeof step.stamp !== 'string') return savedText;
    // the stamp is the autosave's last member: checked before its ~MB of JSON is read
    if (!savedText.endsWith(`,"stamp":${JSON.stringify(step.stamp)}}`)) return savedText;
    const saved = JSON.parse(savedText) as Record<string, unknown>;
    return JSON.stringify({ ...saved, granularity: step.granularity, cursor: step.cursor });
  } catch {
    return savedText;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * A readable autosave: what could be kept, the settings that could not (reset to their defaults; `locale` is
 * then the browser's), and a message when something was dropped or the lesson had to fall back.
 */
export type ParsedSaved =
  | { ok: true; saved: SavedState; dropped: SavedSetting[]; notice?: MessageRef }
  | { ok: false; message: MessageRef };

/** The settings an autosave may lose one by one without losing the lesson. */
export type SavedSetting = 'granularity' | 'cursor' | 'locale' | 'theme' | 'digits' | 'iteration' | 'origin';

const SAVED_LESSON_KEYS = { format: 'saved.lessonInvalid', nonFinite: 'saved.lessonNonFinite' } as const;
const SAVED_NONE_KEYS = { format: 'saved.corrupt', nonFinite: 'saved.nonFinite' } as const;

/**
 * Reads the autosave, through the gate like every lesson. A setting that is unknown or invalid (a theme,
 * locale or digit count from another version, say) is dropped alone and the lesson kept; a lesson the gate
 * refuses falls back to the lesson as it was opened (`origin`) when that one passes. Anything unreadable, from
 * another version, or with no lesson left gives a message (the caller falls back to the default lesson);
 * never an exception.
 */
export function parseSaved(text: string): ParsedSaved {
  const corrupt: ParsedSaved = { ok: false, message: { key: 'saved.corrupt' } };
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return corrupt;
  }
  if (!isObject(o) || o.format !== SAVED_FORMAT) return corrupt;
  if (o.version !== SAVED_VERSION) return { ok: false, message: { key: 'saved.old' } };
  const dropped: SavedSetting[] = [];
  const lesson = gateLesson(o.lesson);
  const origin = o.origin === undefined ? lesson : gateLesson(o.origin);
  let notice: MessageRef | undefined;
  let shown: Lesson;
  let opened: Lesson;
  let trained = true;
  if (lesson.ok) {
    shown = lesson.lesson;
    opened = origin.ok ? origin.lesson : lesson.lesson;
    if (!origin.ok) dropped.push('origin');
  } else if (origin.ok && o.origin !== undefined) {
    // the lesson as it was opened is what can be kept; training restarts from it
    shown = opened = origin.lesson;
    trained = false;
    notice = refusalMessage(lesson.refusal, SAVED_LESSON_KEYS);
  } else {
    if (lesson.refusal.kind === 'format') return corrupt;
    return { ok: false, message: refusalMessage(lesson.refusal, SAVED_NONE_KEYS) };
  }
  const pick = <T>(name: SavedSetting, value: T | undefined, fallback: T): T => {
    if (value !== undefined) return value;
    dropped.push(name);
    return fallback;
  };
  const granularity = pick(
    'granularity',
    GRANULARITIES.find((g) => g === o.granularity),
    'neuron',
  );
  const locale = pick(
    'locale',
    LOCALES.find((l) => l === o.locale),
    'en',
  );
  const theme = pick(
    'theme',
    THEMES.find((th) => th === o.theme),
    'light',
  );
  const digits = pick('digits', isInt(o.digits, 2, 10) ? o.digits : undefined, 4);
  const cursor = pick('cursor', isInt(o.cursor, 0, 1e7) ? o.cursor : undefined, 0);
  const { iteration, lossHistory } = o;
  // the iteration ends the loss history (earlier updates may have no loss here: a link's, the Train view's run)
  const goodTraining =
    isInt(iteration, 1, 1e9) &&
    Array.isArray(lossHistory) &&
    lossHistory.length <= 1e6 &&
    lossHistory.length < iteration &&
    lossHistory.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (trained && !goodTraining) dropped.push('iteration');
  const keepTraining = trained && goodTraining;
  if (!notice && dropped.length > 0) notice = { key: 'saved.settingsDropped' };
  return {
    ok: true,
    saved: {
      lesson: shown,
      origin: opened,
      granularity,
      cursor,
      locale,
      theme,
      digits,
      iteration: keepTraining ? (iteration as number) : 1,
      lossHistory: keepTraining ? (lossHistory as number[]) : [],
    },
    dropped,
    ...(notice ? { notice } : {}),
  };
}

/** The locale a saved state chose, read leniently so a corrupt save still keeps the language; else null. */
export function savedLocale(text: string | null): string | null {
  if (text === null) return null;
  try {
    const o: unknown = JSON.parse(text);
    return isObject(o) && typeof o.locale === 'string' ? o.locale : null;
  } catch {
    return null;
  }
}
