import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES, traceStep, type ActivationName, type Lesson } from '../../src/engine';
import { compileNet, compileStep, sgdStep, train } from '../../src/engine/training';
import { TrainingSession } from '../../src/engine/training';
import { irisSplit } from '../../src/data';

const ELEMENTWISE = ACTIVATION_NAMES.filter((n) => !ACTIVATIONS[n].vectorValued);
const SPECIAL = [
  0, -0, 1e-300, -1e-300, 0.5, -0.5, 18, -18, 37, -37, 40, -40, 400, -400, 745, -745, 800, -800,
];

/** A 1-1 network (weight 1, bias 0) with activation f and ½(t − a)²: z is the input itself. */
function unit(act: ActivationName) {
  const lesson: Lesson = {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 1 }, { size: 1, activation: act }],
    loss: 'halfSse',
    learningRate: 1,
    useBias: true,
    weights: [[[1]]],
    biases: [[0]],
    sample: { input: [0], target: [0] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
  return lesson;
}

/** What one step must give, from the activation record alone: a = f(z), δ = −(t − a)·f′(z, a), w ← 1 − δ·z. */
function expected(act: ActivationName, x: number, t: number) {
  const rec = ACTIVATIONS[act];
  const z = 0 + 1 * x; // the bias plus the weighted input, as every path adds them (−0 becomes +0)
  const a = rec.f(z);
  const delta = -1 * (t - a) * rec.fPrime(z, a);
  return { a, weight: 1 - 1 * delta * x, bias: 0 - 1 * delta };
}

describe('the maths once: every path computes f and f′ with the activation records', () => {
  it.each(ELEMENTWISE)('%s: trace, loop step and generated step all equal the record, for many z', (act) => {
    const check = (z: number) => {
      const t = 0.25;
      const want = expected(act, z, t);
      const lesson = unit(act);
      // recording path
      const r = traceStep({ ...lesson, sample: { input: [z], target: [t] } });
      if (r.ok) {
        expect(r.trace.layers[1].a[0]).toBe(want.a);
        expect(r.trace.updated.weights[0][0][0]).toBe(want.weight);
        expect(r.trace.updated.biases[0][0]).toBe(want.bias);
      }
      // loop step and generated step
      for (const generated of [false, true]) {
        const net = compileNet(
          [1, act === 'identity' ? 1 : 1],
          ['identity', act],
          'halfSse',
          true,
          [[[1]]],
          [[0]],
        );
        const x = Float64Array.of(z);
        const tt = Float64Array.of(t);
        if (generated) compileStep(net, new Float64Array(1))!(x, tt, -1, 1);
        else sgdStep(net, x, tt, 1);
        if (!generated) expect(net.a[1][0]).toBe(want.a); // the generated step keeps a in locals
        expect(net.W[0][0]).toBe(want.weight);
        expect(net.b[0][0]).toBe(want.bias);
      }
    };
    SPECIAL.forEach(check);
    fc.assert(fc.property(fc.double({ min: -800, max: 800, noNaN: true }), check), { numRuns: 300 });
  });

  it('every element-wise activation gets a generated step; softmax does not', () => {
    for (const act of ACTIVATION_NAMES) {
      const net = compileNet(
        [2, 2],
        ['identity', act],
        'halfSse',
        true,
        [
          [
            [1, 0],
            [0, 1],
          ],
        ],
        [[0, 0]],
      );
      expect(compileStep(net, new Float64Array(1)) !== null).toBe(!ACTIVATIONS[act].vectorValued);
    }
  });
});

describe('generated code under a strict Content-Security-Policy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('falls back to the loop step when new Function is refused, with the same numbers', () => {
    const lesson = {
      ...unit('sigmoid'),
      layers: [
        { size: 4 },
        { size: 5, activation: 'sigmoid' as const },
        { size: 3, activation: 'sigmoid' as const },
      ],
      weights: [
        Array.from({ length: 5 }, (_, j) => [0.1 * j, 0.2, -0.3, 0.05 * j]),
        Array.from({ length: 3 }, (_, j) => [0.3, -0.1 * j, 0.2, 0.1, -0.2]),
      ],
      biases: [
        [0, 0.1, 0.2, 0.3, 0.4],
        [0.1, 0, -0.1],
      ],
      learningRate: 0.2,
    };
    const data = irisSplit(3);
    const normal = train(lesson, data, { epochs: 3, seed: 2 });
    const net = compileNet(
      [4, 5, 3],
      ['identity', 'sigmoid', 'sigmoid'],
      'halfSse',
      true,
      lesson.weights,
      lesson.biases,
    );
    expect(compileStep(net, new Float64Array(1))).not.toBeNull();
    let refused = 0;
    vi.stubGlobal('Function', function Refuse() {
      refused++;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    });
    expect(compileStep(net, new Float64Array(1))).toBeNull();
    expect(refused).toBe(1);
    const strict = train(lesson, data, { epochs: 3, seed: 2 });
    const session = new TrainingSession(lesson, data, { seed: 2 });
    session.run(130 * 3);
    vi.unstubAllGlobals();
    expect(strict.weights).toEqual(normal.weights);
    expect(strict.history).toEqual(normal.history);
    expect(session.snapshot().weights).toEqual(normal.weights);
  });

  it('other errors from the generator are not swallowed', () => {
    vi.stubGlobal('Function', function Broken() {
      throw new TypeError('something else');
    });
    const net = compileNet([1, 1], ['identity', 'tanh'], 'sse', true, [[[1]]], [[0]]);
    expect(() => compileStep(net, new Float64Array(1))).toThrow(TypeError);
  });
});
