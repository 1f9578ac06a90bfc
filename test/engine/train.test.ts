import { describe, expect, it } from 'vitest';
import { createRng, initialise, train, traceStep, type Lesson, type Sample } from '../../src/engine';
import { xorSamples } from '../../src/data';
import { lesson004 } from '../support/lesson004';

function xorLesson(seed = 3): Lesson {
  const sizes = [2, 3, 1];
  const { weights, biases } = initialise(sizes, { kind: 'uniform', range: 1 }, createRng(seed), true);
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 2 }, { size: 3, activation: 'tanh' }, { size: 1, activation: 'sigmoid' }],
    loss: 'bce',
    learningRate: 0.5,
    useBias: true,
    weights,
    biases,
    sample: xorSamples()[0],
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

/** A second, naive trainer: one traceStep per sample, gradients averaged by hand. */
function naiveEpoch(
  lesson: Lesson,
  order: Sample[],
  m: number,
): { weights: number[][][]; biases: number[][] } {
  let params = { weights: lesson.weights, biases: lesson.biases };
  for (let i = 0; i < order.length; i += m) {
    const batch = order.slice(i, i + m);
    const traces = batch.map((sample) => {
      const r = traceStep({ ...lesson, ...params, sample });
      if (!r.ok) throw new Error('unexpected non-finite');
      return r.trace;
    });
    const avg = (pick: (t: (typeof traces)[0]) => number) =>
      traces.reduce((s, t) => s + pick(t), 0) / traces.length;
    params = {
      weights: params.weights.map((W, l) =>
        W.map((row, j) => row.map((w, k) => w - lesson.learningRate * avg((t) => t.layers[l + 1].dW[j][k]))),
      ),
      biases: params.biases.map((b, l) =>
        b.map((v, j) => v - lesson.learningRate * avg((t) => t.layers[l + 1].db[j])),
      ),
    };
  }
  return params;
}

describe('train', () => {
  it.each([1, 2, 4])('one epoch with batch size %i equals averaged traced steps', (m) => {
    const lesson = xorLesson();
    const data = xorSamples();
    const fast = train(lesson, { train: data }, { epochs: 1, batchSize: m, shuffle: false });
    const ref = naiveEpoch(lesson, data, m);
    fast.weights.forEach((W, l) =>
      W.forEach((row, j) => row.forEach((w, k) => expect(w).toBeCloseTo(ref.weights[l][j][k], 13))),
    );
    fast.biases.forEach((b, l) => b.forEach((v, j) => expect(v).toBeCloseTo(ref.biases[l][j], 13)));
    expect(fast.steps).toBe(Math.ceil(4 / m));
  });

  it('the fast path and the recording path agree over many epochs with shuffling', () => {
    const lesson = xorLesson(5);
    const data = { train: xorSamples(), validation: xorSamples() };
    const fast = train(lesson, data, { epochs: 50, batchSize: 2, seed: 9 });
    const traced = train(lesson, data, { epochs: 50, batchSize: 2, seed: 9, mode: 'trace' });
    expect(traced.history).toHaveLength(50);
    fast.history.forEach((h, i) => expect(h.trainLoss).toBeCloseTo(traced.history[i].trainLoss, 10));
    fast.weights.forEach((W, l) =>
      W.forEach((row, j) => row.forEach((w, k) => expect(w).toBeCloseTo(traced.weights[l][j][k], 10))),
    );
  });

  it('learns XOR (validation accuracy 100%)', () => {
    const result = train(
      xorLesson(),
      { train: xorSamples(), validation: xorSamples() },
      { epochs: 2000, seed: 1 },
    );
    expect(result.history.at(-1)!.validationAccuracy).toBe(1);
    expect(result.history.at(-1)!.trainLoss).toBeLessThan(0.1);
  });

  it('full batch uses every sample per update', () => {
    const result = train(xorLesson(), { train: xorSamples() }, { epochs: 10, batchSize: 100 });
    expect(result.steps).toBe(10);
  });

  it('stops on divergence with a condition naming the quantity, layer, neuron and position', () => {
    const lesson = {
      ...lesson004(),
      layers: [
        { size: 3 },
        { size: 3, activation: 'identity' as const },
        { size: 2, activation: 'identity' as const },
      ],
      learningRate: 50,
    };
    const samples = [lesson.sample, { input: [1, -1, 2], target: [3, -2] }];
    const result = train(lesson, { train: samples }, { epochs: 200, shuffle: false });
    expect(result.condition).not.toBeNull();
    const c = result.condition!;
    expect(c.kind).toBe('nonFinite');
    expect(Number.isFinite(c.value)).toBe(false);
    expect(c.epoch).toBeGreaterThan(0);
    expect(c.step).toBeGreaterThan(0);
    expect(result.history.length).toBe(c.epoch! - 1);
    // the returned weights are the last good ones
    result.weights.flat(2).forEach((w) => expect(Number.isFinite(w)).toBe(true));
  });

  it('traceStep reports an overflow as a condition instead of a number', () => {
    const lesson = lesson004();
    lesson.layers = [{ size: 3 }, { size: 3, activation: 'identity' }, { size: 2, activation: 'identity' }];
    lesson.weights[0][1][2] = 1e308;
    lesson.sample.input = [0.9, 0.1, 1e10];
    const r = traceStep(lesson);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.condition).toMatchObject({ quantity: 'z', layer: 1, neuron: 1 });
  });
});
