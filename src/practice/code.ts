/**
 * The completion code a student gets at the end of an exercise: how many steps were right at the first try,
 * right after a hint and shown, then a check of five characters derived from those counts and the exercise
 * (the lesson with its numbers, the detail level, the kinds hidden and the fading), e.g. `6-1-1-K7Q3X`. The
 * teacher checks it in the app against the exercise: a code of another exercise, or with a count changed, fails.
 * Pure; no secret (it keeps honest students honest, it is not a signature).
 */
import type { Lesson } from '../engine';
import type { Granularity } from '../steps/types';
import { encodeExercise, type PracticeSettings } from './session';

/** Crockford's base 32 (no I, L, O, U: nothing to misread when copied by hand). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_CHARS = 5;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The lesson's fingerprint: its JSON hashed twice over, 16 hex digits (the store keeps one per lesson object). */
export function lessonFingerprint(lesson: Lesson): string {
  const text = JSON.stringify(lesson);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text)) + hex(fnv1a(text, 0x9747b28c));
}

/** What a completion code stands for. */
export interface CodeCounts {
  first: number;
  hinted: number;
  shown: number;
}

/** The exercise's identity: the lesson's numbers, the detail level and the practice settings. */
export function exerciseId(lesson: Lesson, granularity: Granularity, settings: PracticeSettings): string {
  return `${lessonFingerprint(lesson)}/${granularity}/${encodeExercise(settings)}`;
}

function check(exercise: string, c: CodeCounts): string {
  let h = fnv1a(`${exercise}|${c.first}|${c.hinted}|${c.shown}`);
  let out = '';
  for (let i = 0; i < CHECK_CHARS; i++) {
    out += ALPHABET[h & 31];
    h >>>= 5;
  }
  return out;
}

/** The completion code of an exercise finished with these counts. */
export function completionCode(exercise: string, c: CodeCounts): string {
  return `${c.first}-${c.hinted}-${c.shown}-${check(exercise, c)}`;
}

/** A code typed back: spaces ignored, any case, and the letters people misread (O, I, L) read as Crockford does. */
function normalise(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015\u2212\uFF0D]+/g, (m) => (/\s/.test(m) ? '' : '-'))
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Checks a completion code against an exercise: the counts it stands for, or null when it does not belong. */
export function verifyCode(exercise: string, code: string): CodeCounts | null {
  const m = /^(\d{1,5})-(\d{1,5})-(\d{1,5})-([0-9A-Z]{5})$/.exec(normalise(code));
  if (!m) return null;
  const counts = { first: Number(m[1]), hinted: Number(m[2]), shown: Number(m[3]) };
  return check(exercise, counts) === m[4] ? counts : null;
}
