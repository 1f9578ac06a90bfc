import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { formatNumber, parseFormatted } from '../../src/formulas';
import { formatPrecise } from '../../src/formulas/format';

describe('formatNumber', () => {
  it.each([
    [1.16, 4, '1.16'],
    [0.7613327, 4, '0.7613'],
    [0.5, 4, '0.5'],
    [-0.11198, 3, '-0.112'],
    [2, 4, '2'],
    [0, 4, '0'],
    [-0, 4, '0'],
    [0.001, 4, '0.001'],
    [0.00099996, 4, '0.001'], // rounds up into fixed notation
    [0.00030712, 4, '3.071\\times10^{-4}'],
    [1e-5, 2, '1.0\\times10^{-5}'],
    [1e-5, 4, '1.0\\times10^{-5}'],
    [-2.5e-7, 3, '-2.5\\times10^{-7}'],
    [123456.7, 4, '123457'],
    [999999.7, 4, '1.0\\times10^{6}'],
    [1234567, 3, '1.23\\times10^{6}'],
    [0.1 + 0.2, 4, '0.3'],
    [1 / 3, 1, '0.3'],
    [99.96, 3, '100'],
    [9.9996e-5, 4, '1.0\\times10^{-4}'],
    [5e-324, 3, '4.94\\times10^{-324}'],
    [-1.7976931348623157e308, 2, '-1.8\\times10^{308}'],
    [1e22, 3, '1.0\\times10^{22}'],
    [0.0123456, 15, '0.0123456'],
  ])('%d with %d digits → %s', (x, digits, shown) => {
    expect(formatNumber(x, digits)).toBe(shown);
  });

  it('never writes JavaScript exponents, and always renders', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 10 }),
        (x, d) => {
          const s = formatNumber(x, d);
          expect(s).not.toMatch(/e[+-]?\d/);
          katex.renderToString(s, { throwOnError: true, strict: 'error' });
        },
      ),
    );
  });

  it('keeps the number to within half a unit of its last significant digit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        (x, d) => {
          const back = parseFormatted(formatNumber(x, d));
          const unit = x === 0 ? 0 : 10 ** (Math.floor(Math.log10(Math.abs(x))) - d + 1);
          expect(Math.abs(back - x)).toBeLessThanOrEqual(unit * 0.5 * (1 + 1e-9) + 1e-300);
        },
      ),
    );
  });
});

describe('formatPrecise: an activation close to ±1 or below the smallest double', () => {
  it.each([
    // σ(40) is 1 in a double; 1 − σ(40) = e^{−40}/(1 + e^{−40}) = 4.248354…×10⁻¹⁸
    [1, 4, { complement: 4.248354255291589e-18 }, '\\left(1-4.248\\times10^{-18}\\right)'],
    [1, 2, { complement: 4.248354255291589e-18 }, '\\left(1-4.2\\times10^{-18}\\right)'],
    // tanh(−40) = −1 + 2e^{−80}/(1 + e^{−80})
    [-1, 3, { complement: 3.6e-35 }, '\\left(-1+3.6\\times10^{-35}\\right)'],
    // 0.999961 rounds to 1 at 4 digits and to 0.99996 (complement 4e-5, 2.6% off) at 5: 6 digits keep 3.9e-5
    [0.999961, 4, { complement: 3.9e-5 }, '0.999961'],
    // far from 1 the digits asked for are enough
    [0.7, 4, { complement: 0.3 }, '0.7'],
    [0.73456, 2, { complement: 0.26544 }, '0.73'],
    [-0.25, 4, {}, '-0.25'],
    // e^{−800} underflows to 0: written from log₁₀ = −800/ln 10 = −347.4355855…, 10^{0.5644…} = 3.6679
    [0, 4, { log10: -800 / Math.LN10 }, '3.668\\times10^{-348}'],
    [0, 4, {}, '0'],
  ])('%d with %d digits and %o → %s', (x, digits, precise, shown) => {
    expect(formatPrecise(x, digits, precise)).toBe(shown);
    katex.renderToString(shown, { throwOnError: true, strict: 'error' });
  });

  it('1 − |x| read off what is shown agrees with the complement to the digits asked for', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 0.49, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        (c, d) => {
          const shown = formatPrecise(1 - c, d, { complement: c });
          const back = parseFormatted(shown);
          const complementShown = shown.startsWith('\\left') ? parseFormatted(shown.slice(8, -7)) : 1 - back;
          expect(Math.abs(complementShown - c)).toBeLessThanOrEqual(0.5 * 10 ** (1 - d) * c * (1 + 1e-9));
        },
      ),
    );
  });
});
