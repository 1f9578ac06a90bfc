import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear as d3Linear } from 'd3-scale';
import { scaleLinear } from '../../src/layout/linearScale';

// The scale of the graph and the charts against d3-scale's own scaleLinear (the oracle): the same values,
// inverses, nice domains and ticks, to the last bit, over random domains, ranges and counts.

// values as the app meets them (pixels, weights, losses): no subnormal numbers, where a last bit may differ
const finite = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc
    .double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true })
    .filter((v) => v === 0 || Math.abs(v) > 1e-9),
);
/** Equal as numbers (0 and −0 alike; the app draws them the same). */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
const pair = fc.tuple(finite, finite);

describe('scaleLinear (layout/linearScale) against d3-scale', () => {
  it('maps, clamps and inverts exactly as d3-scale does', () => {
    fc.assert(
      fc.property(
        pair,
        pair,
        fc.array(finite, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (d, r, xs, clamp) => {
          const ours = scaleLinear().domain(d).range(r).clamp(clamp);
          const theirs = d3Linear().domain(d).range(r).clamp(clamp);
          for (const x of xs) {
            expect(same(ours(x), theirs(x)), `${x} → ${ours(x)} vs ${theirs(x)}`).toBe(true);
            expect(same(ours.invert(x), theirs.invert(x))).toBe(true);
          }
        },
      ),
    );
  });

  it('makes the same nice domains and ticks', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 12 }), (d, count) => {
        const ours = scaleLinear().domain(d).nice(count);
        const theirs = d3Linear().domain(d).nice(count);
        const nice = ours.domain();
        const oracle = theirs.domain();
        expect(same(nice[0], oracle[0]) && same(nice[1], oracle[1]), `${nice} vs ${oracle}`).toBe(true);
        expect(ours.ticks(count).map((v) => v + 0)).toEqual(theirs.ticks(count).map((v) => v + 0));
      }),
    );
  });

  it('keeps d3-scale’s defaults and worked values', () => {
    const s = scaleLinear();
    expect(s.domain()).toEqual([0, 1]);
    expect(s.range()).toEqual([0, 1]);
    // hand-worked: [0, 10] → [100, 200]; 2.5 is a quarter of the way
    const w = scaleLinear().domain([0, 10]).range([100, 200]);
    expect(w(2.5)).toBe(125);
    expect(w.invert(150)).toBe(5);
    expect(w(20)).toBe(300);
    expect(w.clamp(true)(20)).toBe(200);
    // a flat domain maps to the middle of the range, as in d3-scale
    expect(scaleLinear().domain([3, 3]).range([0, 8])(3)).toBe(4);
    // [0.13, 0.91] made nice for 5 ticks is [0, 1], ticked at 0.2
    const n = scaleLinear().domain([0.13, 0.91]).nice(5);
    expect(n.domain()).toEqual([0, 1]);
    expect(n.ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
