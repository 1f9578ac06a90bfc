import { allFinite, compileNet, exportNet } from './fastNet';
import { compileStep } from './fastCodegen';
import { createRng, shuffled } from '../rng';
import type { ActivationName, Conventions, Lesson, NonFiniteCondition, Sample } from '../types';
import { argMax, evaluate } from './evaluate';
import { compiledEpoch, fastEpoch, traceEpoch } from './epochs';

// Gradient descent over a data set for a number of epochs (the paths of one epoch are in epochs.ts).

/** Training and (optional) validation samples. */
export interface TrainData {
  train: Sample[];
  validation?: Sample[];
}

export interface TrainOptions {
  epochs: number;
  /** Samples per update m: 1 = SGD, 1 < m < n = mini-batch (gradients averaged), ≥ n = full batch. */
  batchSize?: number;
  /** Seed of the per-epoch shuffle (default: the lesson's seed, else 0). */
  seed?: number;
  /** Shuffle the training samples at the start of every epoch (default true). */
  shuffle?: boolean;
  /** 'fast' keeps no per-step trace; 'trace' records every step with traceStep (slower, for checking). */
  mode?: 'fast' | 'trace';
}

/** Loss and accuracy after one epoch: training figures averaged over the epoch's steps, validation after it. */
export interface EpochStats {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss?: number;
  validationAccuracy?: number;
  /** η and batch size in effect when the epoch ended (set by a TrainingSession, where they can change). */
  learningRate?: number;
  batchSize?: number;
  /** Weight updates made when the epoch ended, counted from the lesson's first weights (set by a TrainingSession). */
  steps?: number;
}

export interface TrainResult {
  weights: number[][][];
  biases: number[][];
  history: EpochStats[];
  /** Weight updates made. */
  steps: number;
  /** Set when training stopped on a non-finite value; weights are then those before the failing step. */
  condition: NonFiniteCondition | null;
}

export type TrainLesson = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases' | 'seed' | 'batchSize'
> & { conventions?: Pick<Conventions, 'fixedBiases'> };

/** Gradient descent over a data set for a number of epochs: SGD, mini-batch or full batch. */
export function train(lesson: TrainLesson, data: TrainData, options: TrainOptions): TrainResult {
  const sizes = lesson.layers.map((l) => l.size);
  const acts = lesson.layers.map((l) => l.activation ?? 'identity') as ActivationName[];
  const n = data.train.length;
  const m = Math.max(1, Math.min(options.batchSize ?? lesson.batchSize ?? 1, n));
  const rng = createRng(options.seed ?? lesson.seed ?? 0);
  const eta = lesson.learningRate;
  const net = compileNet(
    sizes,
    acts,
    lesson.loss,
    lesson.useBias,
    lesson.weights,
    lesson.biases,
    lesson.conventions?.fixedBiases,
  );
  const X = data.train.map((s) => Float64Array.from(s.input));
  const T = data.train.map((s) => Float64Array.from(s.target));
  // the class of each target (arg-max), or −1 for a single output
  const labels = data.train.map((s) => (s.target.length === 1 ? -1 : argMax(s.target)));
  const indices = data.train.map((_, i) => i);
  const history: EpochStats[] = [];
  let steps = 0;
  // small networks with a squared loss get a step generated as straight-line code
  const hits = new Float64Array(1);
  const compiled = options.mode === 'trace' ? null : compileStep(net, hits);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const perm = options.shuffle === false ? indices : shuffled(indices, rng);
    // the weights at the start of the epoch, to replay it on the recording path if it fails
    const snapshot = { W: net.W.map((w) => w.slice()), b: net.b.map((b) => b.slice()) };
    const start = () => exportNet({ ...net, W: snapshot.W, b: snapshot.b });
    const stepsBefore = steps;
    let lossSum = 0;
    let correct = 0;
    let failed = false;
    if (options.mode === 'trace') {
      const r = traceEpoch(
        lesson,
        start(),
        perm.map((i) => data.train[i]),
        m,
      );
      if (r.condition) {
        return { ...r.params, history, steps: steps + r.steps, condition: { ...r.condition, epoch } };
      }
      net.W.forEach((w, l) => w.set(r.params.weights[l].flat()));
      net.b.forEach((b, l) => b.set(r.params.biases[l]));
      lossSum = r.lossSum;
      correct = r.correct;
      steps += r.steps;
    } else {
      const r =
        compiled && m === 1
          ? compiledEpoch(compiled, hits, X, T, labels, perm, eta)
          : fastEpoch(net, X, T, labels, perm, m, eta);
      lossSum = r.lossSum;
      correct = r.correct;
      failed = r.failed;
      steps += r.steps;
      if (failed || !allFinite(net)) {
        // Replay the epoch on the recording path to name the first non-finite quantity exactly.
        const r = traceEpoch(
          lesson,
          start(),
          perm.map((i) => data.train[i]),
          m,
        );
        const condition = r.condition ?? {
          kind: 'nonFinite',
          quantity: 'weight',
          layer: 1,
          neuron: 0,
          value: NaN,
        };
        return { ...r.params, history, steps: stepsBefore + r.steps, condition: { ...condition, epoch } };
      }
    }
    const stats: EpochStats = { epoch, trainLoss: lossSum / n, trainAccuracy: correct / n };
    if (data.validation && data.validation.length > 0) {
      const v = evaluate(net, data.validation);
      stats.validationLoss = v.loss;
      stats.validationAccuracy = v.accuracy;
    }
    history.push(stats);
  }
  return { ...exportNet(net), history, steps, condition: null };
}
