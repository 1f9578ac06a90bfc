import { accumulate, applyAccumulated, sgdStep, type FastNet } from './fastNet';
import type { CompiledStep } from './fastCodegen';
import { assertFinite, assertFiniteMatrix, NonFiniteError } from '../finite';
import { computeTrace, trainsBiases, type StepInput } from '../trace';
import type { NonFiniteCondition, Sample } from '../types';
import { argMax, isCorrect } from './evaluate';
import type { TrainLesson } from './train';

// One epoch of `train` on each of its paths: the fast loop, the generated SGD step, and the recording path.

/** One epoch on the fast path, in the order `perm`; stops early at a non-finite loss. */
export function fastEpoch(
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
export function compiledEpoch(
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
 * One epoch on the recording path: every sample traced with traceStep, gradients averaged over each batch.
 * Stops at the first non-finite value with its condition (step = the update it happened in, from 1).
 */
export function traceEpoch(
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
