import { describe, expect, it } from 'vitest';
import { networkOf } from '../../src/components/train/trainData';
import { irisSplit } from '../../src/data';
import { train, TrainingSession } from '../../src/engine/training';
import type { Lesson } from '../../src/engine';
import { iris } from '../../src/lessons/iris';
import {
  createLessonStore,
  selectIteration,
  selectLossChart,
  selectLossRecords,
  selectTimeline,
} from '../../src/store';
import type { WorkerToPage } from '../../src/training/protocol';

// One loss history: the Train view's run and the step view's Next iteration record into one history, and each view
// shows the other's updates (store/training.ts describes the model).

const split = irisSplit(1);

/** E = ½ Σ (t − a)² of the Iris network (4-5-3, sigmoid, biases) on one sample, by hand. */
function lossByHand(lesson: Pick<Lesson, 'weights' | 'biases'>, x: number[], t: number[]): number {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const h = lesson.weights[0].map((row, j) =>
    sig(row.reduce((s, w, k) => s + w * x[k], lesson.biases[0][j])),
  );
  const o = lesson.weights[1].map((row, j) =>
    sig(row.reduce((s, w, k) => s + w * h[k], lesson.biases[1][j])),
  );
  return 0.5 * o.reduce((s, a, j) => s + (t[j] - a) ** 2, 0);
}

/** What the worker posts after a session ran `samples` samples. */
function progress(session: TrainingSession, samples: number): WorkerToPage {
  const r = session.run(samples);
  return { type: 'progress', epochs: r.epochs, snapshot: { ...session.snapshot(), running: false } };
}

function lastStep(store: ReturnType<typeof createLessonStore>) {
  const n = selectTimeline(store.getState())!.steps.length;
  store.getState().goTo(n - 1);
}

describe('one loss history', () => {
  it('without a run, Next iteration records each iteration’s loss at its number', () => {
    const store = createLessonStore({ lesson: iris });
    lastStep(store);
    const e1 = lossByHand(iris, iris.sample.input, iris.sample.target);
    expect(selectLossChart(store.getState()).values[0]).toBeCloseTo(e1, 12);
    expect(store.getState().nextIteration()).toBe(true);
    lastStep(store);
    const chart = selectLossChart(store.getState());
    expect(chart.xs).toEqual([1, 2]);
    expect(chart.values[0]).toBeCloseTo(e1, 12);
    expect(chart.values[1]).toBeCloseTo(
      lossByHand(store.getState().lesson, iris.sample.input, iris.sample.target),
      12,
    );
    // derived, not stored: the same state gives the same objects
    expect(selectLossChart(store.getState())).toBe(chart);
    expect(selectLossRecords(store.getState())).toBe(selectLossRecords(store.getState()));
  });

  it('the step view takes the run’s weights and update count; its iterations go back into the run’s history', () => {
    const store = createLessonStore({ lesson: iris });
    store.getState().setView('train');
    const session = new TrainingSession(networkOf(iris), split, { seed: 1 });
    store.getState().receiveTraining(progress(session, 0));
    // two epochs in the Train view (130 updates each)
    store.getState().receiveTraining(progress(session, 260));
    const ref = train(iris, split, { epochs: 2, batchSize: 1, seed: 1 });
    expect(store.getState().training.history.map((h) => h.trainLoss)).toEqual(
      ref.history.map((h) => h.trainLoss),
    );

    // the step view: the run's weights, iteration 261 (260 updates behind it), the two epochs on its loss chart
    store.getState().setView('step');
    let s = store.getState();
    expect(s.view).toBe('step');
    expect(selectIteration(s)).toBe(261);
    expect(s.lossHistory).toEqual([]);
    s.lesson.weights.forEach((m, l) =>
      m.forEach((row, j) => row.forEach((w, k) => expect(w).toBeCloseTo(ref.weights[l][j][k], 12))),
    );
    lastStep(store);
    const eNow = lossByHand(store.getState().lesson, iris.sample.input, iris.sample.target);
    let chart = selectLossChart(store.getState());
    expect(chart.xs).toEqual([130, 260, 261]);
    expect(chart.values[0]).toBe(ref.history[0].trainLoss);
    expect(chart.values[1]).toBe(ref.history[1].trainLoss);
    expect(chart.values[2]).toBeCloseTo(eNow, 12);
    // switching again changes nothing: the lesson has the run's weights
    store.getState().setView('train');
    store.getState().setView('step');
    expect(selectIteration(store.getState())).toBe(261);

    // Next iteration in the step view: one more update, recorded once (the tail)
    expect(store.getState().nextIteration()).toBe(true);
    s = store.getState();
    expect(selectIteration(s)).toBe(262);
    expect(s.lossHistory).toHaveLength(1);
    expect(s.lossHistory[0]).toBeCloseTo(eNow, 12);
    const records = selectLossRecords(s);
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({ iteration: true, steps: 261, epoch: 2 });

    // back in the Train view the run takes the iteration: moved into its history, not copied
    store.getState().setView('train');
    const handed = store.getState().handToRun()!;
    s = store.getState();
    expect(handed.steps).toBe(261);
    expect(handed.weights).toBe(s.lesson.weights);
    expect(s.lossHistory).toEqual([]);
    expect(s.training.history).toHaveLength(3);
    expect(s.training.history[2].trainLoss).toBeCloseTo(eNow, 12);
    expect(selectLossRecords(s)).toBe(s.training.history);
    expect(store.getState().handToRun()).toBeNull();

    // the run goes on from those weights: its next epoch ends at update 391, and the step view says iteration 392
    session.adopt(handed.weights, handed.biases, handed.steps);
    store.getState().receiveTraining(progress(session, 130));
    s = store.getState();
    expect(s.training.history[3]).toMatchObject({ epoch: 3, steps: 391 });
    store.getState().setView('step');
    expect(selectIteration(store.getState())).toBe(392);
    lastStep(store);
    chart = selectLossChart(store.getState());
    expect(chart.xs).toEqual([130, 260, 261, 391, 392]);

    // undo gives back the lesson as it was before it took the run's weights
    store.getState().undo();
    expect(selectIteration(store.getState())).toBe(262);
  });
});
