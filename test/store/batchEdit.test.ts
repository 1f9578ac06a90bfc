import { describe, expect, it } from 'vitest';
import { traceLesson, traceStep, type Lesson } from '../../src/engine';
import { lesson003 } from '../../src/lessons/lesson003';
import { applyEdit } from '../../src/store/edits';

/** The mean over the batch of each sample's own one-sample gradient ∂E_x/∂W (traced one sample at a time). */
function meanGradients(lesson: Lesson): number[][][] {
  const samples = lesson.dataset?.kind === 'inline' ? lesson.dataset.samples.slice(0, lesson.batchSize) : [];
  const per = samples.map((sample) => {
    const r = traceStep({ ...lesson, sample }); // one sample's own step
    if (!r.ok) throw new Error('not finite');
    return r.trace.layers.slice(1).map((t) => t.dW);
  });
  return per[0].map((W, l) =>
    W.map((row, j) => row.map((_, k) => per.reduce((s, g) => s + g[l][j][k], 0) / per.length)),
  );
}

describe('editing a mini-batch lesson', () => {
  it('an input or target typed in changes the first sample of the batch, and the step follows', () => {
    const before = traceLesson(lesson003);
    const input = applyEdit(lesson003, { kind: 'input', index: 0, value: 0.3 });
    const target = input.ok && applyEdit(input.lesson, { kind: 'target', index: 1, value: 0.5 });
    if (!target || !target.ok) throw new Error('refused');
    const edited = target.lesson;
    const first = edited.dataset?.kind === 'inline' ? edited.dataset.samples[0] : null;
    expect(first).toEqual({ input: [0.3, 0.1], target: [1, 0.5] });
    expect(edited.sample).toEqual(first);
    const after = traceLesson(edited);
    if (!before.ok || !after.ok) throw new Error('not finite');
    // the batch's mean gradient is the mean of the three samples' own gradients, the first one edited
    const expected = meanGradients(edited);
    after.trace.batch!.dW.forEach((W, l) =>
      W.forEach((row, j) => row.forEach((g, k) => expect(g).toBeCloseTo(expected[l][j][k], 12))),
    );
    expect(after.trace.batch!.dW[0][0][0]).not.toBeCloseTo(before.trace.batch!.dW[0][0][0], 6);
    // the lesson as shipped is untouched
    expect(lesson003.dataset?.kind === 'inline' && lesson003.dataset.samples[0].input[0]).toBe(0.9);
  });
});
