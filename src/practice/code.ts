/**
 * The completion code a student gets at the end of an exercise: how many steps were right at the first try,
 * right after a hint and shown, then a check of eight characters, e.g. `6-1-1-K7Q3X2MD`. The check is the first
 * 40 bits of a SHA-256 over the exercise (the whole lesson with its numbers, the detail level, the kinds hidden and
 * the fading), the answers of its hidden steps worked out from the lesson, and the counts. The teacher's app
 * works the same out from the exercise link and checks the code: one of another exercise, with a count or a
 * character changed, fails (a code typed at random passes once in 2⁴⁰). Pure. Without a server there is no
 * secret: it keeps honest students honest and cannot be made up from the lesson's figures by hand, but it is
 * not a signature.
 */
import type { Lesson } from '../engine';
import type { Timeline } from '../steps/types';
import { questionOf } from './hints';
import { encodeExercise, type PracticeSettings } from './session';
import { sha256Bytes } from './sha256';

/** Crockford's base 32 (no I, L, O, U: nothing to misread when copied by hand). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of the check: 8 × 5 = 40 bits of the hash. */
export const CHECK_CHARS = 8;

/** FNV-1a, 32 bits, over the UTF-16 code units of `text` (a quick fingerprint, not for the completion code). */
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

/** Significant digits of each answer in the hash: far more than anyone types, few enough that two browsers whose
 *  exp or tanh differ in the last bit agree. */
const ANSWER_DIGITS = 10;

/**
 * The exercise's identity, from which its codes are made: the lesson (all of it), the detail level, the practice
 * settings and the answer of every step of the kinds hidden (at any iteration's fading, the same steps), in order.
 */
export function exerciseId(lesson: Lesson, timeline: Timeline, settings: PracticeSettings): string {
  const answers = timeline.steps
    .filter((s) => settings.kinds.includes(s.phase))
    .map((s) => `${s.id}=${timeline.values[questionOf(s)].toPrecision(ANSWER_DIGITS)}`);
  return [JSON.stringify(lesson), timeline.granularity, encodeExercise(settings), ...answers].join('\n');
}

/** What a completion code stands for. */
export interface CodeCounts {
  first: number;
  hinted: number;
  shown: number;
}

function check(exercise: string, c: CodeCounts): string {
  const bytes = sha256Bytes(new TextEncoder().encode(`${exercise}\n${c.first}-${c.hinted}-${c.shown}`));
  // the first 40 bits, five at a time
  let bits = 0;
  let count = 0;
  let out = '';
  for (let i = 0; out.length < CHECK_CHARS;) {
    if (count < 5) {
      bits = ((bits << 8) | bytes[i++]) & 0xffff;
      count += 8;
    }
    count -= 5;
    out += ALPHABET[(bits >>> count) & 31];
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
  const m = new RegExp(`^(\\d{1,5})-(\\d{1,5})-(\\d{1,5})-([0-9A-Z]{${CHECK_CHARS}})$`).exec(normalise(code));
  if (!m) return null;
  const counts = { first: Number(m[1]), hinted: Number(m[2]), shown: Number(m[3]) };
  return check(exercise, counts) === m[4] ? counts : null;
}
