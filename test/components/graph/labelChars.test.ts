import { describe, expect, it } from 'vitest';
import { labelChars } from '../../../src/components/graph/describe';
// the engine's seeded generator, so a failure can be replayed
import { createRng } from '../../../src/engine';
import { formatPlain } from '../../../src/formulas/plain';

/** The plain definition: every weight formatted, the longest text (at least 4) plus 3. */
function reference(values: number[], format: (x: number) => string): number {
  let most = 4;
  for (const v of values) most = Math.max(most, format(v).length);
  return most + 3;
}

// Values at the edges of the format: rounding up into the next decade (9.9996, 0.099996), the switch to
// ×10ⁿ (1e-4, 999999.7), exact powers of ten, trailing zeros (0.5, 1.25), integers, zero and non-finite values.
const EDGES = [
  0,
  -0,
  9.9996,
  -9.9996,
  0.099996,
  -0.00099996,
  1e-4,
  -1e-4,
  0.001,
  999999.7,
  -999999.4,
  1e6,
  123456.5,
  0.5,
  -1.25,
  1,
  -1,
  10,
  100,
  1e-300,
  -1e300,
  NaN,
  Infinity,
  -Infinity,
  0.1 + 0.2,
  1 / 3,
  -2 / 3,
  0.09999999999999999,
  -999.9999999999999,
  0.0009999999999999998,
  99999.99999999999,
  1e-5 * (1 - 2 ** -52),
];

describe('labelChars', () => {
  it('answers exactly what formatting every weight answers, at 1 to 15 digits', () => {
    const next = createRng(9);
    for (let digits = 1; digits <= 15; digits++) {
      const format = (x: number) => formatPlain(x, digits);
      for (let trial = 0; trial < 100; trial++) {
        const n = 1 + Math.floor(next() * 60);
        const values = Array.from({ length: n }, () => {
          const r = next();
          if (r < 0.2) return EDGES[Math.floor(next() * EDGES.length)];
          // a weight at a random scale, sometimes rounded so that it has trailing zeros
          const v = (next() - 0.5) * 10 ** Math.floor(next() * 16 - 8);
          return r < 0.4 ? Number(v.toPrecision(1 + Math.floor(next() * 4))) : v;
        });
        expect(labelChars(values, format), `${digits} digits: ${values.join(', ')}`).toBe(
          reference(values, format),
        );
      }
    }
  });

  it('finds one long weight among many short ones', () => {
    const format = (x: number) => formatPlain(x, 4);
    // weights with trailing zeros (short texts), and one with four significant digits late in the list
    const values = Array.from({ length: 37_440 }, (_, i) => ((i % 7) - 3) / 10);
    values[30_000] = -0.1234;
    expect(labelChars(values, format)).toBe('-0.1234'.length + 3);
    expect(labelChars(values.slice(0, 29_999), format)).toBe('-0.3'.length + 3);
  });

  it('formats a few dozen of 37,440 trained weights, not all of them', () => {
    const next = createRng(42);
    const values = Array.from({ length: 37_440 }, () => (next() - 0.5) * 0.4);
    let calls = 0;
    const counted = (x: number) => {
      calls++;
      return formatPlain(x, 4);
    };
    expect(labelChars(values, counted)).toBe(reference(values, (x) => formatPlain(x, 4)));
    // the old way formatted every weight: 37,440 calls
    expect(calls).toBeLessThan(100);
  });

  it('is at least 4 + 3 for short or no weights', () => {
    const format = (x: number) => formatPlain(x, 4);
    expect(labelChars([], format)).toBe(7);
    expect(labelChars([1, 0, -1], format)).toBe(7);
  });
});
