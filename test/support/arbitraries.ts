import fc from 'fast-check';
import type { ActivationName, Lesson, LossName } from '../../src/engine';

export const HIDDEN_ACTIVATIONS: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'identity'];

const value = (r: number) => fc.double({ min: -r, max: r, noNaN: true, noDefaultInfinity: true });

/** A target suited to the loss: any real for squared losses, [0, 1] for BCE, a distribution for softmax CCE. */
export function targetArb(n: number, loss: LossName, outAct: ActivationName): fc.Arbitrary<number[]> {
  if (loss === 'cce' && outAct === 'softmax') {
    return fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n })
      .map((v) => {
        const s = v.reduce((x, y) => x + y, 0);
        return v.map((x) => x / s);
      });
  }
  if (loss === 'bce' || loss === 'cce')
    return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n });
  return fc.array(value(2), { minLength: n, maxLength: n });
}

/** A random lesson: 1–4 hidden layers of 1–6 neurons, random weights, input and target, with or without biases. */
export function lessonArb(
  outAct: ActivationName,
  loss: LossName,
  hidden: ActivationName[] = HIDDEN_ACTIVATIONS,
): fc.Arbitrary<Lesson> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 6 }),
      hiddenAct: fc.constantFrom(...hidden),
      useBias: fc.boolean(),
      seedValues: fc.array(value(1.5), { minLength: 400, maxLength: 400 }),
      learningRate: fc.double({ min: 0.01, max: 1, noNaN: true }),
    })
    .chain(({ sizes, hiddenAct, useBias, seedValues, learningRate }) => {
      let i = 0;
      const next = () => seedValues[i++ % seedValues.length];
      const weights = sizes
        .slice(1)
        .map((n, l) => Array.from({ length: n }, () => Array.from({ length: sizes[l] }, next)));
      const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => (useBias ? next() : 0)));
      const L = sizes.length - 1;
      return fc
        .record({
          input: fc.array(value(2), { minLength: sizes[0], maxLength: sizes[0] }),
          target: targetArb(sizes[L], loss, outAct),
        })
        .map((sample): Lesson => ({
          format: 'backprop-lesson',
          version: 1,
          layers: sizes.map((size, l) =>
            l === 0 ? { size } : { size, activation: l === L ? outAct : hiddenAct },
          ),
          loss,
          learningRate,
          useBias,
          weights,
          biases,
          sample,
          conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
        }));
    });
}

/**
 * A random sigmoid lesson with ½SSE, biases fixed or not, and a mini-batch of 2–3 samples: its own sample's input
 * times 1, 2, 3 (the same target).
 */
export function batchArb(): fc.Arbitrary<{ lesson: Lesson; samples: Lesson['sample'][] }> {
  return fc
    .tuple(lessonArb('sigmoid', 'halfSse'), fc.integer({ min: 2, max: 3 }), fc.boolean())
    .map(([lesson, m, fixed]) => ({
      lesson: { ...lesson, conventions: { ...lesson.conventions, fixedBiases: fixed } },
      samples: Array.from({ length: m }, (_, x) => ({
        input: lesson.sample.input.map((v) => v * (x + 1)),
        target: lesson.sample.target,
      })),
    }));
}
