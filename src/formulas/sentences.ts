/**
 * The sentence of each step kind, as a message key and its parameters: the quantity named as the lesson names
 * it, by its symbol in the lesson's notation (`{symbol}`, `{weight}`, `{input}`, `{eta}`) and where it sits
 * (`{place}`, `{from}`: "hidden neuron 2", "output neuron 1", nested messages of the product's tables).
 */
import {
  isSoftmax,
  outputDeltaForm,
  type NetShape,
  type OutputDeltaForm,
  type Step,
  type StepKind,
  valueIndices,
  valueKind,
  type ValueId,
} from '../steps';
import type { FormulaMessageKey } from './messages';
import type { Notation } from './notation';
import { placeOf } from './narration';
import { SYMBOLS, texToText } from './symbols';
import type { MessageRef } from './types';

type Sentence = (
  s: NetShape,
  step: Step,
  n: Notation,
) => { key: FormulaMessageKey; params: MessageRef['params'] };

/** Where the step's neuron sits, named as the reader's tables name it: "hidden neuron 2", "output neuron 1". */
const where = (s: NetShape, st: Step) => ({ place: placeOf(s.L + 1, st.layer, st.neurons[0]) });
/** The text symbol, in the lesson's notation, of a value the step writes (`z:1:0` → `X_hidden,1`). */
const symbolOf = (n: Notation, id: ValueId) => texToText(SYMBOLS[valueKind(id)](n, valueIndices(id)));
/** The quantity a step computes: its place and its symbol (the first value it writes). */
const neuron = (s: NetShape, st: Step, n: Notation) => ({
  ...where(s, st),
  symbol: symbolOf(n, st.writes[0]),
});
/** The neuron's error term δ (gradient steps: ∂E/∂w = δ a). */
const delta = (s: NetShape, st: Step, n: Notation) => ({
  ...where(s, st),
  symbol: texToText(n.delta(st.layer, st.neurons[0])),
});
/** A single weight's step: the gradient's (or update's) symbol, the weight's, and the neuron it comes from. */
const weight = (s: NetShape, st: Step, n: Notation) => ({
  ...neuron(s, st, n),
  delta: texToText(n.delta(st.layer, st.neurons[0])),
  weight: texToText(n.w(st.layer, st.neurons[0], st.from ?? 0)),
  from: placeOf(s.L + 1, st.layer - 1, st.from ?? 0),
});
const biasOf = (s: NetShape, st: Step, n: Notation) => ({
  ...neuron(s, st, n),
  delta: texToText(n.delta(st.layer, st.neurons[0])),
  weight: texToText(n.b(st.layer, st.neurons[0])),
});
/** A weight from the input layer is named by its symbol and the input's, never "neuron k of layer 0". */
const fromInput = (s: NetShape, st: Step, n: Notation) => ({
  ...weight(s, st, n),
  input: texToText(n.x(st.from ?? 0)),
});
const eta = (n: Notation) => ({ eta: texToText(n.eta) });
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
  z: (s, st, n) => ({ key: bias(s, 'step.z'), params: neuron(s, st, n) }),
  a: (s, st, n) => ({
    key: isSoftmax(s, st.layer) ? 'step.aSoftmax' : 'step.a',
    params: neuron(s, st, n),
  }),
  lossTerm: (s, st, n) => ({ key: 'step.lossTerm', params: neuron(s, st, n) }),
  lossTotal: (s) => ({ key: 'step.lossTotal', params: { count: s.sizes[s.L] } }),
  outputDA: (s, st, n) => ({ key: 'step.outputDA', params: neuron(s, st, n) }),
  outputFPrime: (s, st, n) => ({ key: 'step.outputFPrime', params: neuron(s, st, n) }),
  outputDelta: (s, st, n) => ({ key: `step.outputDelta${form(s)}`, params: delta(s, st, n) }),
  hiddenDelta: (s, st, n) => ({ key: 'step.hiddenDelta', params: delta(s, st, n) }),
  neuronGradients: (s, st, n) => ({ key: trained(s, 'step.neuronGradients'), params: delta(s, st, n) }),
  weightGradient: (s, st, n) =>
    st.from === -1
      ? { key: 'step.biasGradient', params: biasOf(s, st, n) }
      : st.layer === 1
        ? { key: 'step.weightGradientFromInput', params: fromInput(s, st, n) }
        : { key: 'step.weightGradient', params: weight(s, st, n) },
  neuronUpdate: (s, st, n) => ({
    key: trained(s, 'step.neuronUpdate'),
    params: { ...where(s, st), ...eta(n) },
  }),
  weightUpdate: (s, st, n) =>
    st.from === -1
      ? { key: 'step.biasUpdate', params: { ...biasOf(s, st, n), ...eta(n) } }
      : st.layer === 1
        ? { key: 'step.weightUpdateFromInput', params: { ...fromInput(s, st, n), ...eta(n) } }
        : { key: 'step.weightUpdate', params: { ...weight(s, st, n), ...eta(n) } },
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
    params: { ...where(s, st), count: s.m },
  }),
  meanWeightGradient: (s, st, n) =>
    st.from === -1
      ? { key: 'step.meanBiasGradient', params: { ...biasOf(s, st, n), count: s.m } }
      : { key: 'step.meanWeightGradient', params: { ...weight(s, st, n), count: s.m } },
  layerMeanGradients: (s, st) => ({
    key: trained(s, 'step.layerMeanGradients'),
    params: { layer: st.layer, count: s.m },
  }),
};

export const sentenceFor = (s: NetShape, step: Step, n: Notation): MessageRef =>
  SENTENCES[step.kind](s, step, n);
