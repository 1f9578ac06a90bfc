import { describe, expect, it } from 'vitest';
import { createRng, initialise, LIMITS, traceStep, type Lesson, type Sample } from '../../src/engine';
import { TrainingSession, train } from '../../src/engine/training';
import { irisSplit, xorSamples } from '../../src/data';
import { irisLesson } from '../support/iris';

/** A 1-1-1 identity network (regression), for divergence. */
function lineLesson(eta: number): Lesson {
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 1 }, { size: 1, activation: 'identity' }, { size: 1, activation: 'identity' }],
    loss: 'halfSse',
    learningRate: eta,
    useBias: true,
    weights: [[[0.5]], [[0.5]]],
    biases: [[0.1], [0.1]],
    sample: { input: [1], target: [1] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

describe('TrainingSession', () => {
  it.each([
    ['SGD', 1],
    ['mini-batch', 16],
    ['full batch', 1000],
  ])('gives the same numbers as train, bit for bit, in pieces of any size (%s)', (_name, m) => {
    const lesson = irisLesson(3);
    const data = irisSplit(3);
    const ref = train(lesson, data, { epochs: 6, batchSize: m, seed: 11 });
    const session = new TrainingSession(lesson, data, { batchSize: m, seed: 11 });
    // one sample, 7 samples at a time across an epoch end, the rest of the epoch, whole epochs
    session.oneSample();
    for (let i = 0; i < 30; i++) session.run(7);
    session.oneEpoch();
    const r = session.run(1e9, { kind: 'epochs', epochs: 6 });
    expect(r.stop).toEqual({ reason: 'done' });
    expect(session.history).toHaveLength(6);
    session.history.forEach((h, i) => {
      expect(h.trainLoss).toBe(ref.history[i].trainLoss);
      expect(h.trainAccuracy).toBe(ref.history[i].trainAccuracy);
      expect(h.validationLoss).toBe(ref.history[i].validationLoss);
      expect(h.validationAccuracy).toBe(ref.history[i].validationAccuracy);
    });
    const snap = session.snapshot();
    expect(snap.weights).toEqual(ref.weights);
    expect(snap.biases).toEqual(ref.biases);
    expect(snap.steps).toBe(ref.steps);
    expect(snap.epoch).toBe(6);
    expect(snap.position).toBe(0);
  });

  it('the loop version (no generated code) gives the same numbers as the generated step', () => {
    const lesson = irisLesson(4);
    const data = irisSplit(4);
    const a = new TrainingSession(lesson, data, { seed: 2 });
    const b = new TrainingSession(lesson, data, { seed: 2, codegen: false });
    a.run(130 * 5);
    b.run(130 * 5);
    expect(a.snapshot()).toEqual(b.snapshot());
    expect(a.history).toEqual(b.history);
  });

  it('reports position, next sample and steps as it goes; reset starts over', () => {
    const lesson = irisLesson(5);
    const data = irisSplit(5);
    const session = new TrainingSession(lesson, data, { batchSize: 4, seed: 7 });
    const first = session.snapshot();
    expect(first).toMatchObject({ epoch: 0, position: 0, steps: 0 });
    // the first sample is the first of the seeded shuffle of 0..129
    const rng = createRng(7);
    const order = Array.from({ length: 130 }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    expect(first.nextSample).toBe(order[0]);
    session.run(10);
    expect(session.snapshot()).toMatchObject({ position: 10, nextSample: order[10], steps: 2 });
    session.oneEpoch();
    // 130 samples in batches of 4: 32 full batches and one of 2
    expect(session.snapshot()).toMatchObject({ epoch: 1, position: 0, steps: 33 });
    session.reset();
    expect(session.snapshot()).toEqual(first);
    expect(session.history).toHaveLength(0);
  });

  it('records η and batch size changes, and trains on with them', () => {
    const lesson = irisLesson(6);
    const data = irisSplit(6);
    const session = new TrainingSession(lesson, data, { seed: 1 });
    session.oneEpoch();
    session.setLearningRate(0.5);
    session.setBatchSize(10);
    session.oneEpoch();
    expect(session.changes).toEqual([
      { epoch: 1, position: 0, learningRate: 0.5 },
      { epoch: 1, position: 0, batchSize: 10 },
    ]);
    expect(session.history.map((h) => [h.learningRate, h.batchSize])).toEqual([
      [0.2, 1],
      [0.5, 10],
    ]);
    // 130 SGD steps then 13 batches of 10
    expect(session.snapshot().steps).toBe(143);
    // the same as training the second epoch from the first epoch's weights with the new settings
    const after1 = train(lesson, data, { epochs: 1, seed: 1 });
    const rng = createRng(1);
    const idx = Array.from({ length: 130 }, (_, i) => i);
    const shuffle = () => {
      const o = idx.slice();
      for (let i = o.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [o[i], o[j]] = [o[j], o[i]];
      }
      return o;
    };
    shuffle();
    const secondOrder = shuffle().map((i) => data.train[i]);
    const ref = train(
      { ...lesson, weights: after1.weights, biases: after1.biases, learningRate: 0.5 },
      { train: secondOrder },
      { epochs: 1, batchSize: 10, shuffle: false },
    );
    expect(session.snapshot().weights).toEqual(ref.weights);
  });

  it('a batch size change mid-batch applies from the next batch', () => {
    const session = new TrainingSession(irisLesson(7), irisSplit(7), { batchSize: 4, seed: 1 });
    session.run(2);
    session.setBatchSize(1);
    session.run(2); // completes the batch of 4
    expect(session.snapshot().steps).toBe(1);
    session.run(3);
    expect(session.snapshot().steps).toBe(4);
  });

  it('stops at a training loss below a value', () => {
    const session = new TrainingSession(irisLesson(1), irisSplit(1), { seed: 1 });
    const r = session.run(1e9, { kind: 'loss', below: 0.2 });
    expect(r.stop).toEqual({ reason: 'lossReached' });
    const h = session.history;
    expect(h.at(-1)!.trainLoss).toBeLessThan(0.2);
    h.slice(0, -1).forEach((e) => expect(e.trainLoss).toBeGreaterThanOrEqual(0.2));
  });

  it('stops before adopting weights past the limit, with the last good weights and where it happened', () => {
    const data: Sample[] = [
      { input: [1], target: [1] },
      { input: [2], target: [-1] },
      { input: [-1.5], target: [0.5] },
    ];
    const lesson = lineLesson(3);
    const session = new TrainingSession(lesson, { train: data }, { seed: 4 });
    const r = session.run(100_000);
    expect(r.stop).toMatchObject({ reason: 'limit' });
    const failure = r.stop as { reason: string; epoch: number; sample: number };
    const snap = session.snapshot();
    const all = [...snap.weights.flat(2), ...snap.biases.flat()];
    all.forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(LIMITS.maxMagnitude));
    expect(failure.epoch).toBe(snap.epoch + 1);
    expect(failure.sample).toBe(snap.nextSample);
    // one more step on that sample from those weights (traced independently) goes past the limit
    const next = traceStep({
      ...lesson,
      weights: snap.weights,
      biases: snap.biases,
      sample: data[failure.sample],
    });
    if (next.ok) {
      const after = [...next.trace.updated.weights.flat(2), ...next.trace.updated.biases.flat()];
      expect(after.some((w) => !(Math.abs(w) <= LIMITS.maxMagnitude))).toBe(true);
    }
    // a fresh session stopped just before that update has the same weights
    const fresh = new TrainingSession(lesson, { train: data }, { seed: 4 });
    fresh.run(snap.epoch * 3 + snap.position);
    expect(fresh.snapshot()).toEqual(snap);
    // and it refuses to go on
    const again = session.run(10);
    expect(again.stop).toMatchObject({ reason: 'limit', sample: failure.sample });
    expect(session.snapshot()).toEqual(snap);
  });

  it('stops on a non-finite value in a mini-batch, naming the quantity, with the batch rolled back', () => {
    const data: Sample[] = [
      { input: [1], target: [1] },
      { input: [1e300], target: [0] },
      { input: [0.5], target: [0.2] },
      { input: [0.2], target: [0.4] },
    ];
    const lesson = lineLesson(0.1);
    const session = new TrainingSession(lesson, { train: data }, { batchSize: 2, shuffle: false });
    const r = session.run(4);
    expect(r.stop).toMatchObject({ reason: 'nonFinite', epoch: 1, sample: 0 });
    const stop = r.stop as { condition?: { quantity: string; epoch?: number } };
    expect(stop.condition).toBeDefined();
    expect(stop.condition!.epoch).toBe(1);
    expect(session.snapshot()).toMatchObject({
      epoch: 0,
      position: 0,
      steps: 0,
      weights: lesson.weights,
      biases: lesson.biases,
    });
  });
});

describe('fixed biases (conventions.fixedBiases): used in the forward pass, never updated', () => {
  const base = irisLesson(9);
  const fixed = { ...base, conventions: { ...base.conventions, fixedBiases: true } };
  const data = irisSplit(9);

  it.each([1, 5])('train keeps the biases and matches traced steps (batch size %i)', (m) => {
    const r = train(fixed, { train: data.train.slice(0, 20) }, { epochs: 2, batchSize: m, shuffle: false });
    expect(r.biases).toEqual(base.biases);
    const traced = train(
      fixed,
      { train: data.train.slice(0, 20) },
      {
        epochs: 2,
        batchSize: m,
        shuffle: false,
        mode: 'trace',
      },
    );
    expect(traced.biases).toEqual(base.biases);
    r.weights.flat(2).forEach((w, i) => expect(w).toBeCloseTo(traced.weights.flat(2)[i], 12));
    // the biases are used: training without them gives other weights
    const none = train(
      { ...fixed, biases: base.biases.map((b) => b.map(() => 0)) },
      { train: data.train.slice(0, 20) },
      {
        epochs: 2,
        batchSize: m,
        shuffle: false,
      },
    );
    expect(none.weights).not.toEqual(r.weights);
  });

  it('the session (generated step and loop version) keeps the biases and equals one traced step per sample', () => {
    for (const codegen of [true, false]) {
      const s = new TrainingSession(fixed, { train: data.train }, { shuffle: false, codegen });
      s.run(3);
      expect(s.snapshot().biases).toEqual(base.biases);
      let params = { weights: base.weights, biases: base.biases };
      for (const sample of data.train.slice(0, 3)) {
        const t = traceStep({ ...fixed, ...params, sample });
        if (!t.ok) throw new Error('non-finite');
        params = t.trace.updated;
      }
      expect(params.biases).toEqual(base.biases);
      s.snapshot()
        .weights.flat(2)
        .forEach((w, i) => expect(w).toBeCloseTo(params.weights.flat(2)[i], 14));
    }
  });

  it('learns XOR with the session', () => {
    const { weights, biases } = initialise([2, 3, 1], { kind: 'uniform', range: 1 }, createRng(3), true);
    const xor: Lesson = {
      ...irisLesson(1),
      layers: [{ size: 2 }, { size: 3, activation: 'tanh' }, { size: 1, activation: 'sigmoid' }],
      loss: 'bce',
      learningRate: 0.5,
      weights,
      biases,
    };
    const s = new TrainingSession(xor, { train: xorSamples(), validation: xorSamples() }, { seed: 1 });
    s.run(1e9, { kind: 'epochs', epochs: 2000 });
    expect(s.history.at(-1)!.validationAccuracy).toBe(1);
  });
});

describe('TrainingSession.resume', () => {
  it.each([
    ['SGD', 1],
    ['mini-batch, paused inside a batch', 4],
  ])('goes on from a snapshot with the numbers the session gave from there (%s)', (_name, m) => {
    const lesson = irisLesson(3);
    const data = irisSplit(3);
    const a = new TrainingSession(lesson, data, { batchSize: m, seed: 5 });
    // one epoch and 70 samples: with m = 4 the batch in progress holds two samples' gradients
    a.run(200);
    a.setLearningRate(0.7);
    const snap = a.snapshot();
    if (m > 1) expect(snap.progress.gradients).toBeDefined();
    const goOn = a.run(400);
    const after = a.snapshot();
    // another session (as after undo in the worker) at the snapshot: the same epochs and weights, bit for bit
    const b = new TrainingSession(lesson, data, { batchSize: 1, seed: 5 });
    b.run(333);
    b.resume(snap);
    expect(b.snapshot()).toEqual(snap);
    const again = b.run(400);
    expect(again.epochs).toEqual(goOn.epochs);
    expect(b.snapshot()).toEqual(after);
    // at an epoch's end, a loss stop condition reads that epoch's loss from the snapshot
    a.oneEpoch();
    const boundary = a.snapshot();
    const last = a.history[a.history.length - 1].trainLoss;
    const c = new TrainingSession(lesson, data, { seed: 5 });
    c.resume(boundary);
    expect(c.run(5, { kind: 'loss', below: last * 1.0001 })).toEqual({
      samples: 0,
      epochs: [],
      stop: { reason: 'lossReached' },
    });
    expect(c.run(5, { kind: 'loss', below: last * 0.9999 }).samples).toBe(5);
  });
});
