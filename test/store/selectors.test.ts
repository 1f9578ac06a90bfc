import { describe, expect, it } from 'vitest';
import { checkParameter, gradientCheck, lossAt, traceStep, type Lesson } from '../../src/engine';
import { lesson004 as preset004 } from '../../src/lessons';
import * as selectors from '../../src/store/selectors';
import { applyEdit, initialState, type LessonState } from '../../src/store';
import { LESSONS_KEPT, traceOf } from '../../src/store/derived';
import {
  selectErrata,
  selectGradientChecks,
  selectShownValues,
  selectStepCount,
  selectTimeline,
} from '../../src/store/selectors';
import { eId } from '../support/ids';

const state = (lesson: Lesson, patch: Partial<LessonState> = {}): LessonState => ({
  ...initialState(lesson),
  ...patch,
});

/** A lesson whose step overflows (z = 10²⁰⁰ · 10²⁰⁰): no trace, no timeline. */
const overflowing: Lesson = {
  ...preset004,
  layers: [{ size: 1 }, { size: 1, activation: 'identity' }],
  loss: 'sse',
  useBias: false,
  weights: [[[1e200]]],
  biases: [[0]],
  sample: { input: [1e200], target: [0] },
  published: undefined,
};

const edited = (lesson: Lesson, index: number, value: number) => {
  const r = applyEdit(lesson, { kind: 'input', index, value });
  if (!r.ok) throw new Error('the edit must apply');
  return r.lesson;
};

/** ∂E/∂w by central differences over full forward passes (an oracle independent of the app's checks). */
function numeric(lesson: Lesson, l: number, j: number, k: number): number {
  const weights = lesson.weights.map((W) => W.map((r) => r.slice()));
  const w0 = weights[l - 1][j][k];
  const h = 1e-6 * Math.max(1, Math.abs(w0));
  weights[l - 1][j][k] = w0 + h;
  const up = lossAt(lesson, weights, lesson.biases);
  weights[l - 1][j][k] = w0 - h;
  const down = lossAt(lesson, weights, lesson.biases);
  return (up - down) / (2 * h);
}

describe('every selector', () => {
  const all = (Object.entries(selectors) as Array<[string, unknown]>).filter(
    (e): e is [string, (s: LessonState) => unknown] =>
      e[0].startsWith('select') && typeof e[1] === 'function',
  );

  it('is found (the list below is not empty)', () => {
    expect(all.length).toBeGreaterThan(8);
  });

  const n = selectStepCount(state(preset004));
  const cases: Array<[string, LessonState]> = [
    ...[0, 12, 22, n - 1].map((cursor): [string, LessonState] => [
      `lesson 004 at step ${cursor + 1}`,
      state(preset004, { cursor }),
    ]),
    [
      'lesson 004 by layer, an edge selected',
      state(preset004, { granularity: 'layer', cursor: 5, selectedEdge: eId('e:2:0:0') }),
    ],
    ['a lesson with no timeline', state(overflowing)],
  ];
  for (const [name, s] of cases) {
    it(`returns the same result twice for the same state: ${name}`, () => {
      for (const [key, select] of all) {
        const first = select(s);
        expect(select(s), key).toBe(first);
      }
    });
  }

  it('has no timeline for the overflowing lesson, and shows no values', () => {
    const s = state(overflowing);
    expect(selectTimeline(s)).toBeNull();
    expect(Object.keys(selectShownValues(s))).toEqual([]);
  });
});

describe('checks and errata are of the lesson on show', () => {
  // lesson 004, step 23 (index 22): ∂E/∂w' of output neuron 1, where the source misprints 0.2134
  const GRADIENT_STEP = 22;

  it('a gradient check follows an edit of a lesson of the same shape', () => {
    const before = state(preset004, { cursor: GRADIENT_STEP });
    const after = state(edited(preset004, 0, 2), { cursor: GRADIENT_STEP });
    const a = selectGradientChecks(before);
    const b = selectGradientChecks(after);
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(3);
    // δ_output,1 · O_hidden,k from the edited lesson's own trace, and its finite difference
    const r = traceStep(after.lesson);
    if (!r.ok) throw new Error('must trace');
    b.forEach((c, k) => {
      expect(c.from).toBe(k);
      expect(c.analytic).toBeCloseTo(r.trace.layers[2].delta[0] * r.trace.layers[1].a[k], 12);
      expect(c.numeric).toBeCloseTo(numeric(after.lesson, 2, 0, k), 8);
      expect(c.analytic).not.toBeCloseTo(a[k].analytic, 3);
    });
  });

  it('errata only for the lesson as published at iteration 1', () => {
    const first = state(preset004, { cursor: GRADIENT_STEP });
    const errata = selectErrata(first);
    expect(errata.map((e) => e.id)).toEqual(['dW:2:0:0']);
    // 0.2803 · 0.7613 (δ_output,1 · O_hidden,1), not the printed 0.2168
    expect(errata[0].computed).toBeCloseTo(0.2134, 4);
    const r = traceStep(preset004);
    if (!r.ok) throw new Error('must trace');
    const next: Lesson = { ...preset004, weights: r.trace.updated.weights, biases: r.trace.updated.biases };
    expect(selectErrata(state(next, { cursor: GRADIENT_STEP, priorUpdates: 1 }))).toEqual([]);
    // the same lesson object shown at iteration 2 (Next iteration keeps `published`) has none either
    expect(selectErrata(state(preset004, { cursor: GRADIENT_STEP, priorUpdates: 1 }))).toEqual([]);
    expect(selectErrata(state(edited(preset004, 0, 0.5), { cursor: 10 }))).toEqual([]);
  });

  it('checks at most six gradients of a layer step, in parameter order', () => {
    const s = state(preset004, { granularity: 'layer', cursor: 6 }); // ∂E/∂W of the hidden layer: 9 weights
    const checks = selectGradientChecks(s);
    expect(checks.map((c) => [c.neuron, c.from])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
  });
});

describe('derived values', () => {
  it('are kept for the last few lessons only', () => {
    const lessons = Array.from({ length: LESSONS_KEPT + 2 }, (_, i) => edited(preset004, 1, i / 10));
    const first = traceOf(lessons[0]);
    expect(traceOf(lessons[0])).toBe(first);
    for (const l of lessons.slice(1)) traceOf(l);
    const again = traceOf(lessons[0]);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('checkParameter', () => {
  it('equals the full gradient check for every parameter (biases, softmax and cross-entropy too)', () => {
    const lessons: Lesson[] = [
      preset004,
      {
        ...preset004,
        layers: [{ size: 3 }, { size: 3, activation: 'tanh' }, { size: 2, activation: 'softmax' }],
        loss: 'cce',
        useBias: true,
        biases: [
          [0.1, -0.2, 0.3],
          [0.05, 0.4],
        ],
        sample: { input: [0.9, 0.1, 0.8], target: [0, 1] },
      },
    ];
    for (const lesson of lessons) {
      const r = traceStep(lesson);
      if (!r.ok) throw new Error('must trace');
      for (const full of gradientCheck(lesson)) {
        const one = checkParameter(lesson, r.trace, {
          layer: full.layer,
          neuron: full.neuron,
          from: full.kind === 'bias' ? -1 : full.from!,
        });
        expect(one.analytic).toBe(full.analytic);
        expect(one.numeric).toBeCloseTo(full.numeric, 8);
        expect(one.relativeError).toBeLessThan(1e-6);
      }
    }
  });
});
