import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../src/engine';
import { lesson001, lesson002, lesson004, PRESETS } from '../../src/lessons';
import { createLessonStore, selectIteration, type Work } from '../../src/store';
import { gateLesson } from '../../src/store/gate';
import { parseLessonFile, serialiseLesson } from '../../src/store/persist';
import { overflowLesson, replacedWorkNotice } from '../support/lessons';

/**
 * Lesson 001's network worked independently of the engine: 2 inputs, 3 tanh hidden neurons, one linear output,
 * no biases, E = ½(d − y)². One gradient step: W² ← W² − η(y − d)h, W¹ⱼₖ ← W¹ⱼₖ − η(y − d)W²ⱼ(1 − hⱼ²)xₖ.
 */
function step001(w1: number[][], w2: number[], x: number[], d: number, eta: number) {
  const h = w1.map((row) => Math.tanh(row[0] * x[0] + row[1] * x[1]));
  const y = h.reduce((s, hj, j) => s + hj * w2[j], 0);
  const e = y - d;
  return {
    w1: w1.map((row, j) => row.map((w, k) => w - eta * e * w2[j] * (1 - h[j] ** 2) * x[k])),
    w2: w2.map((w, j) => w - eta * e * h[j]),
  };
}

/** Iterations lesson 001 takes at learning rate η before a step would leave ±10⁶ (or stop being finite). */
function iterationsBeforeDivergence(
  eta: number,
  max: number,
): { taken: number; w1: number[][]; w2: number[] } {
  let w1 = [
    [0.5, 0.4],
    [-0.3, 0.1],
    [0.2, -0.6],
  ];
  let w2 = [0.6, -0.4, 0.3];
  for (let taken = 0; taken < max; taken++) {
    const next = step001(w1, w2, [1, 0.5], 1, eta);
    const all = [...next.w1.flat(), ...next.w2];
    if (all.some((w) => !Number.isFinite(w) || Math.abs(w) > 1e6)) return { taken, w1, w2 };
    w1 = next.w1;
    w2 = next.w2;
  }
  return { taken: max, w1, w2 };
}

const withRate = (eta: number): Lesson => ({ ...lesson001, learningRate: eta });

describe('the gate', () => {
  it('accepts every built-in lesson as it is (the very object)', () => {
    for (const p of PRESETS) {
      const r = gateLesson(p.lesson);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.lesson).toBe(p.lesson);
    }
  });

  it('refuses a lesson past the format’s limits and one whose step is not finite, saying which', () => {
    const big = { ...lesson001, weights: [lesson001.weights[0], [[2e6, 0, 0]]] };
    expect(gateLesson(big)).toMatchObject({ ok: false, refusal: { kind: 'format' } });
    expect(parseLesson(overflowLesson).ok).toBe(true); // the format alone lets it through
    expect(gateLesson(overflowLesson)).toMatchObject({ ok: false, refusal: { kind: 'nonFinite' } });
  });

  it('keeps the source’s printed figures only on the untouched built-in lesson', () => {
    expect(gateLesson(lesson004)).toMatchObject({ ok: true, lesson: { published: lesson004.published } });
    const changed = gateLesson({ ...lesson004, learningRate: 0.25 });
    expect(changed.ok && changed.lesson.published).toBe(undefined);
  });
});

describe('Next iteration through the gate', () => {
  it.each([
    [5, 20],
    [1000, 3],
  ])(
    'η = %d, %d × Next iteration: stops before leaving ±10⁶, keeps the last good weights, says why',
    (eta, n) => {
      const expected = iterationsBeforeDivergence(eta, n);
      expect(expected.taken).toBeLessThan(n); // the oracle agrees this run diverges
      const store = createLessonStore({ lesson: withRate(eta) });
      const s = store.getState;
      s().play();
      for (let i = 0; i < n; i++) s().nextIteration();
      expect(selectIteration(s())).toBe(expected.taken + 1);
      expect(s().playing).toBe(false);
      const w = s().lesson.weights;
      expected.w1.forEach((row, j) => row.forEach((v, k) => expect(w[0][j][k]).toBeCloseTo(v, 6)));
      expected.w2.forEach((v, j) => expect(w[1][0][j]).toBeCloseTo(v, 6));
      // what is shown can be saved and read back
      expect(parseLessonFile(serialiseLesson(s().lesson)).ok).toBe(true);
      expect(s().notice).toMatchObject({
        params: { n: expected.taken + 2, eta, suggestion: eta / 10 },
        action: { kind: 'lowerRate', learningRate: eta / 10 },
      });
      expect(['iteration.tooLarge', 'iteration.nonFinite']).toContain(s().notice?.key);
    },
  );

  it('"Lower η and go on" divides η by ten and takes the iteration', () => {
    const store = createLessonStore({ lesson: withRate(1000) });
    const s = store.getState;
    for (let i = 0; i < 3; i++) s().nextIteration();
    const before = selectIteration(s());
    const stopped = s().lesson;
    s().runNoticeAction();
    expect(s().lesson.learningRate).toBe(100);
    // the iteration is taken from the kept weights at η = 100, if that step stays within the limits
    const next = step001(
      stopped.weights[0],
      stopped.weights[1][0],
      stopped.sample.input,
      stopped.sample.target[0],
      100,
    );
    const fits = [...next.w1.flat(), ...next.w2].every((v) => Math.abs(v) <= 1e6);
    expect(selectIteration(s())).toBe(fits ? before + 1 : before);
    if (!fits) expect(s().notice?.action).toEqual({ kind: 'lowerRate', learningRate: 10 });
    // lowering again and again always ends in a step taken
    for (let i = 0; i < 8 && selectIteration(s()) === before; i++) s().runNoticeAction();
    expect(selectIteration(s())).toBe(before + 1);
  });

  it('drops the printed figures once the weights change, and reset brings the built-in lesson back', () => {
    const store = createLessonStore({ lesson: lesson004 });
    const s = store.getState;
    expect(s().nextIteration()).toBe(true);
    expect(s().lesson.published).toBeUndefined();
    s().resetLesson();
    expect(s().lesson).toBe(lesson004);
  });
});

describe('undo, redo and reset carry the lesson’s origin', () => {
  it('reset after undoing a lesson switch resets to the lesson shown', () => {
    const store = createLessonStore({ lesson: lesson004 });
    const s = store.getState;
    s().edit({ kind: 'learningRate', value: 0.9 });
    expect(s().loadLesson(lesson002).ok).toBe(true);
    s().undo();
    expect(s().lesson.learningRate).toBe(0.9);
    expect(s().origin).toBe(lesson004);
    s().redo(); // the switch again: its origin comes with it
    expect(s().lesson).toBe(lesson002);
    expect(s().origin).toBe(lesson002);
    s().undo();
    expect(s().origin).toBe(lesson004);
    s().resetLesson();
    expect(s().lesson).toBe(lesson004);
  });

  it('a lesson whose step is not finite cannot be loaded, and nothing changes', () => {
    const store = createLessonStore({ lesson: lesson004 });
    const s = store.getState;
    const overflow: Lesson = {
      ...lesson001,
      layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' }],
      loss: 'bce',
      weights: [[[1000]]],
      biases: [[0]],
      sample: { input: [1], target: [0] },
    };
    const before = s();
    const r = s().loadLesson(overflow);
    expect(r.ok).toBe(false);
    expect(s().lesson).toBe(before.lesson);
    expect(s().past).toBe(before.past);
  });

  it('restoreWork brings back lesson, origin, step and training exactly (undoably)', () => {
    const store = createLessonStore({ lesson: lesson001 });
    const s = store.getState;
    const trained = { ...lesson002, learningRate: 0.3 };
    const work: Work = {
      lesson: trained,
      origin: lesson002,
      granularity: 'layer',
      cursor: 2,
      priorUpdates: 0,
      lossHistory: [0.3, 0.2, 0.1],
    };
    s().setNotice(replacedWorkNotice(work));
    s().runNoticeAction();
    expect(s()).toMatchObject({ ...work, notice: null });
    s().undo();
    expect(s().lesson).toBe(lesson001);
  });
});

describe('the trace the gate computed', () => {
  it('is the trace the store reads of the accepted lesson, and a mini-batch lesson’s is its batch’s', async () => {
    const { traceLesson } = await import('../../src/engine');
    const { traceOf } = await import('../../src/store/derived');
    for (const preset of PRESETS) {
      // a copy with other weights: a lesson neither the gate nor the store has seen
      const l = preset.lesson;
      const candidate = { ...l, weights: l.weights.map((W) => W.map((row) => row.map((w) => w * 0.9))) };
      const gated = gateLesson(candidate);
      expect(gated.ok).toBe(true);
      if (!gated.ok) continue;
      const trace = traceOf(gated.lesson);
      // traced independently of the store
      expect(trace).toEqual(traceLesson(structuredClone(gated.lesson)));
    }
  });
});
