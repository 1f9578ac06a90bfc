import { describe, expect, it } from 'vitest';
import { train } from '../../src/engine/training';
import { createRng, shuffled } from '../../src/engine/rng';
import type { Lesson } from '../../src/engine';
import { iris } from '../../src/lessons/iris';
import { runMoved, selectIteration } from '../../src/store';
import { irisSettings, irisSplit, irisTrainRig } from '../support/trainRig';

// Reset lesson takes the Train view's run back to epoch 0 with the lesson's original weights, and undo brings the
// run back where it stood (issue 11). The reference weights come from the engine's `train`, epoch by epoch in the
// run's shuffled order, independently of the session and the worker.

const split = irisSplit;
const settings = irisSettings;
const n = split.train.length;

/** The rig, with one epoch of the run and the hook's restore effect. */
function connect() {
  const { store, trainer, restore } = irisTrainRig();
  const epoch = () => trainer.handle({ type: 'oneEpoch' });
  return { store, trainer, epoch, effects: restore };
}

/** Iris's weights after `epochs` SGD epochs from `start`, replayed with the engine's `train`. */
function reference(epochs: number, start: Pick<Lesson, 'weights' | 'biases'> = iris) {
  const rng = createRng(settings.seed);
  const indices = split.train.map((_, i) => i);
  let params = { weights: start.weights, biases: start.biases };
  for (let e = 0; e < epochs; e++) {
    const order = shuffled(indices, rng).map((i) => split.train[i]);
    const r = train(
      { ...iris, ...params } as Lesson,
      { train: order },
      { epochs: 1, shuffle: false, batchSize: 1 },
    );
    params = { weights: r.weights, biases: r.biases };
  }
  return params;
}

function expectClose(a: number[][][] | number[][], b: number[][][] | number[][]) {
  const fa = a.flat(2) as number[];
  const fb = b.flat(2) as number[];
  expect(fa.length).toBe(fb.length);
  fa.forEach((x, i) => expect(Math.abs(x - fb[i])).toBeLessThan(1e-12));
}

describe('Reset lesson and the Train view’s run', () => {
  it('takes a run trained in the Train view back to epoch 0 and the original weights; undo brings it back', () => {
    const { store, epoch, effects } = connect();
    const s = () => store.getState();
    for (let i = 0; i < 3; i++) epoch();
    expect(s().training.history).toHaveLength(3);
    // the lesson itself is unchanged (the weights are the run's), yet there is something to reset
    expect(s().lesson).toBe(s().origin);
    expect(runMoved(s().training)).toBe(true);
    const trained = s().training.snapshot!;
    expectClose(trained.weights, reference(3).weights);

    s().resetLesson();
    effects();
    expect(s().training.history).toEqual([]);
    expect(s().training.running).toBe(false);
    const fresh = s().training.snapshot!;
    expect([fresh.epoch, fresh.position, fresh.steps]).toEqual([0, 0, 0]);
    expectClose(fresh.weights, iris.weights);
    expectClose(fresh.biases, iris.biases);
    expect(runMoved(s().training)).toBe(false);
    expect(s().past).toHaveLength(1);

    // trained again from the reset, the run is the one of a first start
    epoch();
    expectClose(s().training.snapshot!.weights, reference(1).weights);

    // undo: the run as it stood before the reset (3 epochs), and it goes on from there
    s().undo();
    effects();
    expect(s().training.history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(s().training.snapshot!.epoch).toBe(3);
    expectClose(s().training.snapshot!.weights, trained.weights);
    epoch();
    expect(s().training.history.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
    expectClose(s().training.snapshot!.weights, reference(4).weights);
    expectClose(s().training.snapshot!.biases, reference(4).biases);

    // redo: the state undo left, the reset run with its one epoch
    s().redo();
    effects();
    expect(s().training.history.map((r) => r.epoch)).toEqual([1]);
    expectClose(s().training.snapshot!.weights, reference(1).weights);
  });

  it('resets the lesson the step view changed and the run that took its weights', () => {
    const { store, epoch, effects } = connect();
    const s = () => store.getState();
    epoch();
    s().setView('step'); // the step view takes the run's weights (iteration n + 1)
    expect(selectIteration(s())).toBe(n + 1);
    s().nextIteration();
    expect(s().lesson).not.toBe(s().origin);
    s().setView('train');
    const handed = s().handToRun();
    expect(handed).not.toBeNull();

    s().resetLesson();
    effects();
    expect(s().lesson).toBe(s().origin);
    expect(selectIteration(s())).toBe(1);
    expect(s().lossHistory).toEqual([]);
    expect(s().training.history).toEqual([]);
    const fresh = s().training.snapshot!;
    expect([fresh.epoch, fresh.steps]).toEqual([0, 0]);
    expectClose(fresh.weights, iris.weights);
    // Reset training afterwards starts from the original weights too (the worker was given them)
    epoch();
    epoch();
    expectClose(s().training.snapshot!.weights, reference(2).weights);
  });

  it('brings back the lesson’s η and batch size, keeping the stop condition and speed', () => {
    const { store, epoch, effects } = connect();
    const s = () => store.getState();
    epoch();
    s().setTrainSettings({ learningRate: 0.05, stop: { kind: 'epochs', epochs: 42 } });
    s().resetLesson();
    effects();
    expect(s().training.settings.learningRate).toBe(iris.learningRate);
    expect(s().training.rates).toEqual([{ epoch: 0, learningRate: iris.learningRate }]);
    expect(s().training.settings.stop).toEqual({ kind: 'epochs', epochs: 42 });
    epoch();
    expectClose(s().training.snapshot!.weights, reference(1).weights);
  });

  it('does nothing when neither the lesson nor the run has moved', () => {
    const { store } = connect();
    store.getState().resetLesson();
    expect(store.getState().past).toHaveLength(0);
  });
});
