import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, isValidPair, LOSS_NAMES, traceStep } from '../../src/engine';
import { lessonArb } from '../support/arbitraries';
import { close, refForward, refLoss, refNumericGradients, type RefNet } from '../support/reference';
import type { Lesson } from '../../src/engine';

function toRef(lesson: Lesson): RefNet {
  return {
    acts: lesson.layers.map((l) => l.activation ?? 'identity'),
    loss: lesson.loss,
    useBias: lesson.useBias,
    weights: lesson.weights,
    biases: lesson.biases,
    input: lesson.sample.input,
    target: lesson.sample.target,
  };
}

/** Away from ReLU kinks (|z| < 1e-4, where f′ is undefined) and from saturated outputs (log of 0). */
function wellConditioned(lesson: Lesson): boolean {
  const { z } = refForward(toRef(lesson));
  const kinked = lesson.layers.some(
    (spec, l) => (spec.activation === 'relu' || spec.activation === 'leakyRelu') && z[l].some((v) => Math.abs(v) < 1e-4),
  );
  const L = z.length - 1;
  return !kinked && z[L].every((v) => Math.abs(v) < 30) && Number.isFinite(refLoss(toRef(lesson)));
}

const pairs = ACTIVATION_NAMES.flatMap((act) => LOSS_NAMES.filter((loss) => isValidPair(act, loss)).map((loss) => [act, loss] as const));

describe('backprop equals central differences of an independent implementation', () => {
  it('covers every valid output activation × loss pair', () => {
    expect(pairs.length).toBe(6 * 3 + 2 + 2);
  });

  it.each(pairs)('%s output with %s loss', (outAct, loss) => {
    fc.assert(
      fc.property(lessonArb(outAct, loss), (lesson) => {
        fc.pre(wellConditioned(lesson));
        const r = traceStep(lesson);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const ref = toRef(lesson);
        expect(close(r.trace.loss, refLoss(ref), 1e-12, 1e-12)).toBe(true);
        const num = refNumericGradients(ref);
        // central differences round to about ε·|E|/h (h = 1e-6): the absolute tolerance near zero scales with |E|
        const abs = 1e-8 * Math.max(1, Math.abs(r.trace.loss));
        for (let l = 1; l < lesson.layers.length; l++) {
          const layer = r.trace.layers[l];
          layer.dW.forEach((row, j) =>
            row.forEach((g, k) => {
              if (!close(g, num.dW[l - 1][j][k], 1e-6, abs)) throw new Error(`dW[${l}][${j}][${k}] ${g} vs ${num.dW[l - 1][j][k]}`);
            }),
          );
          if (lesson.useBias) {
            layer.db.forEach((g, j) => {
              if (!close(g, num.db[l - 1][j], 1e-6, abs)) throw new Error(`db[${l}][${j}] ${g} vs ${num.db[l - 1][j]}`);
            });
          }
          // w ← w − η ∂E/∂w from the weights before the update
          lesson.weights[l - 1].forEach((row, j) =>
            row.forEach((w, k) => expect(r.trace.updated.weights[l - 1][j][k]).toBeCloseTo(w - lesson.learningRate * layer.dW[j][k], 12)),
          );
        }
      }),
      { numRuns: 120 },
    );
  });
});
