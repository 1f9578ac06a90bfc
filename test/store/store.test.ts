import { describe, expect, it } from 'vitest';
import {
  createLessonStore,
  selectFormula,
  selectIteration,
  selectShownValues,
  selectStep,
  selectStepCount,
  selectTimeline,
} from '../../src/store';
import { lesson004 } from '../support/lesson004';
import { vId } from '../support/ids';

const fresh = () => createLessonStore({ lesson: lesson004() });

describe('lesson store', () => {
  it('next and prev clamp at the ends', () => {
    const store = fresh();
    const s = store.getState;
    const n = selectStepCount(s());
    expect(n).toBeGreaterThan(10);
    s().prev();
    expect(s().cursor).toBe(0);
    for (let i = 0; i < n + 5; i++) s().next();
    expect(s().cursor).toBe(n - 1);
    s().next();
    expect(s().cursor).toBe(n - 1);
    s().first();
    expect(s().cursor).toBe(0);
    s().last();
    expect(s().cursor).toBe(n - 1);
    s().goTo(-3);
    expect(s().cursor).toBe(0);
    s().goTo(10_000);
    expect(s().cursor).toBe(n - 1);
  });

  it('goTo by step id, and phase jumps land on phase starts', () => {
    const store = fresh();
    const s = store.getState;
    const tl = selectTimeline(s())!;
    const target = tl.steps.find((st) => st.phase === 'backward')!;
    s().goTo(target.id);
    expect(selectStep(s())!.id).toBe(target.id);
    s().first();
    s().nextPhase();
    expect(selectStep(s())!.phase).toBe('loss');
    expect(tl.steps[s().cursor - 1].phase).toBe('forward');
    s().nextPhase();
    expect(selectStep(s())!.phase).toBe('backward');
    s().next();
    s().prevPhase();
    expect(selectStep(s())!.phase).toBe('backward');
    expect(tl.steps[s().cursor - 1].phase).toBe('loss');
    s().prevPhase();
    expect(selectStep(s())!.phase).toBe('loss');
  });

  it('switching granularity keeps the covered quantity', () => {
    const store = fresh();
    const s = store.getState;
    // the δ of hidden neuron 2 (layer 1, neuron index 1)
    const tl = selectTimeline(s())!;
    const id = tl.steps.findIndex((st) => st.writes.includes(vId('d:1:1')));
    s().goTo(id);
    s().setGranularity('layer');
    expect(selectStep(s())!.writes).toContain('d:1:1');
    s().setGranularity('weight');
    expect(selectStep(s())!.writes).toContain('d:1:1');
    s().setGranularity('neuron');
    expect(selectStep(s())!.writes).toContain('d:1:1');
  });

  it('an edit recomputes every value and keeps the cursor on the same step', () => {
    const store = fresh();
    const s = store.getState;
    s().goTo(7);
    const before = selectStep(s())!.id;
    const z1Before = selectTimeline(s())!.values[vId('z:1:0')];
    expect(s().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.5 })).toBe(true);
    expect(selectStep(s())!.id).toBe(before);
    // z¹₁ = 0.5·0.9 + 0.3·0.1 + 0.4·0.8 = 0.45 + 0.03 + 0.32 = 0.80
    expect(selectTimeline(s())!.values[vId('z:1:0')]).toBeCloseTo(0.8, 14);
    expect(z1Before).toBeCloseTo(1.16, 14);
    expect(s().lesson.weights[0][0][0]).toBe(0.5);
  });

  it('a refused edit changes nothing and says why', () => {
    const store = fresh();
    const s = store.getState;
    const lesson = s().lesson;
    expect(s().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: Number.NaN })).toBe(false);
    expect(s().lesson).toBe(lesson);
    expect(s().notice?.key).toBe('edit.notFinite');
    expect(s().edit({ kind: 'learningRate', value: 0 })).toBe(false);
    expect(s().notice?.key).toBe('edit.learningRatePositive');
    expect(s().edit({ kind: 'loss', loss: 'cce' })).toBe(true); // sigmoid + CCE is defined
    expect(s().edit({ kind: 'activation', layer: 2, activation: 'tanh' })).toBe(false);
    expect(s().notice?.key).toBe('edit.invalidPair');
  });

  it('an edit that overflows is refused with the quantity named', () => {
    const store = fresh();
    const s = store.getState;
    s().edit({ kind: 'activation', layer: 1, activation: 'identity' });
    s().edit({ kind: 'activation', layer: 2, activation: 'identity' });
    s().edit({ kind: 'learningRate', value: 1e6 });
    s().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: 1e6 });
    s().edit({ kind: 'weight', layer: 2, neuron: 0, from: 0, value: 1e6 });
    const lesson = s().lesson;
    // one more step of size 1e6 makes the updated weights overflow
    const ok = s().edit({ kind: 'input', index: 0, value: 1e6 });
    if (!ok) {
      expect(s().lesson).toBe(lesson);
      expect(s().notice?.key).toBe('edit.nonFinite');
      expect(s().notice?.params?.quantity).toHaveProperty('key');
    }
    // whatever was accepted still traces to finite numbers
    expect(selectTimeline(s())).not.toBeNull();
  });

  it('next iteration adopts the updated weights and lowers the loss on lesson 004 (η = 0.5)', () => {
    const store = fresh();
    const s = store.getState;
    const losses: number[] = [];
    for (let i = 0; i < 5; i++) {
      losses.push(selectTimeline(s())!.values[vId('E')]);
      s().last();
      s().nextIteration();
    }
    expect(selectIteration(s())).toBe(6);
    expect(s().cursor).toBe(0);
    expect(s().lossHistory).toEqual(losses);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]);
    expect(losses[0]).toBeCloseTo(0.61121, 5);
  });

  it('shows no value before the step that computes it', () => {
    const store = fresh();
    const s = store.getState;
    // the first step computes z¹₁; its activation, the loss and every later value stay hidden
    expect(selectShownValues(s())[vId('w:1:0:0')]).toBe(0.9);
    expect(selectShownValues(s())[vId('x:0')]).toBe(0.9);
    expect(selectShownValues(s())[vId('z:1:0')]).toBeCloseTo(1.16, 14);
    expect(selectShownValues(s())).not.toHaveProperty('a:1:0');
    expect(selectShownValues(s())).not.toHaveProperty('E');
    expect(selectShownValues(s())).not.toHaveProperty('d:2:0');
    const tl = selectTimeline(s())!;
    s().goTo(tl.steps.findIndex((st) => st.writes.includes(vId('a:1:0'))));
    expect(selectShownValues(s())[vId('a:1:0')]).toBeCloseTo(1 / (1 + Math.exp(-1.16)), 14);
    expect(selectShownValues(s())).not.toHaveProperty('z:1:1');
  });

  it('following a source jumps to the producing step and back returns', () => {
    const store = fresh();
    const s = store.getState;
    const tl = selectTimeline(s())!;
    const i = tl.steps.findIndex((st) => st.kind === 'outputDelta');
    s().goTo(i);
    const step = selectStep(s())!;
    const [readId, sourceId] = Object.entries(step.sources)[0];
    s().followSource(sourceId);
    expect(selectStep(s())!.writes).toContain(readId);
    s().back();
    expect(s().cursor).toBe(i);
    expect(s().jumpStack).toEqual([]);
  });

  it('every step has a formula with numbers', () => {
    const store = fresh();
    const s = store.getState;
    const n = selectStepCount(s());
    for (let i = 0; i < n; i++) {
      s().goTo(i);
      const f = selectFormula(s())!;
      expect(f.substituted.length).toBeGreaterThan(0);
      expect(f.results.length).toBeGreaterThan(0);
    }
  });
});

describe('undo, redo and reset', () => {
  it('undo and redo walk every edit and iteration; a new edit clears redo', () => {
    const store = fresh();
    const s = store.getState;
    const original = s().lesson;
    s().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.5 });
    s().edit({ kind: 'learningRate', value: 0.25 });
    s().nextIteration();
    expect(selectIteration(s())).toBe(2);
    s().undo();
    expect(selectIteration(s())).toBe(1);
    expect(s().lesson.learningRate).toBe(0.25);
    s().undo();
    expect(s().lesson.learningRate).toBe(0.5);
    expect(s().lesson.weights[0][0][0]).toBe(0.5);
    s().undo();
    expect(s().lesson).toBe(original);
    s().undo(); // nothing left: no change
    expect(s().lesson).toBe(original);
    s().redo();
    expect(s().lesson.weights[0][0][0]).toBe(0.5);
    s().edit({ kind: 'input', index: 0, value: 0.7 });
    expect(s().future).toEqual([]);
    s().redo();
    expect(s().lesson.sample.input[0]).toBe(0.7);
  });

  it('a refused edit is not an undo step', () => {
    const store = fresh();
    const s = store.getState;
    s().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: Number.POSITIVE_INFINITY });
    expect(s().past).toEqual([]);
  });

  it('reset returns to the lesson as opened, and can itself be undone', () => {
    const store = fresh();
    const s = store.getState;
    const original = s().lesson;
    s().edit({ kind: 'weight', layer: 2, neuron: 1, from: 2, value: -0.3 });
    s().nextIteration();
    s().resetLesson();
    expect(s().lesson).toBe(original);
    expect(selectIteration(s())).toBe(1);
    s().undo();
    expect(selectIteration(s())).toBe(2);
  });
});
