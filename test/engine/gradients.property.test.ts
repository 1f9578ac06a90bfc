import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, isValidPair, LOSS_NAMES, traceStep } from '../../src/engine';
import { lessonArb } from '../support/arbitraries';
import { close, refLoss, refNetOf, refNumericGradients, wellConditioned } from '../support/reference';

const pairs = ACTIVATION_NAMES.flatMap((act) =>
  LOSS_NAMES.filter((loss) => isValidPair(act, loss)).map((loss) => [act, loss] as const),
);

describe('backprop equals central differences of an independent implementation', () => {
  it('covers every valid output activation × loss pair', () => {
    expect(pairs.length).toBe(6 * 3 + 2 + 2);
  });

  it.each(pairs)('%s output with %s loss', (outAct, loss) => {
    fc.assert(
      fc.property(lessonArb(outAct, loss), (lesson) => {
        fc.pre(wellConditioned(refNetOf(lesson)));
        const r = traceStep(lesson);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ref = refNetOf(lesson);
        expect(close(r.trace.loss, refLoss(ref), 1e-12, 1e-12)).toBe(true);
        const num = refNumericGradients(ref);
        // central differences round to about ε·|E|/h (h = 1e-6): the absolute tolerance near zero scales with |E|
        const abs = 1e-8 * Math.max(1, Math.abs(r.trace.loss));
        for (let l = 1; l < lesson.layers.length; l++) {
          const layer = r.trace.layers[l];
          layer.dW.forEach((row, j) =>
            row.forEach((g, k) => {
              if (!close(g, num.dW[l - 1][j][k], 1e-6, abs))
                throw new Error(`dW[${l}][${j}][${k}] ${g} vs ${num.dW[l - 1][j][k]}`);
            }),
          );
          if (lesson.useBias) {
            layer.db.forEach((g, j) => {
              if (!close(g, num.db[l - 1][j], 1e-6, abs))
                throw new Error(`db[${l}][${j}] ${g} vs ${num.db[l - 1][j]}`);
            });
          }
          // w ← w − η ∂E/∂w from the weights before the update
          lesson.weights[l - 1].forEach((row, j) =>
            row.forEach((w, k) =>
              expect(r.trace.updated.weights[l - 1][j][k]).toBeCloseTo(
                w - lesson.learningRate * layer.dW[j][k],
                12,
              ),
            ),
          );
        }
      }),
      { numRuns: 120 },
    );
  });
});
