import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lesson001, lesson002 } from '../../src/lessons';
import {
  createLessonStore,
  lessonTrainSettings,
  selectIteration,
  selectLossRecords,
  type LessonStore,
} from '../../src/store';
import { chooseStart, decodeLink, encodeLink, serialiseSaved } from '../../src/store/persist';
import type { TrainSnapshot } from '../../src/training/protocol';

// The iteration is derived (selectIteration), never stored. These tests hold it to the number the app showed
// when it was a stored counter, written out here as a model of its own: +1 per Next iteration taken, the number
// a lesson opens at (1, or a link's), what undo and redo bring back, the run's update count + 1 when the step
// view takes the run's weights, and unchanged when the run takes the step view's iterations.

type Action =
  | { kind: 'next' }
  | { kind: 'edit'; value: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'reset' }
  | { kind: 'load'; second: boolean; at?: number }
  | { kind: 'run'; updates: number }
  | { kind: 'toStep' }
  | { kind: 'toTrain' }
  | { kind: 'openSample' }
  | { kind: 'resetTraining' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'next' as const }) },
  {
    weight: 1,
    arbitrary: fc.double({ min: -2, max: 2, noNaN: true }).map((value) => ({ kind: 'edit' as const, value })),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  {
    weight: 1,
    arbitrary: fc.record(
      { kind: fc.constant('load' as const), second: fc.boolean(), at: fc.integer({ min: 1, max: 40 }) },
      { requiredKeys: ['kind', 'second'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 300 }).map((updates) => ({ kind: 'run' as const, updates })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'toStep' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'toTrain' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'openSample' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resetTraining' as const }) },
);

/** The old stored counter and what it moved with: the iteration, and the step view's iterations since a hand-over. */
interface Shown {
  iteration: number;
  tail: number;
}

/** The model: the numbers the app showed, kept as the stored counter used to be. */
class Model {
  shown: Shown = { iteration: 1, tail: 0 };
  /** Undo and redo bring back the run together with the lesson (each entry: what was shown and the run's count). */
  past: { shown: Shown; runSteps: number | null }[] = [];
  future: { shown: Shown; runSteps: number | null }[] = [];
  /** The run's update count, or null before the worker has reported (or after Reset training). */
  runSteps: number | null = null;
  private remember() {
    this.past.push({ shown: this.shown, runSteps: this.runSteps });
    this.future = [];
  }
  apply(a: Action, did: boolean): void {
    const { iteration, tail } = this.shown;
    switch (a.kind) {
      case 'next':
        if (!did) return;
        this.remember();
        this.shown = { iteration: iteration + 1, tail: tail + 1 };
        return;
      case 'edit':
        if (did) this.remember();
        return;
      case 'load':
        if (!did) return;
        this.remember();
        this.shown = { iteration: a.at ?? 1, tail: 0 };
        return;
      case 'reset':
        // Reset lesson takes the run back to epoch 0 too (the worker then reports a fresh run)
        if (!did) return;
        this.remember();
        this.shown = { iteration: 1, tail: 0 };
        this.runSteps = null;
        return;
      case 'undo':
        if (this.past.length === 0) return;
        this.future.push({ shown: this.shown, runSteps: this.runSteps });
        ({ shown: this.shown, runSteps: this.runSteps } = this.past.pop()!);
        return;
      case 'redo':
        if (this.future.length === 0) return;
        this.past.push({ shown: this.shown, runSteps: this.runSteps });
        ({ shown: this.shown, runSteps: this.runSteps } = this.future.pop()!);
        return;
      case 'run':
        // the worker counts on from the updates behind the lesson it was loaded with
        this.runSteps = (this.runSteps ?? iteration - 1) + a.updates;
        return;
      case 'resetTraining':
        this.runSteps = null;
        return;
      case 'toTrain':
        // the run takes the step view's iterations: the number stays, the tail moves into the run's history
        if (this.runSteps !== null && tail > 0) {
          this.runSteps = iteration - 1;
          this.shown = { iteration, tail: 0 };
        }
        return;
      case 'toStep':
      case 'openSample':
        if (a.kind === 'toStep' && (this.runSteps === null || this.runSteps === iteration - 1)) return;
        if (!did) return;
        this.remember();
        if (this.runSteps !== null) this.shown = { iteration: this.runSteps + 1, tail: 0 };
        return;
    }
  }
}

const snapshotOf = (s: LessonStore, steps: number): TrainSnapshot => ({
  epoch: Math.floor(steps / 10),
  position: steps % 10,
  nextSample: 0,
  steps,
  weights: s.lesson.weights,
  biases: s.lesson.biases,
  progress: {
    batchStart: steps % 10,
    batchSize: 1,
    lossSum: 0,
    correct: 0,
    batchLoss: 0,
    batchCorrect: 0,
    learningRate: s.lesson.learningRate,
    batchSetting: 1,
  },
  running: false,
});

/** Runs one action on the store (as the app's views do) and says whether it took effect where that is asked. */
function run(store: ReturnType<typeof createLessonStore>, a: Action): boolean {
  const s = store.getState();
  switch (a.kind) {
    case 'next':
      return s.nextIteration();
    case 'edit':
      return s.edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: a.value });
    case 'undo':
      s.undo();
      return true;
    case 'redo':
      s.redo();
      return true;
    case 'reset': {
      // something to reset: the lesson was changed, or the run has moved (this test's snapshots put the run at
      // epoch ⌊steps / 10⌋, sample steps mod 10)
      const changed = s.origin !== s.lesson || (s.training.snapshot?.steps ?? 0) > 0;
      s.resetLesson();
      return changed;
    }
    case 'load':
      return s.loadLesson(a.second ? lesson002 : lesson001, a.at === undefined ? {} : { iteration: a.at }).ok;
    case 'run': {
      // what the worker posts: its update count on from where it was loaded (the lesson's weights stand in for
      // the run's: the numbers under test are the counts)
      const before = s.training.snapshot?.steps ?? selectIteration(s) - 1;
      const snapshot = snapshotOf(s, before + a.updates);
      s.receiveTraining({ type: 'progress', epochs: [], snapshot, sync: s.training.sync });
      return true;
    }
    case 'resetTraining':
      s.resetTraining(lessonTrainSettings(s.lesson));
      return true;
    case 'toTrain':
      // as the Train view does when shown: the run takes the step view's iterations
      s.setView('train');
      store.getState().handToRun();
      return true;
    case 'toStep': {
      const pastBefore = s.past.length;
      s.setView('step');
      return store.getState().past.length !== pastBefore;
    }
    case 'openSample':
      return s.openSampleStep(s.lesson.sample);
  }
}

describe('the iteration is derived, and it is the number the app showed', () => {
  it('random sequences of Next iteration, undo, redo, reset, lesson switches and hand-overs both ways', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        const store = createLessonStore({ lesson: lesson001 });
        const model = new Model();
        for (const a of actions) {
          model.apply(a, run(store, a));
          const s = store.getState();
          expect(selectIteration(s)).toBe(model.shown.iteration);
          expect(s.lossHistory).toHaveLength(model.shown.tail);
          expect(s.training.snapshot?.steps ?? null).toBe(model.runSteps);
          // the step view's records sit at the update count each ended on, the last one before this iteration
          const records = selectLossRecords(s);
          const tail = records.slice(records.length - s.lossHistory.length);
          expect(tail.map((r) => r.steps)).toEqual(
            s.lossHistory.map((_, j) => model.shown.iteration - s.lossHistory.length + j),
          );
        }
        // persistence: the autosave and a link carry the iteration exactly
        const s = store.getState();
        const savedText = serialiseSaved({
          lesson: s.lesson,
          origin: s.origin,
          granularity: s.granularity,
          cursor: s.cursor,
          locale: s.locale,
          theme: s.theme,
          digits: s.digits,
          iteration: selectIteration(s),
          lossHistory: s.lossHistory,
        });
        expect(JSON.parse(savedText).iteration).toBe(model.shown.iteration);
        const reopened = chooseStart({ hash: '', savedText, languages: ['en'] });
        expect(selectIteration(reopened)).toBe(model.shown.iteration);
        expect(reopened.lossHistory).toEqual(s.lossHistory);
        const hash = encodeLink({
          lesson: s.lesson,
          granularity: s.granularity,
          cursor: s.cursor,
          iteration: selectIteration(s),
        });
        const link = decodeLink(hash);
        expect(link.ok && link.iteration).toBe(model.shown.iteration);
        expect(selectIteration(chooseStart({ hash, savedText: null, languages: ['en'] }))).toBe(
          model.shown.iteration,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('an autosave written while the iteration was stored still opens at its iteration', () => {
    // as an older version wrote it: 260 updates in the Train view, then one Next iteration in the step view
    const savedText = JSON.stringify({
      format: 'backprop-saved',
      version: 1,
      lesson: lesson001,
      granularity: 'neuron',
      cursor: 0,
      locale: 'en',
      theme: 'light',
      digits: 4,
      iteration: 262,
      lossHistory: [0.25],
    });
    const s = chooseStart({ hash: '', savedText, languages: ['en'] });
    expect(s.notice).toBeNull();
    expect(selectIteration(s)).toBe(262);
    expect(s).toMatchObject({ priorUpdates: 260, lossHistory: [0.25] });
    // and the store opened on it records the next iteration's loss at update 262
    const store = createLessonStore({ ...s, past: [] });
    expect(store.getState().nextIteration()).toBe(true);
    expect(selectIteration(store.getState())).toBe(263);
    expect(selectLossRecords(store.getState()).map((r) => r.steps)).toEqual([261, 262]);
  });

  it('undo across a hand-over to the step view brings back the number shown before it', () => {
    const store = createLessonStore({ lesson: lesson001 });
    store.getState().nextIteration();
    store.getState().setView('train');
    store
      .getState()
      .receiveTraining({ type: 'progress', epochs: [], snapshot: snapshotOf(store.getState(), 50) });
    store.getState().setView('step');
    expect(selectIteration(store.getState())).toBe(51);
    store.getState().undo();
    expect(selectIteration(store.getState())).toBe(2);
    store.getState().redo();
    expect(selectIteration(store.getState())).toBe(51);
  });
});
