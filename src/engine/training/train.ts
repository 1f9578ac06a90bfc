import {
  accumulate,
  allFinite,
  applyAccumulated,
  compileNet,
  exportNet,
  forward,
  sgdStep,
  type FastNet,
} from './fastNet';
import { compileStep, type CompiledStep } from './fastCodegen';
import { assertFinite, assertFiniteMatrix, NonFiniteError } from '../finite';
import { createRng, shuffled } from '../rng';
import { computeTrace, trainsBiases, type StepInput } from '../trace';
import type { ActivationName, Conventions, Lesson, NonFiniteCondition, Sample } from '../types';
import { LOSSES } from '../losses';

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

type TrainLesson = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases' | 'seed' | 'batchSize'
> & { conventions?: Pick<Conventions, 'fixedBiases'> };

/** Whether output a counts as the right class for target t: arg-max for several outputs, within 0.5 for one. */
export function isCorrect(a: ArrayLike<number>, t: ArrayLike<number>): boolean {
  if (a.length === 1) return Math.abs(a[0] - t[0]) < 0.5;
  return argMax(a) === argMax(t);
}

function argMax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

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

/** One epoch on the fast path, in the order `perm`; stops early at a non-finite loss. */
function fastEpoch(
  net: FastNet,
  X: Float64Array[],
  T: Float64Array[],
  labels: number[],
  perm: number[],
  m: number,
  eta: number,
): { lossSum: number; correct: number; failed: boolean; steps: number } {
  const out = net.a[net.sizes.length - 1];
  const n = perm.length;
  let lossSum = 0;
  let correct = 0;
  let steps = 0;
  for (let i = 0; i < n; i += m) {
    const end = Math.min(i + m, n);
    for (let s = i; s < end; s++) {
      const p = perm[s];
      const t = T[p];
      const e = m === 1 ? sgdStep(net, X[p], t, eta) : accumulate(net, X[p], t);
      if (!Number.isFinite(e)) return { lossSum, correct, failed: true, steps };
      lossSum += e;
      const label = labels[p];
      if (label === -1 ? Math.abs(out[0] - t[0]) < 0.5 : argMax(out) === label) correct++;
    }
    if (m > 1) applyAccumulated(net, eta, end - i);
    steps++;
  }
  return { lossSum, correct, failed: false, steps };
}

/** One SGD epoch with a generated step (see compileStep); stops early at a non-finite loss. */
function compiledEpoch(
  step: CompiledStep,
  stats: Float64Array,
  X: Float64Array[],
  T: Float64Array[],
  labels: number[],
  perm: number[],
  eta: number,
): { lossSum: number; correct: number; failed: boolean; steps: number } {
  stats[0] = 0;
  let lossSum = 0;
  for (let s = 0; s < perm.length; s++) {
    const p = perm[s];
    const e = step(X[p], T[p], labels[p], eta);
    if (!Number.isFinite(e)) return { lossSum, correct: stats[0], failed: true, steps: s + 1 };
    lossSum += e;
  }
  return { lossSum, correct: stats[0], failed: false, steps: perm.length };
}

/**
 * Mean loss and accuracy of the network on samples, without changing it. Squared losses are summed as the fast path
 * sums them (c_E Σ(t − a)²), other losses from their records.
 */
export function evaluate(net: FastNet, samples: Sample[]): { loss: number; accuracy: number } {
  const L = net.sizes.length - 1;
  const act = net.acts[L];
  const lossRec = LOSSES[net.loss];
  const scales = act === 'softmax' ? null : net.squared;
  let loss = 0;
  let correct = 0;
  for (const s of samples) {
    const a = forward(net, s.input);
    const t = s.target;
    if (scales) {
      let e = 0;
      for (let j = 0; j < a.length; j++) {
        const r = t[j] - a[j];
        e += r * r;
      }
      loss += scales[0] * e;
    } else {
      const terms = lossRec.terms(Array.from(a), t, Array.from(net.z[L]), act);
      loss += terms.reduce((x, y) => x + y, 0);
    }
    if (isCorrect(a, t)) correct++;
  }
  return { loss: loss / samples.length, accuracy: correct / samples.length };
}

/**
 * One epoch on the recording path: every sample traced with traceStep, gradients averaged over each batch.
 * Stops at the first non-finite value with its condition (step = the update it happened in, from 1).
 */
function traceEpoch(
  lesson: TrainLesson,
  start: { weights: number[][][]; biases: number[][] },
  order: Sample[],
  m: number,
): {
  params: typeof start;
  lossSum: number;
  correct: number;
  steps: number;
  condition: NonFiniteCondition | null;
} {
  let params = start;
  let lossSum = 0;
  let correct = 0;
  let steps = 0;
  const L = lesson.layers.length - 1;
  for (let i = 0; i < order.length; i += m) {
    const batch = order.slice(i, i + m);
    try {
      const traces = batch.map((sample) => computeTrace({ ...lesson, ...params, sample } as StepInput));
      const k = traces.length;
      const eta = lesson.learningRate;
      const averaged = k === 1 ? traces[0].updated : null;
      const weights = averaged
        ? averaged.weights
        : params.weights.map((W, l) =>
            W.map((row, j) =>
              row.map((w, c) => w - (eta / k) * traces.reduce((s, tr) => s + tr.layers[l + 1].dW[j][c], 0)),
            ),
          );
      const biases = averaged
        ? averaged.biases
        : params.biases.map((b, l) =>
            trainsBiases(lesson as StepInput)
              ? b.map((v, j) => v - (eta / k) * traces.reduce((s, tr) => s + tr.layers[l + 1].db[j], 0))
              : b,
          );
      if (!averaged) weights.forEach((W, l) => assertFiniteMatrix(W, 'weight', l + 1));
      if (!averaged) biases.forEach((b, l) => assertFinite(b, 'bias', l + 1));
      traces.forEach((tr, s) => {
        lossSum += tr.loss;
        if (isCorrect(tr.layers[L].a, batch[s].target)) correct++;
      });
      params = { weights, biases };
      steps++;
    } catch (e) {
      if (e instanceof NonFiniteError)
        return { params, lossSum, correct, steps, condition: { ...e.condition, step: steps + 1 } };
      throw e;
    }
  }
  return { params, lossSum, correct, steps, condition: null };
}
