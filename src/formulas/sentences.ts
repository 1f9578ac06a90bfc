/** The sentence of each step kind, as a message key and its parameters (1-based neuron numbers). */
import {
  isSoftmax,
  outputDeltaForm,
  type NetShape,
  type OutputDeltaForm,
  type Step,
  type StepKind,
} from '../steps';
import type { FormulaMessageKey } from './messages';
import type { Notation } from './notation';
import { texToText } from './symbols';
import type { MessageRef } from './types';

type Sentence = (
  s: NetShape,
  step: Step,
  n: Notation,
) => { key: FormulaMessageKey; params: MessageRef['params'] };

const neuron = (step: Step) => ({ layer: step.layer, neuron: step.neurons[0] + 1 });
const weight = (step: Step) => ({ ...neuron(step), from: (step.from ?? 0) + 1, previous: step.layer - 1 });
/** A weight from the input layer is named by its symbol and the input's, never "neuron k of layer 0". */
const fromInput = (st: Step, n: Notation) => ({
  ...neuron(st),
  weight: texToText(n.w(st.layer, st.neurons[0], st.from ?? 0)),
  input: texToText(n.x(st.from ?? 0)),
});
const bias = <K extends string>(s: NetShape, key: K) => (s.useBias ? (`${key}Bias` as const) : key);
/** The same for gradient and update steps: the Bias form only when biases are trained. */
const trained = <K extends string>(s: NetShape, key: K) => (s.trainsBias ? (`${key}Bias` as const) : key);
const FORM_SUFFIX: Record<OutputDeltaForm, '' | 'Simplified' | 'Softmax'> = {
  chain: '',
  aMinusT: 'Simplified',
  tTimesAMinusOne: 'Simplified',
  jacobian: 'Softmax',
};
const form = (s: NetShape) => FORM_SUFFIX[outputDeltaForm(s.acts[s.L], s.loss)];

const SENTENCES: Record<StepKind, Sentence> = {
  z: (s, st) => ({ key: bias(s, 'step.z'), params: neuron(st) }),
  a: (s, st) => ({ key: isSoftmax(s, st.layer) ? 'step.aSoftmax' : 'step.a', params: neuron(st) }),
  lossTerm: (_s, st) => ({ key: 'step.lossTerm', params: neuron(st) }),
  lossTotal: (s) => ({ key: 'step.lossTotal', params: { count: s.sizes[s.L] } }),
  outputDA: (_s, st) => ({ key: 'step.outputDA', params: neuron(st) }),
  outputFPrime: (_s, st) => ({ key: 'step.outputFPrime', params: neuron(st) }),
  outputDelta: (s, st) => ({ key: `step.outputDelta${form(s)}`, params: neuron(st) }),
  hiddenDelta: (_s, st) => ({ key: 'step.hiddenDelta', params: { ...neuron(st), next: st.layer + 1 } }),
  neuronGradients: (s, st) => ({ key: trained(s, 'step.neuronGradients'), params: neuron(st) }),
  weightGradient: (_s, st, n) =>
    st.from === -1
      ? { key: 'step.biasGradient', params: neuron(st) }
      : st.layer === 1
        ? { key: 'step.weightGradientFromInput', params: fromInput(st, n) }
        : { key: 'step.weightGradient', params: weight(st) },
  neuronUpdate: (s, st) => ({ key: trained(s, 'step.neuronUpdate'), params: neuron(st) }),
  weightUpdate: (_s, st, n) =>
    st.from === -1
      ? { key: 'step.biasUpdate', params: neuron(st) }
      : st.layer === 1
        ? { key: 'step.weightUpdateFromInput', params: fromInput(st, n) }
        : { key: 'step.weightUpdate', params: weight(st) },
  layerForward: (s, st) => ({ key: bias(s, 'step.layerForward'), params: { layer: st.layer } }),
  layerLoss: (s) => ({ key: 'step.layerLoss', params: { count: s.sizes[s.L] } }),
  layerOutputDelta: (s) => ({ key: `step.layerOutputDelta${form(s)}`, params: {} }),
  layerHiddenDelta: (_s, st) => ({
    key: 'step.layerHiddenDelta',
    params: { layer: st.layer, next: st.layer + 1 },
  }),
  layerGradients: (s, st) => ({
    key: trained(s, 'step.layerGradients'),
    params: { layer: st.layer, previous: st.layer - 1 },
  }),
  layerUpdate: (s, st) => ({ key: trained(s, 'step.layerUpdate'), params: { layer: st.layer } }),
  batchLoss: (s) => ({ key: 'step.batchLoss', params: { count: s.m } }),
  meanGradients: (s, st) => ({
    key: trained(s, 'step.meanGradients'),
    params: { ...neuron(st), count: s.m },
  }),
  meanWeightGradient: (s, st) =>
    st.from === -1
      ? { key: 'step.meanBiasGradient', params: { ...neuron(st), count: s.m } }
      : { key: 'step.meanWeightGradient', params: { ...weight(st), count: s.m } },
  layerMeanGradients: (s, st) => ({
    key: trained(s, 'step.layerMeanGradients'),
    params: { layer: st.layer, count: s.m },
  }),
};

export const sentenceFor = (s: NetShape, step: Step, n: Notation): MessageRef =>
  SENTENCES[step.kind](s, step, n);
