import type { Lesson } from '../../engine';
import { pickLocale } from '../../i18n/translate';
import { DEFAULT_LESSON } from '../../lessons';
import { timelineOf } from '../derived';
import { holdsWork } from '../gate';
import { priorUpdatesFor } from '../iteration';
import type { LessonState, Notice, Work } from '../state';
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

/** The state the app opens in, and a message when a link or the autosave could not be used (or was set aside). */
export type StartState = Pick<
  LessonState,
  'lesson' | 'origin' | 'granularity' | 'cursor' | 'priorUpdates' | 'lossHistory' | 'locale' | 'notice'
> &
  Partial<Pick<LessonState, 'theme' | 'digits' | 'past'>>;

const clampCursor = (lesson: Lesson, granularity: LessonState['granularity'], cursor: number) =>
  Math.min(cursor, Math.max(0, (timelineOf(lesson, granularity)?.steps.length ?? 1) - 1));

/**
 * Chooses where the app starts: a share link in the hash, else the autosave, else the default lesson.
 * Nothing saved is replaced silently:
 * - a link that cannot be opened opens the autosave (or the default lesson when there is none) with why;
 * - a link to another lesson than the autosave's opens with a notice whose button ("Back to your work")
 *   restores the saved work exactly, and the saved work is one undo away;
 * - a link to the very lesson the autosave holds keeps the autosave's training history;
 * - on a reload of the tab's own hash the autosave wins.
 * View settings (locale, theme, digits) come from the autosave whatever opens, each one that cannot be read
 * dropped alone; the locale otherwise from the browser.
 */
export function chooseStart(
  { hash, savedText, languages, ownHash = false }: StartInput,
  fallback: Lesson = DEFAULT_LESSON,
): StartState {
  const saved = savedText === null ? null : parseSaved(savedText);
  const good = saved?.ok ? saved.saved : null;
  const savedNotice = saved === null ? null : saved.ok ? (saved.notice ?? null) : saved.message;
  const browserLocale = pickLocale(savedLocale(savedText), languages);
  const view =
    good && saved?.ok
      ? {
          locale: saved.dropped.includes('locale') ? pickLocale(null, languages) : good.locale,
          theme: good.theme,
          digits: good.digits,
        }
      : { locale: browserLocale };
  const fresh = (lesson: Lesson, iteration = 1) => ({
    lesson,
    origin: lesson,
    priorUpdates: iteration - 1,
    lossHistory: [] as number[],
  });
  // the autosave writes the iteration itself (parseSaved checks it fits its loss history)
  const savedWork = good && {
    lesson: good.lesson,
    origin: good.origin,
    priorUpdates: priorUpdatesFor(good.iteration, good.lossHistory),
    lossHistory: good.lossHistory,
  };
  const start = (
    base: ReturnType<typeof fresh>,
    granularity: LessonState['granularity'],
    cursor: number,
    notice: Notice | null,
  ) => ({
    ...view,
    ...base,
    granularity,
    cursor: clampCursor(base.lesson, granularity, cursor),
    notice,
  });

  if (isLessonLink(hash) && !(ownHash && good)) {
    const link = decodeLink(hash);
    if (!link.ok) {
      // a broken link never touches saved work
      if (savedWork) return start(savedWork, good.granularity, good.cursor, link.message);
      return start(fresh(fallback), 'neuron', 0, link.message);
    }
    if (savedWork && sameLesson(savedWork.lesson, link.lesson)) {
      return start(savedWork, link.granularity, link.cursor, link.message ?? savedNotice);
    }
    const opened = start(
      fresh(link.lesson, link.iteration),
      link.granularity,
      link.cursor,
      link.message ?? null,
    );
    // an untouched built-in lesson is not work to go back to: the lesson picker has it
    if (!good || !savedWork || !holdsWork(good.lesson, good.iteration)) return opened;
    const work: Work = { ...savedWork, granularity: good.granularity, cursor: good.cursor };
    return {
      ...opened,
      notice: { key: 'link.replacedWork', action: { kind: 'restoreWork', work } },
      past: [savedWork],
    };
  }
  if (savedWork) return start(savedWork, good.granularity, good.cursor, savedNotice);
  return start(fresh(fallback), fallback.conventions.detail ?? 'neuron', 0, savedNotice);
}

/**
 * Whether the autosave text holds anything the app could not take whole (unreadable, another version, a
 * dropped setting or lesson): then it is kept aside before the first new save writes over it.
 */
export function savedNeedsBackup(savedText: string | null): boolean {
  if (savedText === null) return false;
  const saved = parseSaved(savedText);
  return !saved.ok || saved.notice !== undefined;
}
