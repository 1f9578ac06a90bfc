import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceBatch, traceLesson, traceStep, type Lesson } from '../../src/engine';
import { fixedBiases, lesson003 } from '../../src/lessons';
import {
  buildTimeline,
  progressInPhase,
  scopeId,
  valueKind,
  type Granularity,
  type Timeline,
} from '../../src/steps';
import { batchArb } from '../support/arbitraries';
import { vId } from '../support/ids';

const GRANULARITIES: Granularity[] = ['neuron', 'layer', 'weight'];
const GIVEN = new Set(['x', 't', 'w', 'b', 'eta']);

function timelineOf(lesson: Lesson, g: Granularity): Timeline {
  const r = traceLesson(lesson);
  if (!r.ok) throw new Error('does not trace');
  return buildTimeline(lesson, r.trace, g);
}

/** Every value a step reads that is not a given was written by an earlier step, and its source names that step. */
function sourcedInOrder(tl: Timeline) {
  const writtenBy = new Map<string, number>();
  for (const step of tl.steps) {
    for (const id of step.reads) {
      if (GIVEN.has(valueKind(id))) continue;
      const at = writtenBy.get(id);
      expect(at, `${step.id} reads ${id}`).toBeDefined();
      expect(step.sources[id]).toBe(tl.steps[at!].id);
    }
    for (const id of step.writes) if (!writtenBy.has(id)) writtenBy.set(id, step.index);
  }
}

describe("lesson 003's timeline: each sample's pass, then the mean, then one update", () => {
  const samples = lesson003.dataset?.kind === 'inline' ? lesson003.dataset.samples : [];

  it.each(GRANULARITIES)('at %s detail', (g) => {
    const tl = timelineOf(lesson003, g);
    expect(tl.batchSize).toBe(3);
    const single = traceStep(lesson003);
    if (!single.ok) throw new Error('does not trace');
    const one = buildTimeline(lesson003, single.trace, g);
    const passSteps = one.steps.filter((s) => s.phase !== 'update').length;
    const updateSteps = one.steps.length - passSteps;
    // sample 1's pass, sample 2's, sample 3's, then the batch loss, the mean gradients, the updates
    const bySample = [0, 1, 2].map((x) => tl.steps.filter((s) => s.sample === x));
    for (const [x, steps] of bySample.entries()) {
      expect(steps).toHaveLength(passSteps);
      expect(steps[0].index).toBe(x * passSteps);
      expect(steps.every((s) => s.phase !== 'update')).toBe(true);
      expect(steps.every((s) => s.id.startsWith(`sample${x + 1}/`))).toBe(true);
      // its reads and writes are its own sample's values (or givens)
      for (const s of steps)
        for (const id of [...s.reads, ...s.writes])
          if (!GIVEN.has(valueKind(id))) expect(id.endsWith(`@${x}`), `${s.id}: ${id}`).toBe(true);
    }
    const own = tl.steps.slice(3 * passSteps);
    expect(own[0].kind).toBe('batchLoss');
    const means = own.filter((s) => s.phase === 'gradient');
    expect(means.length).toBeGreaterThan(0);
    expect(own.filter((s) => s.phase === 'update')).toHaveLength(updateSteps);
    expect(own.at(-1)!.phase).toBe('update');
    expect(new Set(tl.steps.map((s) => s.id)).size).toBe(tl.steps.length);
    sourcedInOrder(tl);
    // the mean steps together write every weight's and bias's gradient once
    const meanWrites = means.flatMap((s) => s.writes).sort();
    const expected = lesson003.weights
      .flatMap((W, i) => W.flatMap((row, j) => row.map((_, k) => `dW:${i + 1}:${j}:${k}`)))
      .concat(lesson003.biases.flatMap((b, i) => b.map((_, j) => `db:${i + 1}:${j}`)))
      .sort();
    expect(meanWrites).toEqual(expected);
    // where a phase run sits: sample 2's forward steps count from 1 again
    const secondForward = bySample[1][0].index;
    expect(progressInPhase(tl, secondForward).position).toBe(1);
  });

  it("holds each sample's own values and the batch's means", () => {
    const tl = timelineOf(lesson003, 'neuron');
    const per = samples.map((sample) => {
      const r = traceStep({ ...lesson003, sample });
      if (!r.ok) throw new Error('does not trace');
      return r.trace;
    });
    per.forEach((t, x) => {
      expect(tl.values[scopeId(vId('E'), x)]).toBe(t.loss);
      expect(tl.values[scopeId(vId('x:0'), x)]).toBe(samples[x].input[0]);
      expect(tl.values[scopeId(vId('z:2:1'), x)]).toBe(t.layers[2].z[1]);
      expect(tl.values[scopeId(vId('dW:1:2:1'), x)]).toBe(t.layers[1].dW[2][1]);
    });
    expect(tl.values[vId('E')]).toBeCloseTo((per[0].loss + per[1].loss + per[2].loss) / 3, 15);
    const mean = (per[0].layers[1].dW[2][1] + per[1].layers[1].dW[2][1] + per[2].layers[1].dW[2][1]) / 3;
    expect(tl.values[vId('dW:1:2:1')]).toBeCloseTo(mean, 15);
    expect(tl.values[vId('w+:1:2:1')]).toBeCloseTo(
      lesson003.weights[0][2][1] - lesson003.learningRate * mean,
      15,
    );
    // the plain per-sample ids are not the first sample's in disguise
    expect('z:1:0' in tl.values).toBe(false);
  });
});

describe('a lesson with fixed biases', () => {
  it.each(GRANULARITIES)('has no bias gradient or bias update at %s detail', (g) => {
    const tl = timelineOf(fixedBiases, g);
    const kinds = new Set(tl.steps.flatMap((s) => [...s.reads, ...s.writes]).map(valueKind));
    expect(kinds.has('b')).toBe(true); // used in the forward pass
    expect(kinds.has('db')).toBe(false);
    expect(kinds.has('b+')).toBe(false);
    expect(Object.keys(tl.values).some((id) => id.startsWith('db:') || id.startsWith('b+:'))).toBe(false);
  });
});

describe('timelines of random mini-batches', () => {
  it('keep every read sourced from an earlier step, and ids unique', () => {
    fc.assert(
      fc.property(batchArb(), ({ lesson: l2, samples }) => {
        const r = traceBatch(l2, samples);
        fc.pre(r.ok);
        if (!r.ok) return;
        for (const g of GRANULARITIES) {
          const tl = buildTimeline(l2, r.trace, g);
          expect(tl.batchSize).toBe(samples.length);
          expect(new Set(tl.steps.map((s) => s.id)).size).toBe(tl.steps.length);
          sourcedInOrder(tl);
          for (const s of tl.steps) for (const id of s.writes) expect(id in tl.values, id).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
