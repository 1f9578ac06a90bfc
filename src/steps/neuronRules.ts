/**
 * The rules of the steps about one neuron (neuron granularity), one weight or bias (weight granularity) and the
 * mini-batch's loss and mean gradients. `l` is the layer, `j` the neuron, `k` the incoming neuron (-1 for a bias).
 */
import { vid } from '../engine';
import { outputDeltaForm, isSoftmax, slotIds, templates, type NetShape } from './shape';
import { incoming, nodesOf, outgoing, single } from './highlight';
import {
  all,
  biasIf,
  deltaWrites,
  fPrimeReads,
  gradientWrites,
  gradReads,
  inputs,
  one,
  pairs,
  perSample,
  trainedIf,
  unique,
  type KindRule,
} from './ruleReads';
import type { NeuronKind, ValueId } from './types';

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

export const NEURON_RULES: Record<NeuronKind, KindRule> = {
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
    writes: gradientWrites,
    lit: incoming,
  },
  weightGradient: {
    phase: 'gradient',
    id: (l, j, k) => (k < 0 ? `gradient/b/${l}/${j}` : `gradient/w/${l}/${j}/${k}`),
    neurons: one,
    reads: (_s, l, j, k) => (k < 0 ? [vid.d(l, j)] : [vid.d(l, j), vid.input(l, k)]),
    writes: (_s, l, j, k) => [vid.grad(l, j, k)],
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
    reads: (_s, l, j, k) => [vid.param(l, j, k), vid.eta, vid.grad(l, j, k)],
    writes: (_s, l, j, k) => [vid.paramNew(l, j, k)],
    lit: (_s, l, j, k) => single(l, j, k),
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
    writes: gradientWrites,
    lit: incoming,
  },
  meanWeightGradient: {
    phase: 'gradient',
    id: (l, j, k) => (k < 0 ? `gradient/mean/b/${l}/${j}` : `gradient/mean/w/${l}/${j}/${k}`),
    neurons: one,
    reads: (s, l, j, k) => perSample(s, vid.grad(l, j, k)),
    writes: (_s, l, j, k) => [vid.grad(l, j, k)],
    lit: (_s, l, j, k) => single(l, j, k),
  },
};
