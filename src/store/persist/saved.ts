import { parseLesson, type Lesson } from '../../engine';
import type { MessageRef } from '../../formulas/types';
import { LOCALES, type Locale } from '../../i18n/translate';
import type { Granularity } from '../../steps/types';
import type { Theme } from '../store';
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

export type ParsedSaved = { ok: true; saved: SavedState } | { ok: false; message: MessageRef };

/** The autosave as JSON; `origin` is left out when it is the lesson itself (nothing trained or edited). */
export function serialiseSaved(state: SavedState): string {
  const { origin, ...rest } = state;
  const sameOrigin = sameLesson(origin, state.lesson);
  return JSON.stringify({
    format: SAVED_FORMAT,
    version: SAVED_VERSION,
    ...rest,
    ...(sameOrigin ? {} : { origin }),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Reads the autosave. Anything unreadable, from another version, or holding a lesson `parseLesson` refuses
 * gives a message (the caller falls back to the default lesson); never an exception.
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
  const lesson = parseLesson(o.lesson);
  const origin = o.origin === undefined ? lesson : parseLesson(o.origin);
  if (!lesson.ok || !origin.ok) return corrupt;
  const granularity = GRANULARITIES.find((g) => g === o.granularity);
  const locale = LOCALES.find((l) => l === o.locale);
  const theme = THEMES.find((th) => th === o.theme);
  const { cursor, digits, iteration, lossHistory } = o;
  if (!granularity || !locale || !theme || !isInt(cursor, 0, 1e7) || !isInt(digits, 2, 10)) return corrupt;
  if (!isInt(iteration, 1, 1e9) || !Array.isArray(lossHistory) || lossHistory.length > 1e6) return corrupt;
  if (!lossHistory.every((x) => typeof x === 'number' && Number.isFinite(x))) return corrupt;
  return {
    ok: true,
    saved: {
      lesson: lesson.lesson,
      origin: o.origin === undefined ? lesson.lesson : origin.lesson,
      granularity,
      cursor,
      locale,
      theme,
      digits,
      iteration,
      lossHistory: lossHistory as number[],
    },
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
