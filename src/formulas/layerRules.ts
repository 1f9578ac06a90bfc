/**
 * The matrix form of each phase for layer-granularity steps (BP1–BP4, ⊙ the Hadamard product), with whole
 * vectors and matrices substituted. Column vectors: z^l = W^l a^{l−1} + b^l; row vectors: h′ = x W, W the
 * transpose of the stored matrix (the numbers are the same).
 */
import {
  range,
  scopeId,
  templates,
  vid,
  weightGrid,
  type LayerKind,
  type StepKind,
  type ValueId,
} from '../steps';
import type { FormulaContext } from './context';
import { updateRule, type Equation } from './equations';
import { hiddenDelta, outputDelta } from './layerDeltas';
import { matmul, vectorOf } from './layerTex';
import { frac, meanOfEach, ofSample, paren, partial, renewed, transposed } from './tex';
import type { Writer } from './writer';

/** z^l = W^l a^{l−1} + b^l (row: x W + b), then a^l = f(z^l). */
function forward(c: FormulaContext, l: number): Equation[] {
  const { n, shape } = c;
  const W = (w: Writer) =>
    w.matrix(
      n.W(l),
      weightGrid(shape, l, (j, k) => vid.w(l, j, k)),
    );
  const a = (w: Writer) => vectorOf(w, n.A(l - 1), shape.sizes[l - 1], (k) => vid.input(l, k));
  const z: Equation = {
    lhs: n.Z(l),
    rhs: (w) => {
      const product = shape.vectors === 'row' ? matmul(a(w), W(w)) : matmul(W(w), a(w));
      return shape.useBias
        ? `${product} + ${vectorOf(w, n.B(l), shape.sizes[l], (j) => vid.b(l, j))}`
        : product;
    },
  };
  const act: Equation = {
    lhs: n.A(l),
    rhs: (w) =>
      `${n.f(l)}${paren(w.vector(n.Z(l), () => range(shape.sizes[l]).map((j) => w.own(vid.z(l, j)))))}`,
  };
  return [z, act];
}

/** E = Σ_j e_j, each term from the loss's template. */
function loss(c: FormulaContext): Equation[] {
  const { L, sizes } = c.shape;
  const term = templates.lossTerm(c.shape.loss);
  return [
    {
      lhs: c.n.E,
      via: (w) => w.sum(sizes[L], (j) => w.ctx.n.e(j)),
      rhs: (w) => w.sum(sizes[L], (j) => w.fill(term, L, j)),
    },
  ];
}

/** BP4: ∂E/∂W^l = δ^l (a^{l−1})ᵀ (row vectors: (a^{l−1})ᵀ δ^l, an outer product); BP3: ∂E/∂b^l = δ^l. */
function gradients(c: FormulaContext, l: number): Equation[] {
  const { n, shape } = c;
  const delta = (w: Writer) => vectorOf(w, n.Delta(l), shape.sizes[l], (j) => vid.d(l, j));
  const aT = (w: Writer) =>
    vectorOf(
      w,
      transposed(n.A(l - 1)),
      shape.sizes[l - 1],
      (k) => vid.input(l, k),
      shape.vectors === 'row' ? 'column' : 'row',
    );
  const weights: Equation = {
    lhs: partial(n.E, n.W(l)),
    rhs: (w) => (shape.vectors === 'row' ? matmul(aT(w), delta(w)) : matmul(delta(w), aT(w))),
  };
  return shape.trainsBias ? [weights, { lhs: partial(n.E, n.B(l)), rhs: delta }] : [weights];
}

/** ∂E/∂W^l = (1/m) Σ_x δ^{x,l} (a^{x,l−1})ᵀ and ∂E/∂b^l = (1/m) Σ_x δ^{x,l}: each sample's gradient, averaged. */
function meanGradients(c: FormulaContext, l: number): Equation[] {
  const { n, shape } = c;
  const samples = range(shape.m);
  const count = (w: Writer) => (w.numeric ? shape.m : 'm');
  const dW = partial(n.E, n.W(l));
  const db = partial(n.E, n.B(l));
  const sampleDelta = ofSample(n.Delta(l), 'x');
  const sampleA = transposed(ofSample(n.A(l - 1), 'x'));
  const weights: Equation = {
    lhs: dW,
    via: () =>
      `${frac('1', 'm')} \\sum_{x} ${shape.vectors === 'row' ? matmul(sampleA, sampleDelta) : matmul(sampleDelta, sampleA)}`,
    rhs: (w) =>
      meanOfEach(
        count(w),
        samples.map((x) =>
          w.matrix(
            ofSample(dW, x),
            weightGrid(shape, l, (j, k) => scopeId(vid.dW(l, j, k), x)),
          ),
        ),
      ),
  };
  const biases: Equation = {
    lhs: db,
    via: () => `${frac('1', 'm')} \\sum_{x} ${sampleDelta}`,
    rhs: (w) =>
      meanOfEach(
        count(w),
        samples.map((x) => vectorOf(w, ofSample(db, x), shape.sizes[l], (j) => scopeId(vid.db(l, j), x))),
      ),
  };
  return shape.trainsBias ? [weights, biases] : [weights];
}

/** W^l ← W^l − η ∂E/∂W^l and b^l ← b^l − η ∂E/∂b^l, in the lesson's update style. */
function update(c: FormulaContext, l: number): Equation[] {
  const { n, shape } = c;
  const grid = (id: (j: number, k: number) => ValueId) => weightGrid(shape, l, id);
  const weights: Equation = {
    lhs: renewed(n.W(l)),
    rhs: (w) =>
      updateRule(
        w,
        w.matrix(
          n.W(l),
          grid((j, k) => vid.w(l, j, k)),
        ),
        w.v(vid.eta),
        w.matrix(
          partial(n.E, n.W(l)),
          grid((j, k) => vid.dW(l, j, k)),
        ),
      ),
  };
  const biases: Equation = {
    lhs: renewed(n.B(l)),
    rhs: (w) =>
      updateRule(
        w,
        vectorOf(w, n.B(l), shape.sizes[l], (j) => vid.b(l, j)),
        w.v(vid.eta),
        vectorOf(w, partial(n.E, n.B(l)), shape.sizes[l], (j) => vid.db(l, j)),
      ),
  };
  return shape.trainsBias ? [weights, biases] : [weights];
}

export const LAYER_RULES: Record<LayerKind, (c: FormulaContext, l: number) => Equation[]> = {
  layerForward: forward,
  layerLoss: loss,
  layerOutputDelta: (c) => [outputDelta(c)],
  layerHiddenDelta: (c, l) => [hiddenDelta(c, l)],
  layerGradients: gradients,
  layerUpdate: update,
  layerMeanGradients: meanGradients,
};

export const isLayerKind = (kind: StepKind): kind is LayerKind => kind in LAYER_RULES;
