/** What the timeline needs to know of a lesson: sizes, activations f_l, the loss and the vector style. */
import { ACTIVATIONS, LOSSES, trainsBiases } from '../engine';
import type { ActivationName, Lesson, LossName, VectorStyle } from '../engine';
import { vid } from '../engine';
import { range } from './collections';
import type { ValueId } from './types';

export interface NetShape {
  /** n_l, the neuron count of every layer (0 = input). */
  sizes: number[];
  /** L, the output layer. */
  L: number;
  useBias: boolean;
  /** Whether biases are updated (they have gradients): biases and not `conventions.fixedBiases`. */
  trainsBias: boolean;
  /** m, the samples of the mini-batch the step averages over (1: one sample). */
  m: number;
  /** f_l per layer (acts[0] unused). */
  acts: ActivationName[];
  loss: LossName;
  vectors: VectorStyle;
}

/** The shape of the lesson's network; `m` is the batch the step averages over (1 unless told). */
export function shapeOf(lesson: Lesson, m = 1): NetShape {
  return {
    sizes: lesson.layers.map((s) => s.size),
    L: lesson.layers.length - 1,
    useBias: lesson.useBias,
    trainsBias: trainsBiases(lesson),
    m,
    acts: lesson.layers.map((s) => s.activation ?? 'identity'),
    loss: lesson.loss,
    vectors: lesson.conventions.vectors,
  };
}

/**
 * How δ^L is written: `aMinusT` (sigmoid + BCE, softmax + CCE: δ = a − t), `tTimesAMinusOne` (sigmoid + CCE:
 * δ = t(a − 1)), `jacobian` (softmax with another loss: δ_j = a_j(∂E/∂a_j − Σ_i ∂E/∂a_i a_i)), or `chain`
 * (δ = ∂E/∂a · f′(z)).
 */
export type OutputDeltaForm = 'aMinusT' | 'tTimesAMinusOne' | 'jacobian' | 'chain';

export function outputDeltaForm(act: ActivationName, loss: LossName): OutputDeltaForm {
  if ((act === 'sigmoid' && loss === 'bce') || (act === 'softmax' && loss === 'cce')) return 'aMinusT';
  if (act === 'sigmoid' && loss === 'cce') return 'tTimesAMinusOne';
  return act === 'softmax' ? 'jacobian' : 'chain';
}

export const isSoftmax = (s: NetShape, l: number): boolean => ACTIVATIONS[s.acts[l]].vectorValued;

/** Markers standing for z, a, t and n when the engine's TeX templates are filled in. */
export const SLOT = { z: '\uE000', a: '\uE001', t: '\uE002', n: '\uE003' } as const;
export type SlotName = keyof typeof SLOT;

/** The slots a template uses, in order of first appearance. */
export function slotOrder(template: string): SlotName[] {
  return (Object.keys(SLOT) as SlotName[])
    .map((name) => [name, template.indexOf(SLOT[name])] as const)
    .filter(([, at]) => at >= 0)
    .sort((p, q) => p[1] - q[1])
    .map(([name]) => name);
}

/** TeX templates of f′ (z, a slots), the loss term e_j (t, a, n) and ∂E/∂a (t, a, n). */
export const templates = {
  fPrime: (act: ActivationName) => ACTIVATIONS[act].fPrimeTex(SLOT.z, SLOT.a),
  lossTerm: (loss: LossName) => LOSSES[loss].termTex(SLOT.t, SLOT.a, SLOT.n),
  lossGrad: (loss: LossName) => LOSSES[loss].gradTex(SLOT.t, SLOT.a, SLOT.n),
};

/** The value ids a template reads for neuron j of layer l (t is the target, n a constant). */
export function slotIds(template: string, l: number, j: number): ValueId[] {
  const out: ValueId[] = [];
  for (const name of slotOrder(template)) {
    if (name === 'z') out.push(vid.z(l, j));
    else if (name === 'a') out.push(vid.a(l, j));
    else if (name === 't') out.push(vid.t(j));
  }
  return out;
}

/**
 * The weight matrix of layer l as displayed, as a grid of ids from `idOf(j, k)`: column vectors show W
 * (row j, column k); row vectors show its transpose (row k, column j), as in h′ = x W.
 */
export function weightGrid(s: NetShape, l: number, idOf: (j: number, k: number) => ValueId): ValueId[][] {
  const rows = range(s.sizes[l]);
  const cols = range(s.sizes[l - 1]);
  return s.vectors === 'column'
    ? rows.map((j) => cols.map((k) => idOf(j, k)))
    : cols.map((k) => rows.map((j) => idOf(j, k)));
}

/** The transpose of a grid (BP2 shows (W^{l+1})ᵀ). */
export function transpose<T>(grid: T[][]): T[][] {
  return grid.length === 0 ? [] : grid[0].map((_, c) => grid.map((row) => row[c]));
}
