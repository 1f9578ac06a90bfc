import { formatNumber } from './format';

/** Characters as Unicode superscripts (exponents here; symbols' superscripts in symbols.ts). */
export const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '(': '⁽',
  ')': '⁾',
  '+': '⁺',
  '-': '⁻',
  '′': '′',
};

/** A number as plain text (graph labels, tooltips): the same rounding as formatNumber, `1.5×10⁻⁵` style. */
export function formatPlain(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return formatNumber(x, digits).replace(
    /\\times10\^\{(-?\d+)\}/,
    (_m, e: string) => `×10${[...e].map((c) => SUPERSCRIPT[c]).join('')}`,
  );
}
