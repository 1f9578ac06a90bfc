import { LIMITS } from '../../engine';
import type { MessageRef } from '../../formulas';

/** What a typed number must also be, beyond finite and within ±LIMITS.maxMagnitude. */
export interface ParseOptions {
  /** Greater than 0 (the learning rate η, the uniform range r); `message` is shown otherwise. */
  positive?: { message: MessageRef };
  /** A whole number from `min` to `max` (layer sizes, the seed), instead of the ±maxMagnitude range. */
  integer?: { min: number; max: number; message: MessageRef };
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: MessageRef };

/** A plain decimal or scientific number: `2`, `-0.5`, `.5`, `1e-3`, `+3.`. No hex, no `_`, no words. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A decimal comma where a point belongs: `0,5`, `-1,25e3` (but not a list such as `1,2,3`). */
const COMMA_DECIMAL = /^[+-]?\d*,\d+(e[+-]?\d+)?$/i;
const INFINITY = /^[+-]?(inf|infinity|∞)$/i;

const fail = (key: MessageRef['key'], params?: MessageRef['params']): ParsedNumber => ({
  ok: false,
  message: { key, params },
});

/**
 * Reads a number the student typed. Surrounding spaces are ignored; full-width digits and signs (typed with a
 * Chinese input method) and the minus sign − (U+2212, as the app prints negatives) count as their ASCII forms.
 * A decimal comma (`0,5`) is refused with the point form suggested, since `1,000` could mean a thousand.
 */
export function parseNumberInput(text: string, options: ParseOptions = {}): ParsedNumber {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\s+/g, '');
  if (s === '') return fail('edit.empty');
  if (INFINITY.test(s)) return fail('edit.notFinite');
  if (COMMA_DECIMAL.test(s))
    return fail('editor.commaDecimal', { text: text.trim(), suggestion: s.replace(',', '.') });
  if (!NUMBER.test(s)) return fail('edit.notANumber', { text: text.trim() });
  const value = Number(s);
  if (!Number.isFinite(value)) return fail('edit.notFinite');
  // Below the smallest double (about 4.9e-324) a nonzero number such as 1e-400 reads as 0: refused, never turned
  // into 0 silently. Subnormals (1e-310) are accepted: they are doubles, with fewer digits, and a value the app
  // shows reads back to itself.
  if (value === 0 && /[1-9]/.test(s.split(/e/i)[0])) return fail('edit.tooSmall', { min: '1e-308' });
  const int = options.integer;
  if (int) {
    // whole numbers have their own range (a seed runs to 2³² − 1)
    if (!Number.isInteger(value) || value < int.min || value > int.max)
      return { ok: false, message: int.message };
  } else if (Math.abs(value) > LIMITS.maxMagnitude)
    return fail('edit.tooLarge', { max: LIMITS.maxMagnitude });
  if (options.positive && value <= 0) return { ok: false, message: options.positive.message };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** A number as the field shows it: exact up to 12 significant digits, in a form `parseNumberInput` reads back. */
export function formatForInput(value: number): string {
  return String(Number(value.toPrecision(12)));
}
