import { parseLesson, problemOf, ROOT_PATH, textIn, type Lesson, type ParseResult } from '../../engine';

/** The largest lesson file read, in characters (the format's own caps keep real lessons far below it). */
export const MAX_FILE_CHARS = 5_000_000;

/** The `backprop-lesson` file a teacher saves: the lesson as pretty-printed JSON, ending in a newline. */
export function serialiseLesson(lesson: Lesson): string {
  return `${JSON.stringify(lesson, null, 2)}\n`;
}

/**
 * Reads the text of a lesson file. Returns the lesson, or every problem with its JSON path: a JSON syntax
 * error is one problem of the whole file (ROOT_PATH) with the parser's message; a well-formed file goes
 * through `parseLesson`.
 */
export function parseLessonFile(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) {
    return {
      ok: false,
      problems: [problemOf(ROOT_PATH, 'fileTooLong', { length: text.length, max: MAX_FILE_CHARS })],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // the browser's own words for where the JSON breaks
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [problemOf(ROOT_PATH, 'notJson', { detail })] };
  }
  return parseLesson(json);
}

/**
 * A file name for the lesson: its English title (or its title in one language) in lower-case words joined by
 * hyphens, then `.json`; `lesson.json` when no Latin letter or digit is left.
 */
export function lessonFileName(lesson: Lesson): string {
  const words = (lesson.title ? textIn(lesson.title, 'en') : '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || 'lesson'}.json`;
}

/** JSON with every object's keys sorted, so equal lessons give equal text whatever order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two lessons are the same lesson (same fields and numbers), not merely the same object. */
export function sameLesson(a: Lesson, b: Lesson): boolean {
  return a === b || canonical(a) === canonical(b);
}
