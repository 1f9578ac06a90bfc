import { computeTrace, type StepInput } from './trace';
import { LOSSES } from './losses';
import { activateVector } from './activations';
import type { ActivationName } from './types';

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

/**
 * Compares every weight's and bias's backprop gradient with the central difference
 * (E(θ + h) − E(θ − h)) / 2h, h = step·max(1, |θ|).
 */
export function gradientCheck(lesson: StepInput, step = 1e-6): GradientCheckEntry[] {
  const trace = computeTrace(lesson);
  const entries: GradientCheckEntry[] = [];
  const numeric = (get: () => number, set: (v: number) => void): number => {
    const v0 = get();
    const h = step * Math.max(1, Math.abs(v0));
    set(v0 + h);
    const up = lossAt(lesson, weights, biases);
    set(v0 - h);
    const down = lossAt(lesson, weights, biases);
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
        entries.push(entry('weight', l, j, trace.layers[l].dW[j][k], num, k));
      }
      if (lesson.useBias) {
        const b = biases[l - 1];
        const num = numeric(
          () => b[j],
          (v) => (b[j] = v),
        );
        entries.push(entry('bias', l, j, trace.layers[l].db[j], num));
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
