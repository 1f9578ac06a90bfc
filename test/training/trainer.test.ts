import { describe, expect, it } from 'vitest';
import { type EpochStats, type Lesson } from '../../src/engine';
import { train } from '../../src/engine/training';
import { irisSplit } from '../../src/data';
import type { PageToWorker, TrainSettings, WorkerToPage } from '../../src/training/protocol';
import { BACKGROUND_MS, FRAME_MS, Trainer, type TrainerHost } from '../../src/training/trainer';
import { CYCLE_MS, MIN_DUTY, STALE_MS } from '../../src/training/share';
import { irisLesson } from '../support/iris';
import { packMessage, transferables, unpackMessage } from '../../src/training/wire';

/** A virtual clock (1 ms per reading) and a task queue run in time order. */
class FakeHost implements TrainerHost {
  time = 0;
  messages: { at: number; message: WorkerToPage }[] = [];
  tasks: { at: number; fn: () => void }[] = [];
  delays: number[] = [];
  post(message: WorkerToPage) {
    // across the thread boundary as the worker posts it: packed, buffers transferred, unpacked by the client
    const wire = packMessage(message);
    const copy = structuredClone(wire, { transfer: transferables(wire) });
    this.messages.push({ at: this.time, message: unpackMessage(copy) });
  }
  now() {
    return ++this.time;
  }
  schedule(fn: () => void, delay: number) {
    this.delays.push(delay);
    this.tasks.push({ at: this.time + delay, fn });
  }
  /** Runs up to `max` tasks (or until the queue is empty or the clock passes `until`). */
  run(max = Infinity, until = Infinity) {
    for (let i = 0; i < max && this.tasks.length > 0; i++) {
      this.tasks.sort((a, b) => a.at - b.at);
      if (this.tasks[0].at > until) break;
      const task = this.tasks.shift()!;
      this.time = Math.max(this.time, task.at);
      task.fn();
    }
  }
  last() {
    return this.messages[this.messages.length - 1].message;
  }
  epochs(): EpochStats[] {
    return this.messages.flatMap((m) => m.message.epochs);
  }
}

const settings = (over: Partial<TrainSettings> = {}): TrainSettings => ({
  batchSize: 1,
  learningRate: 0.2,
  speed: Infinity,
  stop: { kind: 'epochs', epochs: 300 },
  seed: 5,
  ...over,
});

function setUp(over: Partial<TrainSettings> = {}, lesson = irisLesson(2)) {
  const host = new FakeHost();
  const trainer = new Trainer(host);
  const split = irisSplit(2);
  const send = (m: PageToWorker) => trainer.handle(m);
  send({ type: 'load', network: lesson, split, settings: settings(over) });
  return { host, send, lesson, split };
}

describe('training worker protocol', () => {
  it('load reports epoch 0; start trains to the stop condition with every epoch sent once, at frame rate', () => {
    const { host, send, lesson, split } = setUp();
    expect(host.last()).toMatchObject({
      type: 'progress',
      epochs: [],
      snapshot: { epoch: 0, running: false },
    });
    send({ type: 'start' });
    host.run();
    const end = host.last();
    expect(end).toMatchObject({ type: 'stopped', reason: 'done', snapshot: { epoch: 300, running: false } });
    const ref = train(lesson, split, { epochs: 300, seed: 5 });
    expect(host.epochs()).toEqual(
      ref.history.map((h, i) => ({ ...h, learningRate: 0.2, batchSize: 1, steps: 130 * (i + 1) })),
    );
    expect(end.snapshot.weights).toEqual(ref.weights);
    expect(end.snapshot.steps).toBe(39_000);
    // progress at most once a frame, never per step
    const progress = host.messages.filter((m) => m.message.type === 'progress');
    for (let i = 2; i < progress.length; i++)
      expect(progress[i].at - progress[i - 1].at).toBeGreaterThanOrEqual(FRAME_MS);
    expect(host.messages.length).toBeLessThan(39_000 / 100);
    // nothing after the stop
    host.run();
    expect(host.last()).toBe(end);
  });

  it('pause stops at once; start resumes exactly where it was', () => {
    const { host, send, lesson, split } = setUp({ stop: { kind: 'epochs', epochs: 20 } });
    send({ type: 'start' });
    host.run(3);
    send({ type: 'pause' });
    const paused = host.last();
    expect(paused).toMatchObject({ type: 'stopped', reason: 'paused', snapshot: { running: false } });
    expect(paused.snapshot.steps).toBeGreaterThan(0);
    const count = host.messages.length;
    host.run(); // a slice scheduled before the pause does nothing
    expect(host.messages.length).toBe(count);
    send({ type: 'start' });
    host.run();
    expect(host.last()).toMatchObject({ type: 'stopped', reason: 'done' });
    const ref = train(lesson, split, { epochs: 20, seed: 5 });
    expect(host.last().snapshot.weights).toEqual(ref.weights);
    expect(host.epochs().map((e) => e.epoch)).toEqual(ref.history.map((h) => h.epoch));
  });

  it('one sample and one epoch while paused', () => {
    const { host, send, lesson, split } = setUp();
    send({ type: 'oneSample' });
    expect(host.last()).toMatchObject({
      type: 'progress',
      epochs: [],
      snapshot: { epoch: 0, position: 1, steps: 1 },
    });
    send({ type: 'oneEpoch' });
    // the rest of epoch 1
    expect(host.last()).toMatchObject({ type: 'progress', snapshot: { epoch: 1, position: 0, steps: 130 } });
    send({ type: 'oneEpoch' });
    expect(host.last().snapshot).toMatchObject({ epoch: 2, steps: 260 });
    const ref = train(lesson, split, { epochs: 2, seed: 5 });
    expect(host.epochs().map((e) => e.trainLoss)).toEqual(ref.history.map((h) => h.trainLoss));
    expect(host.last().snapshot.weights).toEqual(ref.weights);
  });

  it('stops on a non-finite value with where it happened, keeping the last good weights', () => {
    const lesson: Lesson = {
      ...irisLesson(1),
      layers: [{ size: 1 }, { size: 1, activation: 'identity' }, { size: 1, activation: 'identity' }],
      weights: [[[0.5]], [[0.5]]],
      biases: [[0], [0]],
    };
    const host = new FakeHost();
    const trainer = new Trainer(host);
    const split = {
      train: [
        { input: [1], target: [1] },
        { input: [0.5], target: [0.2] },
        { input: [1e300], target: [0] },
      ],
      validation: [],
    };
    trainer.handle({ type: 'load', network: lesson, split, settings: settings() });
    trainer.handle({ type: 'start' });
    host.run();
    const end = host.last();
    expect(end).toMatchObject({ type: 'stopped', reason: 'nonFinite', failure: { epoch: 1, sample: 2 } });
    if (end.type !== 'stopped') throw new Error();
    expect(end.failure!.condition).toMatchObject({ kind: 'nonFinite', epoch: 1 });
    expect(end.snapshot.nextSample).toBe(2);
    end.snapshot.weights.flat(2).forEach((w) => expect(Number.isFinite(w)).toBe(true));
    // one sample does not get past it either
    trainer.handle({ type: 'oneSample' });
    expect(host.last()).toMatchObject({ type: 'stopped', reason: 'nonFinite', snapshot: end.snapshot });
  });

  it('settings while paused: η and batch size apply from there and are recorded; reset starts over', () => {
    const { host, send, lesson, split } = setUp();
    send({ type: 'oneEpoch' });
    send({ type: 'settings', settings: { learningRate: 0.05, batchSize: 13 } });
    send({ type: 'oneEpoch' });
    const [e1, e2] = host.epochs();
    expect([e1.learningRate, e1.batchSize, e2.learningRate, e2.batchSize]).toEqual([0.2, 1, 0.05, 13]);
    expect(host.last().snapshot.steps).toBe(130 + 10);
    send({ type: 'reset' });
    expect(host.last()).toMatchObject({
      type: 'progress',
      epochs: [],
      snapshot: { epoch: 0, position: 0, steps: 0, weights: lesson.weights, biases: lesson.biases },
    });
    // after reset the new η stays
    send({ type: 'oneEpoch' });
    const ref = train({ ...lesson, learningRate: 0.05 }, split, { epochs: 1, batchSize: 13, seed: 5 });
    expect(host.last().snapshot.weights).toEqual(ref.weights);
  });

  it('a finite speed trains that many samples a second', () => {
    const { host, send } = setUp({ speed: 1 });
    send({ type: 'start' });
    host.run(Infinity, 5000);
    const steps = host.last().snapshot.steps;
    // one at once, then one a second (the virtual clock also ticks on every reading)
    expect(steps).toBeGreaterThanOrEqual(5);
    expect(steps).toBeLessThanOrEqual(6);
    send({ type: 'settings', settings: { speed: 100 } });
    const t0 = host.time;
    host.run(Infinity, t0 + 1000);
    const more = host.last().snapshot.steps - steps;
    expect(more).toBeGreaterThanOrEqual(95);
    expect(more).toBeLessThanOrEqual(102);
  });

  it('in the background it trains at a reduced rate', () => {
    const { host, send } = setUp({ stop: { kind: 'epochs', epochs: 1000 } });
    send({ type: 'background', hidden: true });
    send({ type: 'start' });
    host.run(20);
    // after the first slice, slices come at most every BACKGROUND_MS
    host.delays.slice(1).forEach((d) => expect(d).toBeGreaterThanOrEqual(BACKGROUND_MS));
    send({ type: 'background', hidden: false });
    host.delays = [];
    host.run(5);
    // back in view: rests of the share (each as long as the slice before it at the starting share of ½)
    host.delays.forEach((d) => expect(d).toBeLessThan(BACKGROUND_MS / 4));
  });

  it('as fast as possible it trains a share of the time that follows the page’s frame rate, exactly as train()', () => {
    const { host, send, lesson, split } = setUp({ stop: { kind: 'epochs', epochs: 60 } });
    /** The slices (start, length) and rests of the tasks run while `steps` tasks run. */
    const cycles = (steps: number) => {
      const out: { slice: number; rest: number }[] = [];
      for (let i = 0; i < steps && host.tasks.length > 0; i++) {
        const start = Math.max(host.time, Math.min(...host.tasks.map((t) => t.at)));
        const delays = host.delays.length;
        host.run(1);
        if (host.delays.length > delays) out.push({ slice: host.time - start, rest: host.delays[delays] });
      }
      return out;
    };
    send({ type: 'start' });
    // the slice as the trainer timed it: the task's length less the clock's readings after it (1 ms each)
    const worked = (c: { slice: number; rest: number }, duty: number) => (c.rest * duty) / (1 - duty);
    // at first half the time: each rest as long as the slice before it
    for (const c of cycles(4)) {
      expect(worked(c, 0.5)).toBeGreaterThanOrEqual(0.5 * CYCLE_MS);
      expect(worked(c, 0.5)).toBeGreaterThanOrEqual(c.slice - 3);
      expect(worked(c, 0.5)).toBeLessThanOrEqual(c.slice);
    }
    // the page misses frames (20 ms apart): the share shrinks to its least, a slice and its rest about half a frame
    for (let i = 0; i < 10; i++) send({ type: 'frames', frameMs: 20 });
    for (const c of cycles(4)) {
      expect(worked(c, MIN_DUTY)).toBeGreaterThanOrEqual(MIN_DUTY * CYCLE_MS);
      expect(worked(c, MIN_DUTY)).toBeGreaterThanOrEqual(c.slice - 3);
      expect(worked(c, MIN_DUTY)).toBeLessThanOrEqual(c.slice);
      expect(c.slice + c.rest).toBeLessThan(2 * CYCLE_MS);
    }
    // pause in a rest: the slice due after it does nothing; one epoch goes on from where it stood
    send({ type: 'pause' });
    const count = host.messages.length;
    host.run();
    expect(host.messages.length).toBe(count);
    send({ type: 'oneEpoch' });
    expect(host.last().snapshot.position).toBe(0);
    // the page keeps its frames (60 a second) with a core to spare: the share grows to all, no rests
    send({ type: 'start' });
    for (let i = 0; i < 10; i++) send({ type: 'frames', frameMs: 1000 / 60 });
    for (const c of cycles(4)) expect(c.rest).toBe(0);
    host.run();
    expect(host.last()).toMatchObject({ type: 'stopped', reason: 'done', snapshot: { epoch: 60 } });
    const ref = train(lesson, split, { epochs: 60, seed: 5 });
    expect(host.last().snapshot.weights).toEqual(ref.weights);
    expect(host.epochs().map((e) => e.trainLoss)).toEqual(ref.history.map((h) => h.trainLoss));
  });

  it('as fast as possible it takes all the time once the page has stopped reporting frames for a second', () => {
    const { host, send } = setUp({ stop: { kind: 'epochs', epochs: 100000 } });
    send({ type: 'start' });
    host.run(2);
    for (let i = 0; i < 4; i++) send({ type: 'frames', frameMs: 25 });
    const before = host.delays.length;
    const t0 = host.time;
    // reports stop (a hidden tab, or frames no longer drawn): rests of the least share for a second, then none
    host.run(Infinity, t0 + STALE_MS - 50);
    const resting = host.delays.slice(before + 1);
    expect(resting.length).toBeGreaterThan(10);
    resting.forEach((d) => expect(d).toBeGreaterThan(CYCLE_MS / 2));
    host.delays = [];
    host.run(Infinity, t0 + STALE_MS + 200);
    expect(host.delays.length).toBeGreaterThan(10);
    expect(host.delays.slice(-10)).toEqual(Array(10).fill(0));
    // the page reports again that it misses frames: rests again (the share halved from all)
    send({ type: 'frames', frameMs: 25 });
    host.delays = [];
    host.run(3);
    host.delays.forEach((d) => expect(d).toBeGreaterThan(0));
    send({ type: 'pause' });
  });

  it('counts updates on from the lesson’s, and takes the step view’s weights where the run stands', () => {
    const host = new FakeHost();
    const trainer = new Trainer(host);
    const split = irisSplit(2);
    const lesson = irisLesson(2);
    trainer.handle({ type: 'load', network: lesson, split, settings: settings(), steps: 10 });
    expect(host.last().snapshot.steps).toBe(10);
    trainer.handle({ type: 'oneEpoch' });
    expect(host.last().epochs).toMatchObject([{ epoch: 1, steps: 140 }]);
    trainer.handle({ type: 'oneSample' });
    const before = host.last().snapshot;
    // weights made elsewhere (here: the lesson's own, doubled), with 500 updates behind them
    const weights = lesson.weights.map((m) => m.map((row) => row.map((w) => 2 * w)));
    const biases = lesson.biases.map((v) => v.map((b) => b + 1));
    trainer.handle({ type: 'adopt', weights, biases, steps: 500 });
    const after = host.last().snapshot;
    expect(after).toMatchObject({
      epoch: 1,
      position: before.position,
      nextSample: before.nextSample,
      steps: 500,
    });
    expect(after.weights).toEqual(weights);
    expect(after.biases).toEqual(biases);
    // the rest of the epoch: the other 129 samples, 129 more updates
    trainer.handle({ type: 'oneEpoch' });
    expect(host.last().epochs).toMatchObject([{ epoch: 2, steps: 629 }]);
    // reset: the load's weights and update count
    trainer.handle({ type: 'reset' });
    expect(host.last().snapshot).toMatchObject({ epoch: 0, steps: 10, weights: lesson.weights });
  });
});
