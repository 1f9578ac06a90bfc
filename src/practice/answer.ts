/**
 * Reading and judging a typed answer. The rule: at least three significant digits, and the number agrees with
 * the value within one unit of the last digit typed (for 0.76133, 0.761 and 0.7613 are right, 0.758 is not), so
 * that rounding earlier results by hand is forgiven. A typed zero is right only for a value that is zero.
 */

/** Significant digits an answer must have. */
export const MIN_SIGNIFICANT = 3;

/** A typed number with what the tolerance needs: its value, significant digits and the unit of its last digit. */
export interface TypedNumber {
  value: number;
  /** Significant digits typed (0 for a zero). */
  significant: number;
  /** The place value of the last digit typed, e.g. 0.001 for `0.761`, 10 for `1.20e3`. */
  unit: number;
  /** The answer as read, in ASCII (full-width digits and − replaced), for digit-slip checks. */
  text: string;
}

const NUMBER = /^([+-]?)(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?$/i;

/** Full-width digits, signs and point (a Chinese input method) and the minus sign − as their ASCII forms. */
function ascii(text: string): string {
  return text
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\u2212\uFF0D]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\uFF45\uFF25]/g, 'e');
}

/** Reads a typed answer (`0.761`, `-1.2e-3`, `.5`, `−0.42`), or null when it is not a plain number. */
export function readAnswer(typed: string): TypedNumber | null {
  const text = ascii(typed);
  const m = NUMBER.exec(text);
  if (!m) return null;
  const mantissa = m[2];
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isFinite(exponent) || Math.abs(exponent) > 300) return null;
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return { value, significant: digits.length, unit: Number(`1e${exponent - decimals}`), text };
}

/** The verdict on one typed answer. */
export type Verdict = 'right' | 'wrong' | 'tooFew' | 'notANumber';

/** Whether a read answer agrees with `value` within one unit of its last digit (a zero only with zero). */
export function agrees(answer: TypedNumber, value: number): boolean {
  if (answer.significant === 0) return value === 0 || Math.abs(value) < 1e-300;
  return Math.abs(answer.value - value) <= answer.unit * (1 + 1e-9);
}

/** Judges a typed answer against the exact value. */
export function judge(typed: string, value: number): Verdict {
  const answer = readAnswer(typed);
  if (answer === null) return 'notANumber';
  if (answer.significant === 0) return agrees(answer, value) ? 'right' : 'wrong';
  if (answer.significant < MIN_SIGNIFICANT) return 'tooFew';
  return agrees(answer, value) ? 'right' : 'wrong';
}
