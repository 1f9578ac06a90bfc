import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { train, type Sample } from '../../src/engine';
import { CODEGEN_MAX_WEIGHTS, compileStep } from '../../src/engine/fastCodegen';
import { compileNet } from '../../src/engine/fastNet';
import { HIDDEN_ACTIVATIONS, lessonArb } from '../support/arbitraries';

describe('generated SGD step', () => {
  it('is used for small networks with squared losses, not for large ones or cross-entropy', () => {
    const hits = new Float64Array(1);
    const small = compileNet([4, 5, 3], ['identity', 'sigmoid', 'sigmoid'], 'halfSse', true, [[[0]], [[0]]], [[0], [0]]);
    expect(compileStep(small, hits)).not.toBeNull();
    const xent = compileNet([4, 5, 3], ['identity', 'sigmoid', 'sigmoid'], 'bce', true, [[[0]], [[0]]], [[0], [0]]);
    expect(compileStep(xent, hits)).toBeNull();
    const n = Math.ceil(Math.sqrt(CODEGEN_MAX_WEIGHTS)) + 1;
    const big = compileNet([n, n], ['identity', 'tanh'], 'sse', true, [Array.from({ length: n }, () => new Array(n).fill(0))], [new Array(n).fill(0)]);
    expect(compileStep(big, hits)).toBeNull();
  });

  it.each(['halfSse', 'sse', 'mse'] as const)('trains exactly like the recorded path (%s)', (loss) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HIDDEN_ACTIVATIONS).chain((outAct) => lessonArb(outAct, loss)),
        fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 5 }),
        (lesson, rows) => {
          const nIn = lesson.layers[0].size;
          const nOut = lesson.layers[lesson.layers.length - 1].size;
          const samples: Sample[] = rows.map((r) => ({ input: r.slice(0, nIn), target: r.slice(0, nOut).map((v) => v * 0.5) }));
          const options = { epochs: 3, seed: 4, batchSize: 1 };
          const fast = train(lesson, { train: samples }, options);
          const traced = train(lesson, { train: samples }, { ...options, mode: 'trace' as const });
          expect(fast.condition).toBeNull();
          fast.history.forEach((h, i) => {
            expect(h.trainLoss).toBeCloseTo(traced.history[i].trainLoss, 10);
            expect(h.trainAccuracy).toBe(traced.history[i].trainAccuracy);
          });
          fast.weights.flat(2).forEach((w, i) => expect(w).toBeCloseTo(traced.weights.flat(2)[i], 10));
          fast.biases.flat().forEach((b, i) => expect(b).toBeCloseTo(traced.biases.flat()[i], 10));
        },
      ),
      { numRuns: 60 },
    );
  });
});
