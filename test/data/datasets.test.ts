import { describe, expect, it } from 'vitest';
import { builtinSamples, irisSamples, irisSplit, minMaxScale } from '../../src/data';

describe('data sets', () => {
  it('Iris: 150 rows, 50 of each class, features scaled to [0, 1] with each bound reached', () => {
    const rows = irisSamples();
    expect(rows).toHaveLength(150);
    for (let c = 0; c < 3; c++) expect(rows.filter((r) => r.target[c] === 1)).toHaveLength(50);
    rows.forEach((r) => expect(r.target.reduce((s, v) => s + v, 0)).toBe(1));
    for (let f = 0; f < 4; f++) {
      const col = rows.map((r) => r.input[f]);
      expect(Math.min(...col)).toBe(0);
      expect(Math.max(...col)).toBe(1);
    }
    // first row 5.1, 3.5, 1.4, 0.2; sepal length spans 4.3–7.9, so (5.1 − 4.3)/3.6
    expect(rows[0].input[0]).toBeCloseTo(0.8 / 3.6, 12);
  });

  it('Iris split: 130 training and 20 validation rows, disjoint, the same for the same seed', () => {
    const a = irisSplit(4);
    expect(a.train).toHaveLength(130);
    expect(a.validation).toHaveLength(20);
    const all = new Set(
      [...a.train, ...a.validation].map((s) => s.input.join(',') + '|' + s.target.join(',')),
    );
    expect(all.size).toBe(
      new Set(irisSamples().map((s) => s.input.join(',') + '|' + s.target.join(','))).size,
    );
    expect(irisSplit(4)).toEqual(a);
    expect(irisSplit(5)).not.toEqual(a);
  });

  it('min-max scaling maps a column onto [0, 1]', () => {
    expect(
      minMaxScale([
        [2, 5],
        [4, 5],
        [3, 5],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [0.5, 0],
    ]);
  });

  it.each(['xor', 'gaussians', 'circle', 'spiral'] as const)(
    '%s: 2 inputs, a 0/1 target, both classes, seeded',
    (name) => {
      const s = builtinSamples(name, 3);
      expect(s.length).toBeGreaterThanOrEqual(4);
      s.forEach((x) => {
        expect(x.input).toHaveLength(2);
        expect([0, 1]).toContain(x.target[0]);
      });
      expect(new Set(s.map((x) => x.target[0])).size).toBe(2);
      expect(builtinSamples(name, 3)).toEqual(s);
    },
  );

  it('circle: the labels follow the radius', () => {
    builtinSamples('circle', 2).forEach(({ input: [x, y], target: [t] }) =>
      expect(Math.hypot(x, y) <= 1 ? 1 : 0).toBe(t),
    );
  });
});
