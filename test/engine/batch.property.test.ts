import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  isValidPair,
  LOSS_NAMES,
  traceBatch,
  traceStep,
  type Lesson,
  type Sample,
} from '../../src/engine';
import { lessonArb, targetArb } from '../support/arbitraries';
import { close, refLoss, refNetOf, wellConditioned, type RefNet } from '../support/reference';

const pairs = ACTIVATION_NAMES.flatMap((act) =>
  LOSS_NAMES.filter((loss) => isValidPair(act, loss)).map((loss) => [act, loss] as const),
);

const value = (r: number) => fc.double({ min: -r, max: r, noNaN: true, noDefaultInfinity: true });

/** A random lesson with a mini-batch of 2–4 samples (its own sample first), biases trained or held fixed. */
function batchArb(outAct: (typeof pairs)[number][0], loss: (typeof pairs)[number][1]) {
  return lessonArb(outAct, loss).chain((lesson) => {
    const n0 = lesson.layers[0].size;
    const nL = lesson.layers[lesson.layers.length - 1].size;
    const sample = fc.record({
      input: fc.array(value(2), { minLength: n0, maxLength: n0 }),
      target: targetArb(nL, loss, outAct),
    });
    return fc.record({
      lesson: fc
        .boolean()
        .map((fixedBiases): Lesson => ({ ...lesson, conventions: { ...lesson.conventions, fixedBiases } })),
      more: fc.array(sample, { minLength: 1, maxLength: 3 }),
    });
  });
}

/** The batch loss (1/m) Σ_x E_x of the independent reference network, for weights and biases as given. */
function refBatchLoss(nets: RefNet[]): number {
  return nets.reduce((s, n) => s + refLoss(n), 0) / nets.length;
}

/** Central differences of the batch loss, written out again here (h = 1e-6·max(1, |θ|)). */
function refBatchGradients(lesson: Lesson, samples: Sample[]) {
  const weights = lesson.weights.map((W) => W.map((r) => r.slice()));
  const biases = lesson.biases.map((b) => b.slice());
  const nets = samples.map((sample) => ({ ...refNetOf({ ...lesson, sample }), weights, biases }));
  const diff = (get: () => number, set: (v: number) => void) => {
    const v0 = get();
    const h = 1e-6 * Math.max(1, Math.abs(v0));
    set(v0 + h);
    const up = refBatchLoss(nets);
    set(v0 - h);
    const down = refBatchLoss(nets);
    set(v0);
    return (up - down) / (2 * h);
  };
  return {
    loss: refBatchLoss(nets),
    dW: weights.map((W) =>
      W.map((row) =>
        row.map((_, k) =>
          diff(
            () => row[k],
            (v) => (row[k] = v),
          ),
        ),
      ),
    ),
    db: biases.map((b) =>
      b.map((_, j) =>
        diff(
          () => b[j],
          (v) => (b[j] = v),
        ),
      ),
    ),
  };
}

describe('a mini-batch step averages the per-sample gradients (every activation × loss)', () => {
  it.each(pairs)('%s output with %s loss', (outAct, loss) => {
    fc.assert(
      fc.property(batchArb(outAct, loss), ({ lesson, more }) => {
        const samples = [lesson.sample, ...more];
        for (const s of samples) fc.pre(wellConditioned(refNetOf({ ...lesson, sample: s })));
        const r = traceBatch(lesson, samples);
        expect(r.ok).toBe(true);
        if (!r.ok || !r.trace.batch) throw new Error('no batch trace');
        const { batch, updated } = r.trace;
        const m = samples.length;
        const singles = samples.map((sample) => {
          const t = traceStep({ ...lesson, sample });
          if (!t.ok) throw new Error('a sample does not trace');
          return t.trace;
        });
        const ref = refBatchGradients(lesson, samples);
        expect(close(batch.loss, ref.loss, 1e-12, 1e-12)).toBe(true);
        const abs = 1e-8 * Math.max(1, Math.abs(ref.loss));
        const trains = lesson.useBias && lesson.conventions.fixedBiases !== true;
        const eta = lesson.learningRate;
        for (let l = 1; l < lesson.layers.length; l++) {
          lesson.weights[l - 1].forEach((row, j) =>
            row.forEach((w, k) => {
              const g = batch.dW[l - 1][j][k];
              // the mean of the per-sample gradients …
              const mean = singles.reduce((s, t) => s + t.layers[l].dW[j][k], 0) / m;
              expect(g).toBeCloseTo(mean, 14);
              // … equals central differences of the batch-mean loss of the independent network …
              if (!close(g, ref.dW[l - 1][j][k], 1e-6, abs))
                throw new Error(`dW[${l}][${j}][${k}] ${g} vs ${ref.dW[l - 1][j][k]}`);
              // … and the step is W − η·mean, from the weights before it
              expect(updated.weights[l - 1][j][k]).toBeCloseTo(w - eta * mean, 12);
            }),
          );
          lesson.biases[l - 1].forEach((b, j) => {
            if (!trains) {
              expect(batch.db[l - 1]).toEqual([]);
              expect(updated.biases[l - 1][j]).toBe(b);
              return;
            }
            const g = batch.db[l - 1][j];
            const mean = singles.reduce((s, t) => s + t.layers[l].db[j], 0) / m;
            expect(g).toBeCloseTo(mean, 14);
            if (!close(g, ref.db[l - 1][j], 1e-6, abs))
              throw new Error(`db[${l}][${j}] ${g} vs ${ref.db[l - 1][j]}`);
            expect(updated.biases[l - 1][j]).toBeCloseTo(b - eta * mean, 12);
          });
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('the one-sample step', () => {
  it('is untouched: no batch part, and a lesson with fixed biases keeps them', () => {
    fc.assert(
      fc.property(lessonArb('sigmoid', 'halfSse'), (lesson) => {
        const plain = traceStep(lesson);
        if (plain.ok) expect(plain.trace.batch).toBeUndefined();
        const fixed = traceStep({ ...lesson, conventions: { ...lesson.conventions, fixedBiases: true } });
        if (!plain.ok || !fixed.ok) return;
        expect(fixed.trace.updated.biases).toEqual(lesson.biases);
        expect(fixed.trace.updated.weights).toEqual(plain.trace.updated.weights);
        fixed.trace.layers.slice(1).forEach((layer) => expect(layer.db).toEqual([]));
      }),
      { numRuns: 30 },
    );
  });
});
