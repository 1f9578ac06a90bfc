/**
 * What every step rule is (`KindRule`) and the lists of value ids the neuron and layer rules share: a layer's
 * neurons, a neuron's inputs, the f′ and loss-gradient slots, the weight–vector pairs in the convention's order,
 * δ's writes and the gradients' writes.
 */
import { scopeId, vid } from '../engine';
import { range } from './collections';
import { isSoftmax, slotIds, templates, type NetShape } from './shape';
import type { Lit } from './highlight';
import type { Phase, ValueId } from './types';

export interface KindRule {
  phase: Phase;
  id: (l: number, j: number, k: number) => string;
  neurons: (s: NetShape, l: number, j: number) => readonly number[];
  /** Each id once, in the order of first appearance in the formula. */
  reads: (s: NetShape, l: number, j: number, k: number) => ValueId[];
  writes: (s: NetShape, l: number, j: number, k: number) => ValueId[];
  lit: (s: NetShape, l: number, j: number, k: number) => Lit;
}

/** The neurons of layer l. */
export const all = (s: NetShape, l: number) => range(s.sizes[l]);
/** Neuron j alone. */
export const one = (_s: NetShape, _l: number, j: number) => [j];

/** What layer l reads from layer l − 1: x or a^{l−1}. */
export const inputs = (s: NetShape, l: number) => all(s, l - 1).map((k) => vid.input(l, k));
export const fPrimeReads = (s: NetShape, l: number, j: number) => slotIds(templates.fPrime(s.acts[l]), l, j);
export const gradReads = (s: NetShape, j: number) => slotIds(templates.lossGrad(s.loss), s.L, j);
export const biasIf = <T>(s: NetShape, ...items: T[]): T[] => (s.useBias ? items : []);
/** Items about bias gradients and updates: only when biases are trained (not held fixed). */
export const trainedIf = <T>(s: NetShape, ...items: T[]): T[] => (s.trainsBias ? items : []);
/** The ids of samples 0 … m − 1 of a value (mean steps read one per sample). */
export const perSample = (s: NetShape, id: ValueId): ValueId[] => range(s.m).map((x) => scopeId(id, x));

/**
 * Pairs of a vector entry and a weight, in the order the convention writes them: w·a (column) or a·w (row),
 * for i = 0 … n − 1; then `tail`.
 */
export function pairs(
  s: NetShape,
  n: number,
  vector: (i: number) => ValueId,
  weight: (i: number) => ValueId,
  tail: ValueId[],
) {
  const out: ValueId[] = [];
  const row = s.vectors === 'row';
  for (let i = 0; i < n; i++) {
    if (row) out.push(vector(i), weight(i));
    else out.push(weight(i), vector(i));
  }
  for (const id of tail) out.push(id);
  return out;
}

/** What δ^l writes: ∂E/∂a^l_j, f′(z^l_j) (not for softmax) and δ^l_j. */
export const deltaWrites = (s: NetShape, l: number, js: readonly number[]): ValueId[] => [
  ...js.map((j) => vid.dA(l, j)),
  ...(isSoftmax(s, l) ? [] : js.map((j) => vid.fp(l, j))),
  ...js.map((j) => vid.d(l, j)),
];

/** What neuron j's gradients write: ∂E/∂w^l_jk for every k, then ∂E/∂b^l_j when the bias is trained. */
export const gradientWrites = (s: NetShape, l: number, j: number): ValueId[] => [
  ...all(s, l - 1).map((k) => vid.dW(l, j, k)),
  ...trainedIf(s, vid.db(l, j)),
];

/** Each id once, at its first appearance. */
export const unique = (ids: ValueId[]) => [...new Set(ids)];
