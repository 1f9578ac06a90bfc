import { computeTrace, trainsBiases, traceBatch, type StepInput } from './trace';
import { LOSSES } from './losses';
import { activateVector } from './activations';
import type { ActivationName, Sample, Trace } from './types';

/** One parameter's gradient two ways: backprop (analytic) and central differences (numeric). */
export interface GradientCheckEntry {
  kind: 'weight' | 'bias';
  /** Layer l the parameter leads into (1 … L). */
  layer: number;
  /** Neuron j of layer l. */
  neuron: number;
  /** Incoming neuron k (weights only). */
  from?: number;
  analytic: number;
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|), or 0 when both are 0. */
  relativeError: number;
}

/** The loss E of the lesson's sample for given weights and biases (forward pass only). */
export function lossAt(lesson: StepInput, weights: number[][][], biases: number[][]): number {
  const acts = lesson.layers.map((l) => l.activation ?? 'identity') as ActivationName[];
  let a = lesson.sample.input;
  let z = a;
  for (let l = 1; l < lesson.layers.length; l++) {
    const prev = a;
    z = weights[l - 1].map((row, j) =>
      row.reduce((s, w, k) => s + w * prev[k], lesson.useBias ? biases[l - 1][j] : 0),
    );
    a = activateVector(acts[l], z);
  }
  const L = lesson.layers.length - 1;
  return LOSSES[lesson.loss].terms(a, lesson.sample.target, z, acts[L]).reduce((s, v) => s + v, 0);
}

/** The batch loss E = (1/m) Σ_x E_x over `samples` for given weights and biases. */
export function batchLossAt(
  lesson: StepInput,
  samples: readonly Sample[],
  weights: number[][][],
  biases: number[][],
): number {
  let s = 0;
  for (const sample of samples) s += lossAt({ ...lesson, sample }, weights, biases);
  return s / samples.length;
}

/** One parameter: weight w^l_jk (`from` = k) or bias b^l_j (`from` = -1). */
export interface ParameterRef {
  /** Layer l the parameter leads into (1 … L). */
  layer: number;
  /** Neuron j of layer l. */
  neuron: number;
  /** Incoming neuron k, or -1 for the bias. */
  from: number;
}

/**
 * The loss E with one parameter changed to `value`, every other as in the lesson: a forward pass from the
 * parameter's layer on, starting from the trace's activations of the layer before (which the parameter does not
 * change). Costs one pass over the layers from l to L, not the whole network.
 */
function lossWith(lesson: StepInput, trace: Trace, p: ParameterRef, value: number): number {
  const acts = lesson.layers.map((l) => l.activation ?? 'identity') as ActivationName[];
  const L = lesson.layers.length - 1;
  const { layer: l, neuron: j, from: k } = p;
  const prev = trace.layers[l - 1].a;
  const row = lesson.weights[l - 1][j];
  let zj = lesson.useBias ? (k < 0 ? value : lesson.biases[l - 1][j]) : 0;
  for (let i = 0; i < row.length; i++) zj += (i === k ? value : row[i]) * prev[i];
  let z = trace.layers[l].z.slice();
  z[j] = zj;
  let a = activateVector(acts[l], z);
  for (let m = l + 1; m <= L; m++) {
    const before = a;
    z = lesson.weights[m - 1].map((w, i) =>
      w.reduce((s, wi, q) => s + wi * before[q], lesson.useBias ? lesson.biases[m - 1][i] : 0),
    );
    a = activateVector(acts[m], z);
  }
  return LOSSES[lesson.loss].terms(a, lesson.sample.target, z, acts[L]).reduce((s, v) => s + v, 0);
}

/**
 * One parameter's backprop gradient (from `trace`, the trace of `lesson`) beside its central difference
 * (E(θ + h) − E(θ − h)) / 2h, h = step·max(1, |θ|): two forward passes from the parameter's layer on, so a
 * check costs what the parameter's place in the network costs, whatever the size of the rest.
 */
export function checkParameter(
  lesson: StepInput,
  trace: Trace,
  p: ParameterRef,
  step = 1e-6,
): GradientCheckEntry {
  const bias = p.from < 0;
  const v0 = bias ? lesson.biases[p.layer - 1][p.neuron] : lesson.weights[p.layer - 1][p.neuron][p.from];
  const h = step * Math.max(1, Math.abs(v0));
  const numeric = (lossWith(lesson, trace, p, v0 + h) - lossWith(lesson, trace, p, v0 - h)) / (2 * h);
  const layer = trace.layers[p.layer];
  return bias
    ? entry('bias', p.layer, p.neuron, layer.db[p.neuron], numeric)
    : entry('weight', p.layer, p.neuron, layer.dW[p.neuron][p.from], numeric, p.from);
}

/**
 * Compares every weight's and bias's backprop gradient with the central difference
 * (E(θ + h) − E(θ − h)) / 2h, h = step·max(1, |θ|). With `batch`, the gradient is the batch mean and E the batch
 * loss (1/m) Σ_x E_x. Fixed biases have no gradient and are left out.
 */
export function gradientCheck(
  lesson: StepInput,
  step = 1e-6,
  batch?: readonly Sample[],
): GradientCheckEntry[] {
  let dW: number[][][];
  let db: number[][];
  if (batch) {
    const r = traceBatch(lesson, batch.slice());
    if (!r.ok || !r.trace.batch) return [];
    ({ dW, db } = r.trace.batch);
  } else {
    const trace = computeTrace(lesson);
    dW = trace.layers.slice(1).map((t) => t.dW);
    db = trace.layers.slice(1).map((t) => t.db);
  }
  const E = (W: number[][][], b: number[][]) =>
    batch ? batchLossAt(lesson, batch, W, b) : lossAt(lesson, W, b);
  const entries: GradientCheckEntry[] = [];
  const numeric = (get: () => number, set: (v: number) => void): number => {
    const v0 = get();
    const h = step * Math.max(1, Math.abs(v0));
    set(v0 + h);
    const up = E(weights, biases);
    set(v0 - h);
    const down = E(weights, biases);
    set(v0);
    return (up - down) / (2 * h);
  };
  const weights = lesson.weights.map((W) => W.map((row) => row.slice()));
  const biases = lesson.biases.map((b) => b.slice());
  for (let l = 1; l < lesson.layers.length; l++) {
    const W = weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      for (let k = 0; k < W[j].length; k++) {
        const num = numeric(
          () => W[j][k],
          (v) => (W[j][k] = v),
        );
        entries.push(entry('weight', l, j, dW[l - 1][j][k], num, k));
      }
      if (trainsBiases(lesson)) {
        const b = biases[l - 1];
        const num = numeric(
          () => b[j],
          (v) => (b[j] = v),
        );
        entries.push(entry('bias', l, j, db[l - 1][j], num));
      }
    }
  }
  return entries;
}

function entry(
  kind: 'weight' | 'bias',
  layer: number,
  neuron: number,
  analytic: number,
  numeric: number,
  from?: number,
): GradientCheckEntry {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  const e: GradientCheckEntry = {
    kind,
    layer,
    neuron,
    analytic,
    numeric,
    relativeError: scale === 0 ? 0 : Math.abs(analytic - numeric) / scale,
  };
  if (from !== undefined) e.from = from;
  return e;
}
