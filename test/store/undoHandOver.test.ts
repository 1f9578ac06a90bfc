import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkOf } from '../../src/components/train/trainData';
import { train, TrainingSession } from '../../src/engine/training';
import { createRng, shuffled } from '../../src/engine/rng';
import type { Lesson, Sample } from '../../src/engine';
import { iris } from '../../src/lessons/iris';
import { createLessonStore, selectIteration, selectLossRecords } from '../../src/store';
import { irisSettings, irisSplit, irisTrainRig } from '../support/trainRig';

// Undo and redo across the hand-overs between the Train view and the step view (store/training.ts, "Undo and
// redo"): whatever the sequence of training, switching, Next iteration, undo and redo, the loss history, the
// iteration and the worker's run agree with the lesson shown. The reference replays the updates with the engine's
// `train`, one sample or the rest of an epoch at a time, in the run's shuffled order.

const split = irisSplit;
const settings = irisSettings;
const n = split.train.length;

/** The rig; after a change the hook's effects restore after undo or redo and hand the iterations to the run. */
function connect() {
  const { store, trainer, restore } = irisTrainRig();
  const effects = () => {
    restore();
    if (store.getState().view === 'train') {
      const handed = store.getState().handToRun();
      if (handed) trainer.handle({ type: 'adopt', ...handed });
    }
  };
  const act = (op: Op) => {
    const s = store.getState();
    if (op === 'epoch' && s.view === 'train') trainer.handle({ type: 'oneEpoch' });
    if (op === 'sample' && s.view === 'train') trainer.handle({ type: 'oneSample' });
    if (op === 'next' && s.view === 'step') s.nextIteration();
    if (op === 'step' || op === 'train') s.setView(op);
    if (op === 'undo') s.undo();
    if (op === 'redo') s.redo();
    effects();
  };
  return { store, act };
}

type Op = 'epoch' | 'sample' | 'step' | 'train' | 'next' | 'undo' | 'redo';
/** An update: one sample of the run (S), the rest of its epoch (E), or the step view's Next iteration (N). */
type Update = 'S' | 'E' | 'N';

/** The reference: what the screen should show, as a view and the updates behind the run and behind the lesson. */
interface ModelState {
  view: 'train' | 'step';
  run: Update[];
  lesson: Update[];
}

function updates(list: Update[]): number {
  return list.reduce((c, u) => c + (u === 'N' ? 1 : 0), 0) + runSamples(list);
}
/** Samples the run has trained on (E completes the epoch in progress). */
function runSamples(list: Update[]): number {
  let done = 0;
  for (const u of list)
    if (u === 'S') done++;
    else if (u === 'E') done = (Math.floor(done / n) + 1) * n;
  return done;
}

/** The model's answer to an operation (mirrors what the student may do, and what undo remembers). */
function model(ops: Op[]): ModelState {
  let now: ModelState = { view: 'train', run: [], lesson: [] };
  const past: ModelState[] = [];
  let future: ModelState[] = [];
  for (const op of ops) {
    if (op === 'epoch' || op === 'sample') {
      if (now.view === 'train') now = { ...now, run: [...now.run, op === 'epoch' ? 'E' : 'S'] };
    } else if (op === 'next') {
      if (now.view === 'step') {
        past.push(now);
        future = [];
        now = { ...now, lesson: [...now.lesson, 'N'] };
      }
    } else if (op === 'step') {
      if (now.view === 'train') {
        if (updates(now.run) !== updates(now.lesson)) {
          past.push(now);
          future = [];
          now = { ...now, lesson: now.run };
        }
        now = { ...now, view: 'step' };
      }
    } else if (op === 'train') {
      if (now.view === 'step') now = { view: 'train', run: now.lesson, lesson: now.lesson };
    } else if (op === 'undo') {
      if (past.length > 0) {
        future.push(now);
        now = past.pop()!;
      }
    } else if (future.length > 0) {
      past.push(now);
      now = future.pop()!;
    }
  }
  return now;
}

interface Replayed {
  weights: number[][][];
  biases: number[][];
  steps: number;
  epoch: number;
  position: number;
  records: { epoch: number; trainLoss: number; steps: number; iteration: boolean }[];
}

/** The updates replayed with the engine's `train` on the samples in the run's order (the lesson's own for N). */
function replay(list: Update[]): Replayed {
  const rng = createRng(settings.seed);
  const indices = split.train.map((_, i) => i);
  let perm = shuffled(indices, rng);
  let params = { weights: iris.weights, biases: iris.biases };
  let steps = 0;
  let epoch = 0;
  let position = 0;
  let lossSum = 0;
  const records: Replayed['records'] = [];
  const run = (samples: Sample[]) => {
    const r = train(
      { ...iris, ...params } as Lesson,
      { train: samples },
      { epochs: 1, shuffle: false, batchSize: 1 },
    );
    params = { weights: r.weights, biases: r.biases };
    steps += samples.length;
    return r.history[0].trainLoss * samples.length;
  };
  for (const u of list) {
    if (u === 'N') {
      const e = run([iris.sample]);
      records.push({ epoch, trainLoss: e, steps, iteration: true });
      continue;
    }
    const end = u === 'S' ? position + 1 : n;
    lossSum += run(perm.slice(position, end).map((i) => split.train[i]));
    position = end;
    if (position === n) {
      epoch++;
      records.push({ epoch, trainLoss: lossSum / n, steps, iteration: false });
      perm = shuffled(indices, rng);
      position = 0;
      lossSum = 0;
    }
  }
  return { ...params, steps, epoch, position, records };
}

function expectClose(a: number[][][] | number[][], b: number[][][] | number[][]) {
  const fa = a.flat(2) as number[];
  const fb = b.flat(2) as number[];
  expect(fa.length).toBe(fb.length);
  fa.forEach((x, i) => expect(Math.abs(x - fb[i])).toBeLessThan(1e-12));
}

function expectRecords(
  got: { epoch: number; trainLoss: number; steps?: number; iteration?: true }[],
  want: Replayed['records'],
) {
  expect(got.map((r) => [r.epoch, r.steps, r.iteration === true])).toEqual(
    want.map((r) => [r.epoch, r.steps, r.iteration]),
  );
  got.forEach((r, i) =>
    expect(Math.abs(r.trainLoss - want[i].trainLoss)).toBeLessThan(1e-12 * want[i].trainLoss + 1e-15),
  );
}

/** Checks the store and the worker's run against the model's state. */
function check(store: ReturnType<typeof connect>['store'], want: ModelState) {
  const s = store.getState();
  expect(s.view).toBe(want.view);
  const lesson = replay(want.lesson);
  const run = replay(want.run);
  // the lesson: its weights, iteration and loss history are those of its updates
  expectClose(s.lesson.weights, lesson.weights);
  expectClose(s.lesson.biases, lesson.biases);
  expect(selectIteration(s)).toBe(lesson.steps + 1);
  if (want.view === 'step') expectRecords(selectLossRecords(s), lesson.records);
  else expectRecords(s.training.history, run.records);
  // the worker's run (the store holds what it last reported)
  const snap = s.training.snapshot!;
  expect([snap.steps, snap.epoch, snap.position]).toEqual([run.steps, run.epoch, run.position]);
  expectClose(snap.weights, run.weights);
}

describe('undo and redo across hand-overs', () => {
  it('the reference agrees with train over whole epochs', () => {
    const r = replay(['E', 'E']);
    const ref = train(iris, split, { epochs: 2, batchSize: 1, seed: settings.seed });
    expectClose(r.weights, ref.weights);
    expect(r.records.map((x) => x.trainLoss)).toEqual(
      ref.history.map((h) => expect.closeTo(h.trainLoss, 14)),
    );
  });

  it('undoing Next iteration after its hand-over to the run does not hand the same iteration over twice', () => {
    const { store, act } = connect();
    const ops: Op[] = ['epoch', 'step', 'next', 'train', 'step', 'undo', 'next', 'train'];
    ops.forEach(act);
    // one epoch, then one iteration (the undone one taken again): 131 updates, not 132
    expect(store.getState().training.history.map((h) => h.steps)).toEqual([130, 131]);
    check(store, model(ops));
  });

  it('undoing the step view’s taking of the run goes back to the Train view where the run stood', () => {
    const { store, act } = connect();
    const ops: Op[] = ['epoch', 'sample', 'step', 'next', 'undo', 'undo'];
    ops.forEach(act);
    const s = store.getState();
    expect(s.view).toBe('train');
    expect(selectIteration(s)).toBe(1);
    expect(s.training.snapshot).toMatchObject({ steps: 131, epoch: 1, position: 1 });
    check(store, model(ops));
    // redo twice: the step view at iteration 133 again, its records the run's epoch and one iteration
    act('redo');
    act('redo');
    check(store, model([...ops, 'redo', 'redo']));
    expect(selectIteration(store.getState())).toBe(133);
  });

  it('undo in the Train view after more training brings the run back, and the worker goes on from there', () => {
    const { store, act } = connect();
    const ops: Op[] = [
      'sample',
      'step',
      'next',
      'next',
      'train',
      'sample',
      'epoch',
      'undo',
      'train',
      'epoch',
      'redo',
      'redo',
      'train',
      'epoch',
    ];
    ops.forEach((op, i) => {
      act(op);
      check(store, model(ops.slice(0, i + 1)));
    });
  });

  it('any sequence of train, step, Next iteration, undo and redo keeps the history, iteration and run in agreement', () => {
    const op = fc.constantFrom<Op>('epoch', 'sample', 'sample', 'step', 'train', 'next', 'undo', 'redo');
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        const { store, act } = connect();
        ops.forEach((op, i) => {
          act(op);
          check(store, model(ops.slice(0, i + 1)));
        });
        // and the worker goes on from there in step with the reference
        act('train');
        act('epoch');
        check(store, model([...ops, 'train', 'epoch']));
      }),
      { numRuns: 60 },
    );
  });

  it('leaving for the step view while the run goes waits for its pause, then takes the weights it paused at', () => {
    const store = createLessonStore({ lesson: iris });
    store.getState().setView('train');
    const session = new TrainingSession(networkOf(iris), split, { seed: settings.seed });
    const send = (samples: number, running: boolean, sync?: number) => {
      const r = session.run(samples);
      const snapshot = { ...session.snapshot(), running };
      store
        .getState()
        .receiveTraining(
          running
            ? { type: 'progress', epochs: r.epochs, snapshot, sync }
            : { type: 'stopped', reason: 'paused', epochs: r.epochs, snapshot, sync },
        );
    };
    send(130, true);
    store.getState().setView('step');
    // not taken yet: the run is asked to pause (the hook posts it) and trains on until the pause reaches it
    expect(store.getState().training.handOver).toBe(true);
    expect(selectIteration(store.getState())).toBe(1);
    send(20, true);
    expect(selectIteration(store.getState())).toBe(1);
    send(5, false);
    let s = store.getState();
    expect(s.view).toBe('step');
    expect(s.training.handOver).toBe(false);
    expect(selectIteration(s)).toBe(156);
    expect(s.lesson.weights).toEqual(session.snapshot().weights);
    expect(selectLossRecords(s).map((r) => r.steps)).toEqual([130]);
    // undo: the Train view with the run where it paused; the worker is asked to go on from there
    s.undo();
    s = store.getState();
    expect(s.view).toBe('train');
    expect(selectIteration(s)).toBe(1);
    expect(s.training.sync).toBe(1);
    expect(s.restoreMessage()).toEqual({ type: 'restore', sync: 1, snapshot: s.training.snapshot });
    expect(s.training.snapshot).toMatchObject({ steps: 155, running: false });
    // a message the worker sent before the restore is stale and dropped; one after it counts
    send(130, false);
    expect(store.getState().training.history).toHaveLength(1);
    send(130, false, 1);
    expect(store.getState().training.history).toHaveLength(2);
  });
});
