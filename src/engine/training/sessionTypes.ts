import type { Conventions, Lesson, NonFiniteCondition } from '../types';
import type { EpochStats } from './train';

// The types of a resumable training session (session.ts): what it trains, its options, stops, failures and
// snapshots.

/** What a session trains: a lesson's network, loss, η, weights and biases (and whether biases stay fixed). */
export type SessionNetwork = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases'
> & { conventions?: Pick<Conventions, 'fixedBiases'> };

export interface SessionOptions {
  /** Samples per update m (1 = SGD, ≥ n = full batch); default 1. */
  batchSize?: number;
  /** η; default the network's. */
  learningRate?: number;
  /** Seed of the per-epoch shuffle; default 0. */
  seed?: number;
  /** Shuffle the training samples at the start of every epoch (default true). */
  shuffle?: boolean;
  /** Generate the SGD step as straight-line code where possible (default true; false = the loop version). */
  codegen?: boolean;
  /** Weight updates already behind the network's weights (the step count starts there, and again on reset). */
  steps?: number;
}

/** When a run stops by itself: after a number of completed epochs, or once an epoch's training loss is below a value. */
export type SessionStop = { kind: 'epochs'; epochs: number } | { kind: 'loss'; below: number };

/** A change of η or batch size, and where in training it was made. */
export interface SettingChange {
  /** Completed epochs when the change was made. */
  epoch: number;
  /** Position within the epoch (samples done). */
  position: number;
  learningRate?: number;
  batchSize?: number;
}

/** Why training stopped on a bad step: a non-finite value, or a weight or bias past the lesson format's limit. */
export interface TrainingFailure {
  reason: 'nonFinite' | 'limit';
  /** The epoch (from 1) the failing update belonged to. */
  epoch: number;
  /** Index into the training split of the sample whose update failed (for a mini-batch: its first sample). */
  sample: number;
  /** The quantity that went non-finite, from the recording path, where it names one. */
  condition?: NonFiniteCondition;
}

export interface RunResult {
  /** Samples processed. */
  samples: number;
  /** Epochs completed during this run, in order. */
  epochs: EpochStats[];
  /** Why the run ended before its sample budget: a stop condition met, or a failure (null: budget used up). */
  stop: { reason: 'done' | 'lossReached' } | TrainingFailure | null;
}

/** Where training stands. */
export interface SessionSnapshot {
  /** Completed epochs. */
  epoch: number;
  /** Samples done in the current epoch; the next sample is nextSample. */
  position: number;
  /** Index into the training split of the sample the next step uses. */
  nextSample: number;
  /** Weight updates made since the start (or reset). */
  steps: number;
  weights: number[][][];
  biases: number[][];
  /** The rest of where training stands, so that `resume` goes on from this snapshot exactly. */
  progress: SessionProgress;
}

/** Where training stands besides the epoch, position, update count and weights (see SessionSnapshot). */
export interface SessionProgress {
  /** Position at which the batch in progress started, and its size m. */
  batchStart: number;
  batchSize: number;
  /** Σ E and correct predictions of the epoch so far, and both when the batch in progress started. */
  lossSum: number;
  correct: number;
  batchLoss: number;
  batchCorrect: number;
  /** η and the batch size setting. */
  learningRate: number;
  batchSetting: number;
  /** Training loss of the last completed epoch (for a loss stop condition), if any. */
  lastTrainLoss?: number;
  /** Gradients summed over the batch in progress, row-major per layer (absent at a batch boundary: zero). */
  gradients?: { weights: number[][]; biases: number[][] };
}
