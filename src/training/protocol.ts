/**
 * Messages between the page and the training worker. The worker owns the running weights while it trains;
 * the page owns the lesson. Progress reaches the page at most once per animation frame, never per step.
 */
import type { DatasetSpec, EpochStats, Lesson, NonFiniteCondition, Sample } from '../engine';
import type { SessionSnapshot } from '../engine/training';

/** What the worker needs of a lesson: its network, loss, η, weights and biases. */
export type TrainNetwork = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases' | 'conventions'
>;

/** What the worker needs of a lesson. */
export function networkOf(lesson: Lesson): TrainNetwork {
  const { layers, loss, learningRate, useBias, weights, biases, conventions } = lesson;
  return { layers, loss, learningRate, useBias, weights, biases, conventions };
}

/** A run started again at epoch 0 (Reset lesson): these weights, these settings, `steps` updates behind them. */
export interface FreshRun {
  network: TrainNetwork;
  settings: TrainSettings;
  steps: number;
}

/** Training and validation samples, already prepared (scaled, shuffled, split). */
export interface TrainSplit {
  train: Sample[];
  validation: Sample[];
}

/** When a run stops by itself. */
export type StopCondition = { kind: 'epochs'; epochs: number } | { kind: 'loss'; below: number };

export interface TrainSettings {
  /** Samples per update m: 1 = SGD, 1 < m < n = mini-batch (gradients averaged), ≥ n = full batch. */
  batchSize: number;
  /** η; may change while paused (the history records the epoch it changed at). */
  learningRate: number;
  /** Samples per second; Infinity = as fast as possible. */
  speed: number;
  stop: StopCondition;
  /** Seed of the per-epoch shuffle. */
  seed: number;
}

/** Settings of a run before a lesson gives its own: SGD, η = 0.2, 300 epochs as fast as possible, seed 1. */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  batchSize: 1,
  learningRate: 0.2,
  speed: Infinity,
  stop: { kind: 'epochs', epochs: 300 },
  seed: 1,
};

/**
 * The state of a run, as the page draws it: completed epochs, the position within the current one (the next sample
 * is split.train[nextSample]), the updates made, the weights, and the rest needed to resume from it exactly.
 */
export type TrainSnapshot = SessionSnapshot & { running: boolean };

export type PageToWorker =
  /** `steps`: weight updates already behind the network's weights (the run counts on from there; default 0). */
  | { type: 'load'; network: TrainNetwork; split: TrainSplit; settings: TrainSettings; steps?: number }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'oneEpoch' }
  | { type: 'oneSample' }
  | { type: 'settings'; settings: Partial<TrainSettings> }
  /** Back to the weights given at load, epoch 0, empty history. */
  | { type: 'reset' }
  /**
   * The step view took iterations on the run's weights: go on from these weights, with `steps` updates behind
   * them; the epoch, the position in it and the history stay. Pauses a run first.
   */
  | { type: 'adopt'; weights: number[][][]; biases: number[][]; steps: number }
  /**
   * Undo or redo brought back an earlier state of the run: pause, go on from this snapshot exactly (null: from the
   * weights given at load, or from `fresh` when given), and mark every message from now on with `sync` (the page
   * drops older ones).
   */
  | { type: 'restore'; snapshot: TrainSnapshot | null; sync: number; fresh?: FreshRun }
  /** The page is hidden: the worker goes on at a reduced rate (or resumes full rate when false). */
  | { type: 'background'; hidden: boolean }
  /**
   * While a run goes on, the page's mean interval between frames over its last ones (ms): a run as fast as possible
   * trains a share of the time that adapts to it, leaving the rest to the page (share.ts).
   */
  | { type: 'frames'; frameMs: number };

export type StopReason = 'paused' | 'done' | 'lossReached' | 'nonFinite' | 'limit';

export type WorkerToPage =
  /** New epochs since the last message (never dropped), and the current snapshot. */
  | { type: 'progress'; epochs: EpochStats[]; snapshot: TrainSnapshot; sync?: number }
  | {
      type: 'stopped';
      /** The last `restore` the worker had when it sent this (0 or absent: none). */
      sync?: number;
      reason: StopReason;
      epochs: EpochStats[];
      snapshot: TrainSnapshot;
      /** For nonFinite / limit: where it happened; weights in the snapshot are the last good ones. */
      failure?: { epoch: number; sample: number; condition?: NonFiniteCondition };
    };

export type { DatasetSpec };
