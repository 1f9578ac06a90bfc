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

/**
 * Whether two JSON-like values write the same JSON up to the order of object keys (undefined members and
 * functions left out, non-finite numbers written as null, as JSON.stringify does). Walks both at once and stops
 * at the first difference: a 10 × 64 lesson's two canonical JSON texts took 25–65 ms to write and compare.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ja = jsonKind(a);
  const jb = jsonKind(b);
  if (ja !== jb) return false;
  if (ja === 'null' || ja === 'absent') return true;
  if (ja === 'number' || ja === 'string' || ja === 'boolean') return false; // a === b failed
  if (ja === 'array') {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      // an array writes an absent member as null
      const u = jsonKind(x[i]) === 'absent' ? null : x[i];
      const v = jsonKind(y[i]) === 'absent' ? null : y[i];
      if (!sameJson(u, v)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => jsonKind(o[k]) !== 'absent');
  const kx = keys(x);
  if (kx.length !== keys(y).length) return false;
  return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameJson(x[k], y[k]));
}

/** What a value writes as in JSON: `absent` for what JSON.stringify leaves out of an object. */
function jsonKind(v: unknown): 'null' | 'absent' | 'number' | 'string' | 'boolean' | 'array' | 'object' {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? 'number' : 'null';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      return Array.isArray(v) ? 'array' : 'object';
    default:
      return 'absent'; // undefined, functions, symbols
  }
}

/** Whether two lessons are the same lesson (same fields and numbers), not merely the same object. */
export function sameLesson(a: Lesson, b: Lesson): boolean {
  return a === b || sameJson(a, b);
}
