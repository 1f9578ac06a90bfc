import type { EpochStats, Lesson, Sample } from '../engine';
import {
  DEFAULT_TRAIN_SETTINGS,
  networkOf,
  type PageToWorker,
  type StopReason,
  type TrainSettings,
  type TrainSnapshot,
  type WorkerToPage,
} from '../training/protocol';
import { FRESH_VIEW } from './freshView';
import { gateLesson } from './gate';
import { iterationOf } from './iteration';
import type { LessonState } from './state';

// The Train view's slice of the one store: the run as the worker last reported it, and its settings.
//
// One loss history. The lesson's training is one sequence of weight updates, whichever view makes them: the Train
// view's run (epochs of the data set) or the step view's Next iteration (one update on the step's own sample or
// batch). The store records each update's loss once: the run's epochs and the iterations already handed to the
// run are in `training.history`; the step view's iterations since the last hand-over are `lossHistory` (the
// history's tail). Every figure is a selector over the two (selectLossRecords and those built on it). The views
// hand the weights over when the student switches: the step view takes the run's weights when the run has moved
// (its iteration becomes the run's update count + 1, the tail starts empty), and the run takes the step view's
// weights when it has taken iterations (the tail moves into the history, the update count goes on from there).
//
// Undo and redo. Every undo snapshot holds the view and this slice as they were (a RunMark): each was a state in
// which the lesson, the history and the run agreed, so undo and redo bring the three back together and ask the
// worker to go on from the run's snapshot exactly (`restore`, numbered by `sync`; messages the worker sent before
// it are dropped). Undoing a hand-over to the step view goes back to the Train view where the run stood.

/** Which view of the lesson is on screen: one step quantity by quantity, or training over a data set. */
export type View = 'step' | 'train';

/** Why a run stopped by itself, and where (for a non-finite value or weights past the format's limit). */
export interface TrainStop {
  reason: StopReason;
  failure?: NonNullable<Extract<WorkerToPage, { type: 'stopped' }>['failure']>;
}

/** A sample of the run's split, by set and index. */
export interface PickedSample {
  set: 'train' | 'validation';
  index: number;
}

/**
 * A record of the one loss history: a completed epoch of the run, or (`iteration`) one Next iteration of the step
 * view handed to the run (its trainLoss the step's loss E, no accuracy). `steps`: updates made when it ended.
 */
export type LossRecord = EpochStats & { iteration?: true };

export interface TrainingState {
  /**
   * Every completed epoch since Reset training and every step-view iteration handed to the run, in order (never
   * decimated).
   */
  history: LossRecord[];
  /** The run as last reported (weights, epoch, position, next sample); null before the worker has answered. */
  snapshot: TrainSnapshot | null;
  running: boolean;
  /** The last stop the worker reported (null while running or before any). */
  stop: TrainStop | null;
  settings: TrainSettings;
  /** η of the run and the epoch from which each value applies (the first at epoch 0). */
  rates: { epoch: number; learningRate: number }[];
  /** The sample picked for "Open this sample's step" (a training or validation one), or null: the next one. */
  picked: PickedSample | null;
  /** Restores of the run asked of the worker (undo, redo); a message from the worker with another count is stale. */
  sync: number;
  /** The student left for the step view while the run was going: the step view takes its weights once it pauses. */
  handOver: boolean;
}

/** What an undo snapshot keeps of the training: the view and the slice (the history and the run's snapshot). */
export interface RunMark {
  view: View;
  training: TrainingState;
}

/** The view and training an undo snapshot brings back, and the worker told to go on from there (a new sync). */
export function restoredRun(mark: RunMark | undefined, now: LessonState): Partial<LessonState> {
  if (!mark) return {};
  if (mark.training === now.training) return { view: mark.view };
  const training = { ...mark.training, running: false, handOver: false, sync: now.training.sync + 1 };
  return { view: mark.view, training };
}

/** Whether the run has moved from where a fresh one starts (an epoch, a sample or an iteration behind it). */
export function runMoved(training: TrainingState): boolean {
  const snap = training.snapshot;
  return training.history.length > 0 || (snap !== null && (snap.epoch > 0 || snap.position > 0));
}

/**
 * The run started again from `lesson` (Reset lesson): epoch 0, an empty history, the lesson's η, batch size and
 * seed, the other settings (stop condition, speed) as they are.
 */
export function freshTraining(lesson: Lesson, now: TrainingState): TrainingState {
  const { learningRate, batchSize, seed } = lessonTrainSettings(lesson);
  return {
    ...initialTraining(lesson),
    settings: { ...now.settings, learningRate, batchSize, seed },
    sync: now.sync,
  };
}

export interface TrainingActions {
  setView(view: View): void;
  /** Applies a message from the worker (progress or a stop). */
  receiveTraining(message: WorkerToPage): void;
  /** Empties the run (after Reset training or a new load) with these settings. */
  resetTraining(settings: TrainSettings): void;
  /** Changes settings; a new η is recorded with the epoch it applies from. */
  setTrainSettings(settings: Partial<TrainSettings>): void;
  pickSample(picked: PickedSample | null): void;
  /**
   * Opens one training sample's full step in the step view with the run's current weights (undoably, through the
   * gate); returns whether the gate accepted it.
   */
  openSampleStep(sample: Sample): boolean;
  /** Replaces the lesson (another data set, the network fitted to it) undoably, if the gate accepts it. */
  adoptLesson(candidate: Lesson): boolean;
  /**
   * Hands the step view's iterations to the run: moves them (lossHistory) into the history and returns the weights
   * and update count the run must go on from; null when there is nothing to hand over (no run, or no iteration).
   */
  handToRun(): { weights: number[][][]; biases: number[][]; steps: number } | null;
  /** The message that brings the worker to the run the store holds after an undo or redo (see RunMark). */
  restoreMessage(): Extract<PageToWorker, { type: 'restore' }>;
}

export { DEFAULT_TRAIN_SETTINGS };

/** Settings a lesson opens the Train view with: its η, batch size and seed, 300 epochs as fast as possible. */
export function lessonTrainSettings(lesson: Lesson): TrainSettings {
  return {
    ...DEFAULT_TRAIN_SETTINGS,
    batchSize: lesson.batchSize ?? 1,
    learningRate: lesson.learningRate,
    seed: lesson.seed ?? 1,
  };
}

export function initialTraining(lesson: Lesson): TrainingState {
  const settings = lessonTrainSettings(lesson);
  return {
    history: [],
    snapshot: null,
    running: false,
    stop: null,
    settings,
    rates: [{ epoch: 0, learningRate: settings.learningRate }],
    picked: null,
    sync: 0,
    handOver: false,
  };
}

type Set = (partial: Partial<LessonState>) => void;
type Get = () => LessonState;

/**
 * The slice's actions; `remember` records the state for undo before the lesson changes (with `run` in place of the
 * view and training as they are).
 */
export function trainingActions(set: Set, get: Get, remember: (run?: RunMark) => void): TrainingActions {
  const update = (patch: Partial<TrainingState>) => set({ training: { ...get().training, ...patch } });
  /**
   * The step view takes the run's weights (undoably, through the gate) when the run has moved since the lesson
   * last had them, or when a sample's step is opened (`sample`: the lesson's sample becomes it, batch size 1). The
   * iteration becomes the run's update count + 1 and the tail of the history starts empty.
   */
  const takeRun = (sample: Sample | null): boolean => {
    const { lesson, training } = get();
    const snap = training.snapshot;
    if (sample === null && (!snap || snap.steps === iterationOf(get()) - 1)) return false;
    const gated = gateLesson({
      ...lesson,
      weights: snap?.weights ?? lesson.weights,
      biases: snap?.biases ?? lesson.biases,
      learningRate: training.settings.learningRate,
      ...(sample ? { sample, batchSize: 1 } : {}),
    });
    if (!gated.ok) return false;
    // undo comes back to the Train view with the run as it stands
    remember({ view: 'train', training: { ...training, handOver: false } });
    set({
      lesson: gated.lesson,
      ...(snap ? { priorUpdates: snap.steps, lossHistory: [] } : {}),
      training: { ...training, handOver: false },
      view: 'step',
      cursor: 0,
      ...FRESH_VIEW,
    });
    return true;
  };
  return {
    setView: (view) => {
      const { training } = get();
      // a running run is paused first (the Train view's hook sees the flag); the step view takes it once paused
      if (view === 'step' && training.running) {
        set({ view, playing: false, training: { ...training, handOver: true } });
        return;
      }
      if (view === 'step' && get().view !== 'step' && takeRun(null)) return;
      set({ view, playing: false, training: { ...get().training, handOver: false } });
    },
    receiveTraining: (m) => {
      const tr = get().training;
      if ((m.sync ?? 0) !== tr.sync) return;
      const history = m.epochs.length > 0 ? tr.history.concat(m.epochs) : tr.history;
      if (m.type === 'progress') {
        update({
          history,
          snapshot: m.snapshot,
          running: m.snapshot.running,
          stop: m.snapshot.running ? null : tr.stop,
        });
      } else {
        update({
          history,
          snapshot: m.snapshot,
          running: false,
          stop: { reason: m.reason, failure: m.failure },
        });
      }
      const now = get();
      if (now.training.handOver && !now.training.running && now.view === 'step' && !takeRun(null))
        update({ handOver: false });
    },
    resetTraining: (settings) =>
      set({
        training: {
          ...initialTraining(get().lesson),
          settings,
          rates: [{ epoch: 0, learningRate: settings.learningRate }],
          sync: get().training.sync,
        },
      }),
    setTrainSettings: (patch) => {
      const tr = get().training;
      const settings = { ...tr.settings, ...patch };
      let rates = tr.rates;
      if (patch.learningRate !== undefined && patch.learningRate !== tr.settings.learningRate) {
        const epoch = tr.snapshot?.epoch ?? 0;
        rates = [...rates.filter((r) => r.epoch < epoch), { epoch, learningRate: patch.learningRate }];
      }
      update({ settings, rates });
    },
    pickSample: (picked) => update({ picked }),
    adoptLesson: (candidate) => {
      const gated = gateLesson(candidate);
      if (!gated.ok) return false;
      remember();
      set({ lesson: gated.lesson, cursor: 0, jumpStack: [], selectedEdge: null, playing: false });
      return true;
    },
    openSampleStep: (sample) => takeRun(sample),
    handToRun: () => {
      const { training, lossHistory, lesson } = get();
      const iteration = iterationOf(get());
      const snap = training.snapshot;
      if (!snap || lossHistory.length === 0) return null;
      const first = iteration - lossHistory.length;
      const moved: LossRecord[] = lossHistory.map((loss, j) => ({
        epoch: snap.epoch,
        trainLoss: loss,
        trainAccuracy: NaN,
        learningRate: lesson.learningRate,
        steps: first + j,
        iteration: true,
      }));
      const steps = iteration - 1;
      set({
        priorUpdates: steps,
        lossHistory: [],
        training: {
          ...training,
          history: training.history.concat(moved),
          snapshot: { ...snap, steps, weights: lesson.weights, biases: lesson.biases },
        },
      });
      return { weights: lesson.weights, biases: lesson.biases, steps };
    },
    restoreMessage: () => {
      const { snapshot, sync, settings } = get().training;
      if (snapshot) return { type: 'restore', snapshot, sync };
      // no snapshot: the run starts again at epoch 0 from the lesson's weights (Reset lesson, or an early undo)
      const fresh = { network: networkOf(get().lesson), settings, steps: iterationOf(get()) - 1 };
      return { type: 'restore', snapshot, sync, fresh };
    },
  };
}
