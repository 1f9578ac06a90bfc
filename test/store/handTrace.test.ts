import { describe, expect, it } from 'vitest';
import { traceLesson, type Lesson } from '../../src/engine';
import { lesson001 } from '../../src/lessons/lesson001';
import { handTrace, traceOf } from '../../src/store/derived';

describe('the trace the gate hands over', () => {
  it('is taken by its lesson’s first read, even after reads of another lesson (the store’s subscribers)', () => {
    const before: Lesson = { ...lesson001, learningRate: 0.25 };
    const opened: Lesson = { ...lesson001, learningRate: 0.125 };
    traceOf(before);
    const r = traceLesson(opened);
    handTrace(opened, r);
    traceOf(before); // a subscriber reading the lesson still shown
    expect(traceOf(opened)).toBe(r);
    expect(r.ok && r.trace.loss).toBeCloseTo(
      (traceLesson(opened) as { trace: { loss: number } }).trace.loss,
      12,
    );
  });
});
