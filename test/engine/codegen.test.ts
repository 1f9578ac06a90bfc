import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/engine';
import {
  CODEGEN_MAX_WEIGHTS,
  compileNet,
  compileStep,
  isCorrect,
  sgdStep,
  train,
} from '../../src/engine/training';
import { HIDDEN_ACTIVATIONS, lessonArb } from '../support/arbitraries';

describe('generated SGD step', () => {
  it('is used for small networks with squared losses, not for large ones or cross-entropy', () => {
    const hits = new Float64Array(1);
    const small = compileNet(
      [4, 5, 3],
      ['identity', 'sigmoid', 'sigmoid'],
      'halfSse',
      true,
      [[[0]], [[0]]],
      [[0], [0]],
    );
    expect(compileStep(small, hits)).not.toBeNull();
    const xent = compileNet(
      [4, 5, 3],
      ['identity', 'sigmoid', 'sigmoid'],
      'bce',
      true,
      [[[0]], [[0]]],
      [[0], [0]],
    );
    expect(compileStep(xent, hits)).toBeNull();
    const n = Math.ceil(Math.sqrt(CODEGEN_MAX_WEIGHTS)) + 1;
    const big = compileNet(
      [n, n],
      ['identity', 'tanh'],
      'sse',
      true,
      [Array.from({ length: n }, () => new Array(n).fill(0))],
      [new Array(n).fill(0)],
    );
    expect(compileStep(big, hits)).toBeNull();
  });

  it.each(['halfSse', 'sse', 'mse'] as const)(
    'does the same arithmetic as the loop step, bit for bit (%s)',
    (loss) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...HIDDEN_ACTIVATIONS).chain((outAct) => lessonArb(outAct, loss)),
          fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), {
            minLength: 2,
            maxLength: 5,
          }),
          (lesson, rows) => {
            const sizes = lesson.layers.map((l) => l.size);
            const acts = lesson.layers.map((l) => l.activation ?? 'identity');
            const make = () => compileNet(sizes, acts, loss, lesson.useBias, lesson.weights, lesson.biases);
            const looped = make();
            const generated = make();
            const hits = new Float64Array(1);
            const step = compileStep(generated, hits)!;
            expect(step).not.toBeNull();
            const L = sizes.length - 1;
            let loopHits = 0;
            for (let epoch = 0; epoch < 3; epoch++) {
              for (const r of rows) {
                const x = Float64Array.from(r.slice(0, sizes[0]));
                const t = Float64Array.from(r.slice(0, sizes[L]).map((v) => v * 0.5));
                const label = sizes[L] === 1 ? -1 : t.indexOf(Math.max(...t));
                const e1 = sgdStep(looped, x, t, lesson.learningRate);
                if (isCorrect(looped.a[L], t)) loopHits++;
                const e2 = step(x, t, label, lesson.learningRate);
                expect(e2 + 0).toBe(e1 + 0); // equal as numbers (±0 alike)
              }
            }
            expect(hits[0]).toBe(loopHits);
            const plain = (v: Float64Array) => Array.from(v, (x) => x + 0); // −0 + 0 = +0
            looped.W.forEach((w, l) => expect(plain(generated.W[l])).toEqual(plain(w)));
            looped.b.forEach((b, l) => expect(plain(generated.b[l])).toEqual(plain(b)));
          },
        ),
        { numRuns: 80 },
      );
    },
  );

  it('train() on a small squared-loss network matches the recorded path', () => {
    const lesson = {
      layers: [
        { size: 2 },
        { size: 3, activation: 'tanh' as const },
        { size: 2, activation: 'sigmoid' as const },
      ],
      loss: 'halfSse' as const,
      learningRate: 0.3,
      useBias: true,
      weights: [
        [
          [0.2, -0.4],
          [0.7, 0.1],
          [-0.5, 0.3],
        ],
        [
          [0.6, -0.2, 0.1],
          [-0.3, 0.5, 0.4],
        ],
      ],
      biases: [
        [0.1, -0.1, 0.05],
        [0.2, -0.2],
      ],
    };
    const samples: Sample[] = [
      { input: [0.5, -1], target: [1, 0] },
      { input: [-0.3, 0.8], target: [0, 1] },
      { input: [1, 1], target: [1, 0] },
    ];
    const fast = train(lesson, { train: samples }, { epochs: 20, seed: 2 });
    const traced = train(lesson, { train: samples }, { epochs: 20, seed: 2, mode: 'trace' });
    fast.history.forEach((h, i) => {
      expect(h.trainLoss).toBeCloseTo(traced.history[i].trainLoss, 12);
      expect(h.trainAccuracy).toBe(traced.history[i].trainAccuracy);
    });
    fast.weights.flat(2).forEach((w, i) => expect(w).toBeCloseTo(traced.weights.flat(2)[i], 12));
  });
});
