import { describe, expect, it } from 'vitest';
import { checkHandout, handoutQuantities, readFigure, type FigureStatus } from '../../src/documents';
import { traceLesson } from '../../src/engine';
import { PRESETS } from '../../src/lessons';
import { lesson004 } from '../../src/lessons/lesson004';
import { buildTimeline } from '../../src/steps';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('checking lesson 004’s printed figures', () => {
  // The expectation, worked by hand from the lesson's weights (hidden rows [0.9 0.3 0.4], [0.2 0.8 0.2],
  // [0.8 0.1 0.9]; output rows [0.3 0.7 0.5], [0.6 0.5 0.2]), input (0.9, 0.1, 0.8), targets (0.01, 0.99):
  //  - z1 = 1.16, z2 = 0.42 are right, and so are σ(1.16) ≈ 0.761, σ(0.42) ≈ 0.603 and 0.761·(1 − 0.761).
  //  - z3 = 0.8·0.9 + 0.1·0.1 + 0.9·0.8 = 1.45, printed 0.62: the first wrong figure.
  //  - Everything computed from it follows from the printed figures: σ(0.62) ≈ 0.650, 0.3·0.761 + 0.7·0.603 +
  //    0.5·0.650 = 0.9754, (0.01 − 0.726)² = 0.512656, −2(0.01 − 0.726) = 1.432, 0.726·0.274 = 0.198924, …
  //  - δ_out1 is printed as 0.285853788 = 1.437·0.198924, but 1.432·0.198924 = 0.284859168: wrong on its own.
  //  - ∂E/∂O_hidden1 is printed as 0.3·0.285853788 + 0.2·(−0.116599104) = 0.0624363156, with 0.2 for the weight
  //    0.6 (and 0.6 gives 0.0158): wrong on its own.
  //  - ∂E/∂w_hidden1→out1 = 1.432·0.198924·0.761 = 0.216777826848 goes on from the right 1.432 (not the slip
  //    1.437): it follows from the figures with the slip corrected, so it only inherits the 0.62.
  const expected: Record<string, FigureStatus> = {
    'z:1:0': 'right',
    'z:1:1': 'right',
    'a:1:0': 'right',
    'a:1:1': 'right',
    'fp:1:0': 'right',
    'z:1:2': 'firstWrong',
    'a:1:2': 'inherits',
    'z:2:0': 'inherits',
    'z:2:1': 'inherits',
    'a:2:0': 'inherits',
    'a:2:1': 'inherits',
    'e:0': 'inherits',
    'e:1': 'inherits',
    E: 'inherits',
    'dA:2:0': 'inherits',
    'fp:2:0': 'inherits',
    'd:2:0': 'wrong',
    'd:2:1': 'inherits',
    'dA:1:0': 'wrong',
    'dW:2:0:0': 'inherits',
    'w+:2:0:0': 'inherits',
    'dW:1:0:0': 'inherits',
    'w+:1:0:0': 'inherits',
  };

  it('the hand-worked facts the expectation rests on', () => {
    expect(0.8 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8).toBeCloseTo(1.45, 12);
    expect(sigmoid(0.62)).toBeCloseTo(0.65, 3);
    expect(sigmoid(1.45)).toBeCloseTo(0.81, 3);
    expect(0.3 * 0.761 + 0.7 * 0.603 + 0.5 * 0.65).toBeCloseTo(0.975, 3);
    expect((0.01 - 0.726) ** 2).toBeCloseTo(0.512656, 12);
    expect(1.437 * 0.198924).toBeCloseTo(0.285853788, 12);
    expect(1.432 * 0.198924).toBeCloseTo(0.284859168, 12);
    expect(0.3 * 0.285853788 + 0.2 * -0.116599104).toBeCloseTo(0.0624363156, 12);
    expect(1.432 * 0.198924 * 0.761).toBeCloseTo(0.216777826848, 12);
    expect(0.761 * (1 - 0.761)).toBeCloseTo(0.181879, 12);
    const trueFp = sigmoid(1.16) * (1 - sigmoid(1.16));
    expect(Math.abs(trueFp - 0.181879)).toBeLessThan(0.0005 * Math.abs(1 - 2 * 0.761)); // within 0.761's rounding
  });

  it('marks the first wrong figure, the ones that inherit it and the ones wrong on their own', () => {
    const r = checkHandout(lesson004, lesson004.published!)!;
    expect(r.unknown).toEqual([]);
    expect(r.unreadable).toEqual([]);
    expect(Object.fromEntries(r.figures.map((f) => [f.id, f.status]))).toEqual(expected);
    // in the step's order: the first wrong figure is the third hidden sum
    expect(r.figures.find((f) => f.status !== 'right')?.id).toBe('z:1:2');
    const z3 = r.figures.find((f) => f.id === 'z:1:2')!;
    expect(z3.correct).toBeCloseTo(1.45, 12);
    const d = r.figures.find((f) => f.id === 'd:2:0')!;
    expect(d.fromYours).toBeCloseTo(0.284859168, 9);
    const a3 = r.figures.find((f) => f.id === 'a:1:2')!;
    expect(a3.fromYours).toBeCloseTo(sigmoid(0.62), 12);
    expect(a3.correct).toBeCloseTo(sigmoid(1.45), 12);
  });

  it('a figure typed alone is judged against the true step', () => {
    const r = checkHandout(lesson004, { 'a:1:2': '0.650' })!;
    expect(r.figures.map((f) => f.status)).toEqual(['firstWrong']);
    const ok = checkHandout(lesson004, { 'a:1:2': String(sigmoid(1.45).toFixed(4)) })!;
    expect(ok.figures.map((f) => f.status)).toEqual(['right']);
  });

  it('names what it cannot read and what is not a quantity of the step', () => {
    const r = checkHandout(lesson004, { 'z:1:0': 'abc', 'z:9:9': '1', 'a:1:0': ' ' })!;
    expect(r.unreadable).toEqual(['z:1:0']);
    expect(r.unknown).toEqual(['z:9:9']);
    expect(r.figures).toEqual([]);
  });
});

describe('right figures are never marked', () => {
  for (const preset of PRESETS) {
    it(`${preset.id}: every quantity to 4 significant digits is right; one slip is the first wrong figure`, () => {
      const r = traceLesson(preset.lesson);
      if (!r.ok) throw new Error('no trace');
      const values = buildTimeline(preset.lesson, r.trace, 'neuron').values;
      const ids = handoutQuantities(preset.lesson);
      expect(ids.length).toBeGreaterThan(0);
      const typed = Object.fromEntries(ids.map((id) => [id, values[id].toPrecision(4)]));
      const all = checkHandout(preset.lesson, typed)!;
      expect(all.figures.filter((f) => f.status !== 'right').map((f) => f.id)).toEqual([]);
      // a slip of 10 % in a quantity in the middle: it is the first wrong figure, the rest (true) stay right
      const slipped = ids[Math.floor(ids.length / 2)];
      const withSlip = { ...typed, [slipped]: (values[slipped] * 1.1 + 0.01).toPrecision(4) };
      const marks = checkHandout(preset.lesson, withSlip)!.figures.filter((f) => f.status !== 'right');
      expect(marks.map((f) => [f.id, f.status])).toEqual([[slipped, 'firstWrong']]);
    });
  }
});

describe('reading a figure', () => {
  it('reads decimals, signs and exponents with the rounding they carry', () => {
    expect(readFigure('0.62')).toEqual({ value: 0.62, halfUnit: 0.005 });
    expect(readFigure('−0.1166')).toEqual({ value: -0.1166, halfUnit: 0.00005 });
    expect(readFigure('1,45')).toEqual({ value: 1.45, halfUnit: 0.005 });
    expect(readFigure('2')).toEqual({ value: 2, halfUnit: 0.5 });
    const e = readFigure('1.5e-3')!;
    expect(e.value).toBe(0.0015);
    expect(e.halfUnit).toBeCloseTo(0.00005, 15);
    expect(readFigure('1.5×10^{-3}')!.value).toBe(0.0015);
    expect(readFigure('')).toBeNull();
    expect(readFigure('.')).toBeNull();
    expect(readFigure('1.2.3')).toBeNull();
    expect(readFigure('x')).toBeNull();
  });
});
