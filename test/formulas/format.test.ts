import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { formatNumber, parseFormatted } from '../../src/formulas';

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
