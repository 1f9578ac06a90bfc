/**
 * The rules of neuron- and weight-granularity steps, one entry per kind: each returns the step's equations, whose
 * right sides are plain rules (module-level functions of l, j, k) rendered once with symbols, once with numbers.
 */
import { outputDeltaForm, range, scopeId, templates, vid, type NeuronKind, type Step } from '../steps';
import type { FormulaContext } from './context';
import { equationOf, updateEquation, type Equation, type Rule } from './equations';
import { frac, meanOf, minus, ofSample, paren, partial } from './tex';
import type { Writer } from './writer';

/** Σ_k w^l_jk a^{l−1}_k (+ b^l_j); row vectors write a^{l−1}_k w^l_jk, the input first. */
const weightedSum: Rule = (w, l, j) => {
  const row = w.ctx.shape.vectors === 'row';
  const terms: string[] = [];
  for (let k = 0; k < w.ctx.shape.sizes[l - 1]; k++) {
    terms.push(
      row
        ? w.times(w.v(vid.input(l, k)), w.v(vid.w(l, j, k)))
        : w.times(w.v(vid.w(l, j, k)), w.v(vid.input(l, k))),
    );
  }
  if (w.ctx.shape.useBias) terms.push(w.v(vid.b(l, j)));
  return w.plus(terms);
};

/** Σ_i w^{l+1}_ij δ^{l+1}_i: the error reaching neuron j of layer l (row vectors: δ first). */
function backSum(w: Writer, l: number, j: number): string {
  const row = w.ctx.shape.vectors === 'row';
  const terms: string[] = [];
  for (let i = 0; i < w.ctx.shape.sizes[l + 1]; i++) {
    terms.push(
      row
        ? w.times(w.v(vid.d(l + 1, i)), w.v(vid.w(l + 1, i, j)))
        : w.times(w.v(vid.w(l + 1, i, j)), w.v(vid.d(l + 1, i))),
    );
  }
  return w.plus(terms);
}

/** ∂E/∂w^l_jk = δ^l_j a^{l−1}_k; for k = -1, ∂E/∂b^l_j = δ^l_j. */
const gradient: Rule = (w, l, j, k) =>
  k < 0 ? w.v(vid.d(l, j)) : w.times(w.v(vid.d(l, j)), w.v(vid.input(l, k)));
/** The chain rule behind it: ∂E/∂z · ∂z/∂w. */
const gradientChain: Rule = (w, l, j, k) => {
  const n = w.ctx.n;
  return `${partial(n.E, n.z(l, j))} ${partial(n.z(l, j), k < 0 ? n.b(l, j) : n.w(l, j, k))}`;
};
const gradientEquation = (c: FormulaContext, l: number, j: number, k: number, via?: Rule): Equation =>
  equationOf(c.symbol(k < 0 ? vid.db(l, j) : vid.dW(l, j, k)), gradient, l, j, k, via);

/** Every weight into neuron j, then its bias (when biases are trained). */
function perParameter(
  c: FormulaContext,
  l: number,
  j: number,
  eq: (c: FormulaContext, l: number, j: number, k: number) => Equation,
) {
  const eqs = range(c.shape.sizes[l - 1]).map((k) => eq(c, l, j, k));
  if (c.shape.trainsBias) eqs.push(eq(c, l, j, -1));
  return eqs;
}

/** ∂E/∂w = (1/m)(∂E/∂w^{(1)} + … + ∂E/∂w^{(m)}): the mean over the mini-batch of each sample's gradient. */
const meanGradient: Rule = (w, l, j, k) => {
  const id = k < 0 ? vid.db(l, j) : vid.dW(l, j, k);
  return meanOf(
    w.numeric ? w.ctx.shape.m : 'm',
    range(w.ctx.shape.m).map((x) => w.v(scopeId(id, x))),
  );
};
/** The rule as Σ: (1/m) Σ_x ∂E/∂w^{(x)}. */
const meanGradientSum: Rule = (w, l, j, k) =>
  `${frac('1', 'm')} \\sum_{x} ${ofSample(w.ctx.symbol(k < 0 ? vid.db(l, j) : vid.dW(l, j, k)), 'x')}`;
const meanEquation = (c: FormulaContext, l: number, j: number, k: number): Equation =>
  equationOf(c.symbol(k < 0 ? vid.db(l, j) : vid.dW(l, j, k)), meanGradient, l, j, k, meanGradientSum);

/** δ^L_j in the form the activation and loss allow. */
const OUTPUT_DELTA: Record<ReturnType<typeof outputDeltaForm>, Rule> = {
  chain: (w, L, j) => w.times(w.v(vid.dA(L, j)), w.v(vid.fp(L, j))),
  aMinusT: (w, L, j) => minus(w.vPrecise(vid.a(L, j)), w.v(vid.t(j))),
  tTimesAMinusOne: (w, L, j) => w.times(w.v(vid.t(j)), paren(minus(w.vPrecise(vid.a(L, j)), '1'))),
  // Σ_i ∂E/∂a_i · a_i(δ_ij − a_j) = a_j(∂E/∂a_j − Σ_i ∂E/∂a_i a_i)
  jacobian: (w, L, j) =>
    w.times(
      w.vPrecise(vid.a(L, j)),
      paren(
        minus(
          w.v(vid.dA(L, j)),
          paren(w.sum(w.ctx.shape.sizes[L], (i) => w.times(w.v(vid.dA(L, i)), w.vPrecise(vid.a(L, i))))),
        ),
      ),
    ),
};
/** ∂E/∂a^L_j f′(z^L_j), the product the simplified forms come from. */
const outputChain: Rule = (w, L, j) => `${partial(w.ctx.n.E, w.ctx.n.a(L, j))} ${w.ctx.n.fp(L, j)}`;
const softmaxChain: Rule = (w, L, j) =>
  `\\sum_{i} ${partial(w.ctx.n.E, w.ctx.n.a(L, 'i'))} ${partial(w.ctx.n.a(L, 'i'), w.ctx.n.z(L, j))}`;

function outputDelta(c: FormulaContext, j: number): Equation {
  const { L, acts, loss } = c.shape;
  const form = outputDeltaForm(acts[L], loss);
  const via =
    form === 'chain' ? undefined : form === 'jacobian' || acts[L] === 'softmax' ? softmaxChain : outputChain;
  return equationOf(c.symbol(vid.d(L, j)), OUTPUT_DELTA[form], L, j, 0, via);
}

const single = (lhs: string, rhs: Rule, l: number, j: number, via?: Rule): Equation[] => [
  equationOf(lhs, rhs, l, j, 0, via),
];

export const NEURON_RULES: Record<
  NeuronKind,
  (c: FormulaContext, l: number, j: number, k: number) => Equation[]
> = {
  // z^l_j = Σ_k w^l_jk a^{l−1}_k + b^l_j
  z: (c, l, j) => single(c.symbol(vid.z(l, j)), weightedSum, l, j),
  // a^l_j = f(z^l_j)
  a: (c, l, j) =>
    single(
      c.symbol(vid.a(l, j)),
      (w, l, j) => w.activation(l, j),
      l,
      j,
      c.shape.acts[l] === 'softmax' ? undefined : (w, l, j) => `${w.ctx.n.f(l)}(${w.ctx.n.z(l, j)})`,
    ),
  // e_j from the loss's term template
  lossTerm: (c, _l, j) =>
    single(c.n.e(j), (w, L, j) => w.fill(templates.lossTerm(w.ctx.shape.loss), L, j), c.shape.L, j),
  // E = Σ_j e_j
  lossTotal: (c) => single(c.n.E, (w, L) => w.sum(w.ctx.shape.sizes[L], (j) => w.v(vid.e(j))), c.shape.L, 0),
  // ∂E/∂a^L_j from the loss's gradient template
  outputDA: (c, _l, j) =>
    single(
      c.symbol(vid.dA(c.shape.L, j)),
      (w, L, j) => w.fill(templates.lossGrad(w.ctx.shape.loss), L, j),
      c.shape.L,
      j,
    ),
  // f′(z^L_j)
  outputFPrime: (c, _l, j) =>
    single(c.symbol(vid.fp(c.shape.L, j)), (w, L, j) => w.fPrime(L, j), c.shape.L, j),
  outputDelta: (c, _l, j) => [outputDelta(c, j)],
  // δ^l_j = (Σ_i w^{l+1}_ij δ^{l+1}_i) f′(z^l_j)
  hiddenDelta: (c, l, j) =>
    single(
      c.symbol(vid.d(l, j)),
      (w, l, j) => w.times(paren(backSum(w, l, j)), w.factor(templates.fPrime(w.ctx.shape.acts[l]), l, j)),
      l,
      j,
      (w, l, j) => w.times(paren(backSum(w, l, j)), w.ctx.n.fp(l, j)),
    ),
  // ∂E/∂w^l_jk = δ^l_j a^{l−1}_k for every k, ∂E/∂b^l_j = δ^l_j
  neuronGradients: (c, l, j) => perParameter(c, l, j, gradientEquation),
  weightGradient: (c, l, j, k) => [gradientEquation(c, l, j, k, gradientChain)],
  // w ← w − η ∂E/∂w for every incoming weight, and the bias
  neuronUpdate: (c, l, j) => perParameter(c, l, j, updateEquation),
  weightUpdate: (c, l, j, k) => [updateEquation(c, l, j, k)],
  // E = (1/m) Σ_x E^{(x)}
  batchLoss: (c) => [
    equationOf(
      c.n.E,
      (w) =>
        meanOf(
          w.numeric ? w.ctx.shape.m : 'm',
          range(w.ctx.shape.m).map((x) => w.v(scopeId(vid.E, x))),
        ),
      c.shape.L,
      0,
      0,
      (w) => `${frac('1', 'm')} \\sum_{x} ${ofSample(w.ctx.n.E, 'x')}`,
    ),
  ],
  // ∂E/∂w^l_jk = (1/m) Σ_x ∂E/∂w^{l (x)}_jk for every k, and the bias
  meanGradients: (c, l, j) => perParameter(c, l, j, meanEquation),
  meanWeightGradient: (c, l, j, k) => [meanEquation(c, l, j, k)],
};

export const neuronEquations = (c: FormulaContext, step: Step): Equation[] =>
  NEURON_RULES[step.kind as NeuronKind](c, step.layer, step.neurons[0], step.from ?? 0);
