/**
 * The rules of the layer-granularity steps (matrix form, BP1–BP4): each reads and writes whole vectors and
 * matrices of layer l, in the order the convention writes them (column: W a; row: a W).
 */
import { scopeId, vid } from '../engine';
import { range } from './collections';
import { outputDeltaForm, slotIds, templates, transpose, weightGrid, type NetShape } from './shape';
import { incomingLayer, nodesOf, outgoingLayer } from './highlight';
import {
  all,
  biasIf,
  deltaWrites,
  fPrimeReads,
  gradReads,
  inputs,
  trainedIf,
  unique,
  type KindRule,
} from './ruleReads';
import type { LayerKind, ValueId } from './types';

/** BP1's reads: the forms of δ^L's, as vectors. */
function layerOutputDeltaReads(s: NetShape): ValueId[] {
  const { L } = s;
  const outs = all(s, L);
  const a = outs.map((j) => vid.a(L, j));
  const t = outs.map((j) => vid.t(j));
  const grads = outs.flatMap((j) => gradReads(s, j));
  switch (outputDeltaForm(s.acts[L], s.loss)) {
    case 'aMinusT':
      return [...a, ...t];
    case 'tTimesAMinusOne':
      return [...t, ...a];
    case 'jacobian': // a ⊙ (∇_a E − (∇_a E · a) 1)
      return unique([...a, ...grads]);
    case 'chain':
      return unique([...grads, ...outs.flatMap((j) => fPrimeReads(s, L, j))]);
  }
}

/** The entries of layer l's weight matrix of `id` (w, ∂E/∂w, w after the update), row by row. */
const matrix = (s: NetShape, l: number, id: (l: number, j: number, k: number) => ValueId): ValueId[] =>
  weightGrid(s, l, (j, k) => id(l, j, k)).flat();
/** The entries of layer l's vector of `id`. */
const vector = (s: NetShape, l: number, id: (l: number, j: number) => ValueId): ValueId[] =>
  all(s, l).map((j) => id(l, j));
/** What layer l's gradients write: ∂E/∂W^l, then ∂E/∂b^l when the biases are trained. */
const layerGradientWrites = (s: NetShape, l: number): ValueId[] => [
  ...matrix(s, l, vid.dW),
  ...trainedIf(s, ...vector(s, l, vid.db)),
];

export const LAYER_RULES: Record<LayerKind, KindRule> = {
  layerForward: {
    phase: 'forward',
    id: (l) => `forward/layer/${l}`,
    neurons: all,
    reads: (s, l) => {
      const W = matrix(s, l, vid.w);
      const a = inputs(s, l);
      return [...(s.vectors === 'row' ? [...a, ...W] : [...W, ...a]), ...biasIf(s, ...vector(s, l, vid.b))];
    },
    writes: (s, l) => [...vector(s, l, vid.z), ...vector(s, l, vid.a)],
    lit: incomingLayer,
  },
  layerLoss: {
    phase: 'loss',
    id: () => 'loss/layer',
    neurons: all,
    reads: (s) => all(s, s.L).flatMap((j) => slotIds(templates.lossTerm(s.loss), s.L, j)),
    writes: (s) => [...all(s, s.L).map(vid.e), vid.E],
    lit: (s) => nodesOf(s.L, all(s, s.L)),
  },
  layerOutputDelta: {
    phase: 'backward',
    id: (l) => `backward/layer/${l}`,
    neurons: all,
    reads: (s) => layerOutputDeltaReads(s),
    writes: (s) => deltaWrites(s, s.L, all(s, s.L)),
    lit: (s) => nodesOf(s.L, all(s, s.L)),
  },
  layerHiddenDelta: {
    phase: 'backward',
    id: (l) => `backward/layer/${l}`,
    neurons: all,
    reads: (s, l) => {
      const Wt = transpose(weightGrid(s, l + 1, (i, j) => vid.w(l + 1, i, j))).flat();
      const d = vector(s, l + 1, vid.d);
      const fp = all(s, l).flatMap((j) => fPrimeReads(s, l, j));
      return [...(s.vectors === 'row' ? [...d, ...Wt] : [...Wt, ...d]), ...fp];
    },
    writes: (s, l) => deltaWrites(s, l, all(s, l)),
    lit: outgoingLayer,
  },
  layerGradients: {
    phase: 'gradient',
    id: (l) => `gradient/layer/${l}`,
    neurons: all,
    reads: (s, l) => {
      const d = vector(s, l, vid.d);
      return s.vectors === 'row' ? [...inputs(s, l), ...d] : [...d, ...inputs(s, l)];
    },
    writes: layerGradientWrites,
    lit: incomingLayer,
  },
  layerUpdate: {
    phase: 'update',
    id: (l) => `update/layer/${l}`,
    neurons: all,
    reads: (s, l) => [
      ...matrix(s, l, vid.w),
      vid.eta,
      ...matrix(s, l, vid.dW),
      ...trainedIf(s, ...vector(s, l, vid.b), ...vector(s, l, vid.db)),
    ],
    writes: (s, l) => [...matrix(s, l, vid.wNew), ...trainedIf(s, ...vector(s, l, vid.bNew))],
    lit: incomingLayer,
  },
  layerMeanGradients: {
    phase: 'gradient',
    id: (l) => `gradient/mean/layer/${l}`,
    neurons: all,
    reads: (s, l) => [
      ...range(s.m).flatMap((x) => matrix(s, l, (p, j, k) => scopeId(vid.dW(p, j, k), x))),
      ...trainedIf(s, ...range(s.m).flatMap((x) => vector(s, l, (p, j) => scopeId(vid.db(p, j), x)))),
    ],
    writes: layerGradientWrites,
    lit: incomingLayer,
  },
};
