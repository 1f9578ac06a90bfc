import type { Lesson } from '../../engine';
import type { MessageRef } from '../../formulas/types';
import { pickLocale } from '../../i18n/translate';
import { DEFAULT_LESSON } from '../../lessons';
import { timelineOf } from '../derived';
import type { LessonState } from '../store';
import { sameLesson } from './lessonFile';
import { decodeLink, isLessonLink } from './link';
import { parseSaved, savedLocale } from './saved';

/** What the page offers at start: its URL hash, the autosave (null when none) and the browser's languages. */
export interface StartInput {
  hash: string;
  savedText: string | null;
  languages: readonly string[];
  /**
   * Whether the hash is the one this tab last wrote itself (a reload): the autosave, written when the page
   * hid, is then at least as recent, so it wins over the hash.
   */
  ownHash?: boolean;
}

/** The state the app opens in, and a message when a link or the autosave could not be used. */
export type StartState = Pick<
  LessonState,
  'lesson' | 'origin' | 'granularity' | 'cursor' | 'iteration' | 'lossHistory' | 'locale' | 'notice'
> &
  Partial<Pick<LessonState, 'theme' | 'digits'>>;

const clampCursor = (lesson: Lesson, granularity: LessonState['granularity'], cursor: number) =>
  Math.min(cursor, Math.max(0, (timelineOf(lesson, granularity)?.steps.length ?? 1) - 1));

/**
 * Chooses where the app starts: a share link in the hash, else the autosave, else the default lesson.
 * A link or autosave that cannot be read falls back to the default lesson with a message. View settings
 * (locale, theme, digits) come from the autosave whatever opens; the locale otherwise from the browser.
 * A link to the very lesson the autosave holds keeps the autosave's training history. On a reload of the
 * tab's own hash the autosave wins.
 */
export function chooseStart(
  { hash, savedText, languages, ownHash = false }: StartInput,
  fallback: Lesson = DEFAULT_LESSON,
): StartState {
  const saved = savedText === null ? null : parseSaved(savedText);
  const good = saved?.ok ? saved.saved : null;
  const view = good
    ? { locale: good.locale, theme: good.theme, digits: good.digits }
    : { locale: pickLocale(savedLocale(savedText), languages) };
  const fresh = (lesson: Lesson) => ({ lesson, origin: lesson, iteration: 1, lossHistory: [] as number[] });
  const start = (
    base: ReturnType<typeof fresh>,
    granularity: LessonState['granularity'],
    cursor: number,
    notice: MessageRef | null,
  ) => ({
    ...view,
    ...base,
    granularity,
    cursor: clampCursor(base.lesson, granularity, cursor),
    notice,
  });

  if (isLessonLink(hash) && !(ownHash && good)) {
    const link = decodeLink(hash);
    if (!link.ok) return start(fresh(fallback), 'neuron', 0, link.message);
    const same = good !== null && sameLesson(good.lesson, link.lesson);
    const base = same
      ? { lesson: good.lesson, origin: good.origin, iteration: good.iteration, lossHistory: good.lossHistory }
      : fresh(link.lesson);
    return start(base, link.granularity, link.cursor, link.message ?? null);
  }
  if (good) return start(good, good.granularity, good.cursor, null);
  const detail = fallback.conventions.detail ?? 'neuron';
  return start(fresh(fallback), detail, 0, saved && !saved.ok ? saved.message : null);
}
