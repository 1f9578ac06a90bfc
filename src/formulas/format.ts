/**
 * The one place numbers become TeX. `digits` significant digits, trailing zeros dropped; magnitudes below 10⁻³
 * or from 10⁶ up in scientific form written for TeX (`1.0\times10^{-5}`, never `1.000e-5`). Integer digits are
 * never dropped, so 123456.7 shows as 123457.
 */
export function formatNumber(x: number, digits: number): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  if (x === 0) return '0';
  const d = Math.min(15, Math.max(1, Math.round(digits)));
  const sign = x < 0 ? '-' : '';
  const abs = Math.abs(x);
  let e = Math.floor(Math.log10(abs)); // abs = m.mmm × 10^e
  if (e < -290 || e > 290) return sign + extremeScientific(abs, d); // scaling would under- or overflow
  if (abs < pow10(e)) e--;
  else if (abs >= pow10(e + 1)) e++;
  // the d significant digits as an integer, rounded (9.9996 → 10.00 moves on to the next power of ten)
  const shift = d - 1 - e;
  let m = Math.round(shift >= 0 ? abs * pow10(shift) : abs / pow10(-shift));
  if (m >= pow10(d)) {
    m /= 10;
    e++;
  }
  const ds = String(m);
  if (e < -3 || e >= 6) return `${sign}${ds[0]}.${trimZeros(ds.slice(1), 1)}\\times10^{${e}}`;
  if (e >= d - 1) return sign + String(Math.round(abs)); // no decimals: every integer digit
  const whole = e >= 0 ? ds.slice(0, e + 1) : '0';
  const fraction = trimZeros(e >= 0 ? ds.slice(e + 1) : '0'.repeat(-e - 1) + ds, 0);
  return fraction ? `${sign}${whole}.${fraction}` : sign + whole;
}

const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** 10^k, exact up to 10^22. */
const pow10 = (k: number): number => (k >= 0 && k < POWERS.length ? POWERS[k] : 10 ** k);

/** Scientific form via toExponential, for magnitudes too extreme to scale. */
function extremeScientific(abs: number, d: number): string {
  const [mantissa, exponent] = abs.toExponential(d - 1).split('e');
  const [lead, rest = ''] = mantissa.split('.');
  return `${lead}.${trimZeros(rest, 1)}\\times10^{${Number(exponent)}}`;
}

/** Decimal digits without their trailing zeros, keeping at least `keep` of them (padding with 0). */
function trimZeros(digits: string, keep: number): string {
  let end = digits.length;
  while (end > keep && digits[end - 1] === '0') end--;
  return end >= keep ? digits.slice(0, end) : digits + '0'.repeat(keep - end);
}

/** What is known of a value beyond its double, for showing it where rounding could change a row. */
export interface Precise {
  /** 1 − |x|, computed without cancellation (an activation close to ±1). */
  complement?: number;
  /** log₁₀ x of a positive x that underflowed to 0 (an activation below the smallest double). */
  log10?: number;
}

/**
 * x written so that the expressions it enters (1 − a, ln(1 − a), 1/(1 − a), a(1 − a), ln a, 1/a) still evaluate to
 * their result at `digits` significant digits. Close to ±1, 1 − |x| read off the shown number must agree with the
 * complement to `digits` digits: up to three more digits are tried, then the form `(1-ε)` (or `(-1+ε)`) with ε to
 * `digits` digits (σ(40) is `\left(1-4.248\times10^{-18}\right)`, never 1). A positive x that underflowed to 0 is
 * written from its logarithm (`1.2\times10^{-348}`). Otherwise formatNumber.
 */
export function formatPrecise(x: number, digits: number, precise: Precise): string {
  const { complement, log10 } = precise;
  if (x === 0 && log10 !== undefined && Number.isFinite(log10)) return fromLog10(log10, digits);
  const plain = formatNumber(x, digits);
  if (complement === undefined || !(complement > 0 && complement < 0.5) || !Number.isFinite(x)) return plain;
  const tolerance = 0.5 * 10 ** (1 - digits) * complement;
  for (let d = digits; d <= digits + 3; d++) {
    const shown = d === digits ? plain : formatNumber(x, d);
    if (Math.abs(1 - Math.abs(parseFormatted(shown)) - complement) <= tolerance) return shown;
  }
  const eps = formatNumber(complement, digits);
  return x < 0 ? `\\left(-1+${eps}\\right)` : `\\left(1-${eps}\\right)`;
}

/** 10^{log10} in scientific form, for a magnitude no double holds. */
function fromLog10(log10: number, digits: number): string {
  const d = Math.min(15, Math.max(1, Math.round(digits)));
  let e = Math.floor(log10);
  let m = Math.round(10 ** (log10 - e + d - 1)); // d significant digits as an integer
  if (m >= pow10(d)) {
    m /= 10;
    e++;
  }
  const ds = String(m);
  return `${ds[0]}.${trimZeros(ds.slice(1), 1)}\\times10^{${e}}`;
}

/**
 * Reads a number written by formatNumber (or formatPrecise) back, for tests and tooling; `(1-ε)` reads as 1 − ε,
 * which a double may round to 1.
 */
export function parseFormatted(s: string): number {
  const near = /^\\left\((-?1)([+-])(.+)\\right\)$/.exec(s);
  if (near) {
    const eps = parseFormatted(near[3]);
    return Number(near[1]) + (near[2] === '+' ? eps : -eps);
  }
  const m = /^(-?[0-9.]+)(?:\\times10\^\{(-?\d+)\})?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[2] === undefined ? m[1] : `${m[1]}e${m[2]}`);
}
