/**
 * One rule per step kind: its phase, id, the neurons it concerns, the values it reads (in formula order) and
 * writes, and what it lights up on the graph. `l` is the layer, `j` the neuron, `k` the incoming neuron (-1 for a
 * bias); layer kinds ignore j and k.
 */
import { scopeId, vid } from '../engine';
import { range } from './collections';
import {
  isSoftmax,
  outputDeltaForm,
  slotIds,
  templates,
  transpose,
  weightGrid,
  type NetShape,
} from './shape';
import { incoming, incomingLayer, nodesOf, outgoing, outgoingLayer, single, type Lit } from './highlight';
import type { Phase, StepKind, ValueId } from './types';

export interface KindRule {
  phase: Phase;
  id: (l: number, j: number, k: number) => string;
  neurons: (s: NetShape, l: number, j: number) => readonly number[];
  /** Each id once, in the order of first appearance in the formula. */
  reads: (s: NetShape, l: number, j: number, k: number) => ValueId[];
  writes: (s: NetShape, l: number, j: number, k: number) => ValueId[];
  lit: (s: NetShape, l: number, j: number, k: number) => Lit;
}

const all = (s: NetShape, l: number) => range(s.sizes[l]);
const one = (_s: NetShape, _l: number, j: number) => [j];

const inputs = (s: NetShape, l: number) => all(s, l - 1).map((k) => vid.input(l, k));
const fPrimeReads = (s: NetShape, l: number, j: number) => slotIds(templates.fPrime(s.acts[l]), l, j);
const gradReads = (s: NetShape, j: number) => slotIds(templates.lossGrad(s.loss), s.L, j);
const biasIf = <T>(s: NetShape, ...items: T[]): T[] => (s.useBias ? items : []);
/** Items about bias gradients and updates: only when biases are trained (not held fixed). */
const trainedIf = <T>(s: NetShape, ...items: T[]): T[] => (s.trainsBias ? items : []);
/** The ids of samples 0 … m − 1 of a value (mean steps read one per sample). */
const perSample = (s: NetShape, id: ValueId): ValueId[] => range(s.m).map((x) => scopeId(id, x));

/**
 * Pairs of a vector entry and a weight, in the order the convention writes them: w·a (column) or a·w (row),
 * for i = 0 … n − 1; then `tail`.
 */
function pairs(
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

/** δ^L's reads, by the form it is written in. */
function outputDeltaReads(s: NetShape, j: number): ValueId[] {
  const { L } = s;
  switch (outputDeltaForm(s.acts[L], s.loss)) {
    case 'aMinusT':
      return [vid.a(L, j), vid.t(j)];
    case 'tTimesAMinusOne':
      return [vid.t(j), vid.a(L, j)];
    case 'jacobian': // a_j(∂E/∂a_j − Σ_i ∂E/∂a_i a_i)
      return unique([vid.a(L, j), vid.dA(L, j), ...all(s, L).flatMap((i) => [vid.dA(L, i), vid.a(L, i)])]);
    case 'chain':
      return [vid.dA(L, j), vid.fp(L, j)];
  }
}

/** BP1's reads: the same forms as vectors. */
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

/** What δ^l writes: ∂E/∂a^l_j, f′(z^l_j) (not for softmax) and δ^l_j. */
const deltaWrites = (s: NetShape, l: number, js: readonly number[]): ValueId[] => [
  ...js.map((j) => vid.dA(l, j)),
  ...(isSoftmax(s, l) ? [] : js.map((j) => vid.fp(l, j))),
  ...js.map((j) => vid.d(l, j)),
];

const flat = (grid: ValueId[][]) => grid.flat();
/** Each id once, at its first appearance. */
const unique = (ids: ValueId[]) => [...new Set(ids)];

export const RULES: Record<StepKind, KindRule> = {
  z: {
    phase: 'forward',
    id: (l, j) => `forward/z/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) =>
      pairs(
        s,
        s.sizes[l - 1],
        (k) => vid.input(l, k),
        (k) => vid.w(l, j, k),
        biasIf(s, vid.b(l, j)),
      ),
    writes: (_s, l, j) => [vid.z(l, j)],
    lit: incoming,
  },
  a: {
    phase: 'forward',
    id: (l, j) => `forward/a/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) =>
      isSoftmax(s, l) ? unique([vid.z(l, j), ...all(s, l).map((i) => vid.z(l, i))]) : [vid.z(l, j)],
    writes: (_s, l, j) => [vid.a(l, j)],
    lit: (s, l, j) => nodesOf(l, isSoftmax(s, l) ? all(s, l) : [j]),
  },
  lossTerm: {
    phase: 'loss',
    id: (_l, j) => `loss/term/${j}`,
    neurons: one,
    reads: (s, _l, j) => slotIds(templates.lossTerm(s.loss), s.L, j),
    writes: (_s, _l, j) => [vid.e(j)],
    lit: (s, _l, j) => nodesOf(s.L, [j]),
  },
  lossTotal: {
    phase: 'loss',
    id: () => 'loss/total',
    neurons: all,
    reads: (s) => all(s, s.L).map(vid.e),
    writes: () => [vid.E],
    lit: (s) => nodesOf(s.L, all(s, s.L)),
  },
  outputDA: {
    phase: 'backward',
    id: (l, j) => `backward/dA/${l}/${j}`,
    neurons: one,
    reads: (s, _l, j) => gradReads(s, j),
    writes: (s, _l, j) => [vid.dA(s.L, j)],
    lit: (s, _l, j) => nodesOf(s.L, [j]),
  },
  outputFPrime: {
    phase: 'backward',
    id: (l, j) => `backward/fp/${l}/${j}`,
    neurons: one,
    reads: (s, _l, j) => fPrimeReads(s, s.L, j),
    writes: (s, _l, j) => [vid.fp(s.L, j)],
    lit: (s, _l, j) => nodesOf(s.L, [j]),
  },
  outputDelta: {
    phase: 'backward',
    id: (l, j) => `backward/delta/${l}/${j}`,
    neurons: one,
    reads: (s, _l, j) => outputDeltaReads(s, j),
    writes: (s, _l, j) => [vid.d(s.L, j)],
    lit: (s, _l, j) => nodesOf(s.L, outputDeltaForm(s.acts[s.L], s.loss) === 'jacobian' ? all(s, s.L) : [j]),
  },
  hiddenDelta: {
    phase: 'backward',
    id: (l, j) => `backward/delta/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) =>
      pairs(
        s,
        s.sizes[l + 1],
        (i) => vid.d(l + 1, i),
        (i) => vid.w(l + 1, i, j),
        fPrimeReads(s, l, j),
      ),
    writes: (s, l, j) => deltaWrites(s, l, [j]),
    lit: outgoing,
  },
  neuronGradients: {
    phase: 'gradient',
    id: (l, j) => `gradient/neuron/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) => [vid.d(l, j), ...inputs(s, l)],
    writes: (s, l, j) => [...all(s, l - 1).map((k) => vid.dW(l, j, k)), ...trainedIf(s, vid.db(l, j))],
    lit: incoming,
  },
  weightGradient: {
    phase: 'gradient',
    id: (l, j, k) => (k < 0 ? `gradient/b/${l}/${j}` : `gradient/w/${l}/${j}/${k}`),
    neurons: one,
    reads: (_s, l, j, k) => (k < 0 ? [vid.d(l, j)] : [vid.d(l, j), vid.input(l, k)]),
    writes: (_s, l, j, k) => [k < 0 ? vid.db(l, j) : vid.dW(l, j, k)],
    lit: (_s, l, j, k) => single(l, j, k),
  },
  neuronUpdate: {
    phase: 'update',
    id: (l, j) => `update/neuron/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) => {
      // w, η, ∂E/∂w for each weight, then b, ∂E/∂b (η only the first time)
      const out: ValueId[] = [];
      for (let k = 0; k < s.sizes[l - 1]; k++) {
        if (k === 0) out.push(vid.w(l, j, k), vid.eta, vid.dW(l, j, k));
        else out.push(vid.w(l, j, k), vid.dW(l, j, k));
      }
      if (s.trainsBias) out.push(vid.b(l, j), vid.db(l, j));
      return out;
    },
    writes: (s, l, j) => [...all(s, l - 1).map((k) => vid.wNew(l, j, k)), ...trainedIf(s, vid.bNew(l, j))],
    lit: incoming,
  },
  weightUpdate: {
    phase: 'update',
    id: (l, j, k) => (k < 0 ? `update/b/${l}/${j}` : `update/w/${l}/${j}/${k}`),
    neurons: one,
    reads: (_s, l, j, k) =>
      k < 0 ? [vid.b(l, j), vid.eta, vid.db(l, j)] : [vid.w(l, j, k), vid.eta, vid.dW(l, j, k)],
    writes: (_s, l, j, k) => [k < 0 ? vid.bNew(l, j) : vid.wNew(l, j, k)],
    lit: (_s, l, j, k) => single(l, j, k),
  },
  layerForward: {
    phase: 'forward',
    id: (l) => `forward/layer/${l}`,
    neurons: all,
    reads: (s, l) => {
      const W = flat(weightGrid(s, l, (j, k) => vid.w(l, j, k)));
      const a = inputs(s, l);
      return [
        ...(s.vectors === 'row' ? [...a, ...W] : [...W, ...a]),
        ...biasIf(s, ...all(s, l).map((j) => vid.b(l, j))),
      ];
    },
    writes: (s, l) => [...all(s, l).map((j) => vid.z(l, j)), ...all(s, l).map((j) => vid.a(l, j))],
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
      const Wt = flat(transpose(weightGrid(s, l + 1, (i, j) => vid.w(l + 1, i, j))));
      const d = all(s, l + 1).map((i) => vid.d(l + 1, i));
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
      const d = all(s, l).map((j) => vid.d(l, j));
      return s.vectors === 'row' ? [...inputs(s, l), ...d] : [...d, ...inputs(s, l)];
    },
    writes: (s, l) => [
      ...flat(weightGrid(s, l, (j, k) => vid.dW(l, j, k))),
      ...trainedIf(s, ...all(s, l).map((j) => vid.db(l, j))),
    ],
    lit: incomingLayer,
  },
  layerUpdate: {
    phase: 'update',
    id: (l) => `update/layer/${l}`,
    neurons: all,
    reads: (s, l) => [
      ...flat(weightGrid(s, l, (j, k) => vid.w(l, j, k))),
      vid.eta,
      ...flat(weightGrid(s, l, (j, k) => vid.dW(l, j, k))),
      ...trainedIf(s, ...all(s, l).map((j) => vid.b(l, j)), ...all(s, l).map((j) => vid.db(l, j))),
    ],
    writes: (s, l) => [
      ...flat(weightGrid(s, l, (j, k) => vid.wNew(l, j, k))),
      ...trainedIf(s, ...all(s, l).map((j) => vid.bNew(l, j))),
    ],
    lit: incomingLayer,
  },
  batchLoss: {
    phase: 'loss',
    id: () => 'loss/batch',
    neurons: all,
    reads: (s) => perSample(s, vid.E),
    writes: () => [vid.E],
    lit: (s) => nodesOf(s.L, all(s, s.L)),
  },
  meanGradients: {
    phase: 'gradient',
    id: (l, j) => `gradient/mean/${l}/${j}`,
    neurons: one,
    reads: (s, l, j) => [
      ...all(s, l - 1).flatMap((k) => perSample(s, vid.dW(l, j, k))),
      ...trainedIf(s, ...perSample(s, vid.db(l, j))),
    ],
    writes: (s, l, j) => [...all(s, l - 1).map((k) => vid.dW(l, j, k)), ...trainedIf(s, vid.db(l, j))],
    lit: incoming,
  },
  meanWeightGradient: {
    phase: 'gradient',
    id: (l, j, k) => (k < 0 ? `gradient/mean/b/${l}/${j}` : `gradient/mean/w/${l}/${j}/${k}`),
    neurons: one,
    reads: (s, l, j, k) => perSample(s, k < 0 ? vid.db(l, j) : vid.dW(l, j, k)),
    writes: (_s, l, j, k) => [k < 0 ? vid.db(l, j) : vid.dW(l, j, k)],
    lit: (_s, l, j, k) => single(l, j, k),
  },
  layerMeanGradients: {
    phase: 'gradient',
    id: (l) => `gradient/mean/layer/${l}`,
    neurons: all,
    reads: (s, l) => [
      ...range(s.m).flatMap((x) => flat(weightGrid(s, l, (j, k) => scopeId(vid.dW(l, j, k), x)))),
      ...trainedIf(s, ...range(s.m).flatMap((x) => all(s, l).map((j) => scopeId(vid.db(l, j), x)))),
    ],
    writes: (s, l) => [
      ...flat(weightGrid(s, l, (j, k) => vid.dW(l, j, k))),
      ...trainedIf(s, ...all(s, l).map((j) => vid.db(l, j))),
    ],
    lit: incomingLayer,
  },
};
