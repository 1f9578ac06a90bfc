/**
 * The matrix form of each phase for layer-granularity steps (BP1–BP4, ⊙ the Hadamard product), with whole
 * vectors and matrices substituted. Column vectors: z^l = W^l a^{l−1} + b^l; row vectors: h′ = x W, W the
 * transpose of the stored matrix (the numbers are the same).
 */
import {
  outputDeltaForm,
  range,
  scopeId,
  templates,
  transpose,
  valueKind,
  vid,
  weightGrid,
  type Step,
  type StepKind,
  type ValueId,
} from '../steps';
import type { FormulaContext } from './context';
import { updateRule, type Equation } from './equations';
import type { Notation } from './notation';
import {
  equation,
  frac,
  hadamard,
  list,
  matrix,
  meanOfEach,
  minus,
  ofSample,
  paren,
  partial,
  renewed,
  transposed,
} from './tex';
import type { Writer } from './writer';

export type LayerKind = Extract<
  StepKind,
  | 'layerForward'
  | 'layerLoss'
  | 'layerOutputDelta'
  | 'layerHiddenDelta'
  | 'layerGradients'
  | 'layerUpdate'
  | 'layerMeanGradients'
>;

/** A matrix product, written side by side in both renderings. */
const matmul = (a: string, b: string): string => `${a} ${b}`;
const ONES = '\\mathbf{1}';

const vectorOf = (w: Writer, symbol: string, n: number, id: (j: number) => ValueId, o?: 'column' | 'row') =>
  w.vector(symbol, () => range(n).map((j) => w.v(id(j))), o);

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

/** BP1: δ^L = ∇_a E ⊙ f′(z^L), or its simplified / softmax form. */
function outputDelta(c: FormulaContext): Equation {
  const { n, shape } = c;
  const { L, sizes, acts } = shape;
  const outs = range(sizes[L]);
  const gradE = partial(n.E, n.A(L));
  const grads = (w: Writer) => outs.map((j) => w.fill(templates.lossGrad(shape.loss), L, j));
  // a as it enters a − t and 1 − a: precise where it rounds to 1
  const a = (w: Writer) => w.vector(n.A(L), () => outs.map((j) => w.vPrecise(vid.a(L, j))));
  const t = (w: Writer) => vectorOf(w, n.T, sizes[L], vid.t);
  const bp1 = () => hadamard(gradE, n.Fp(L));
  const lhs = n.Delta(L);
  switch (outputDeltaForm(acts[L], shape.loss)) {
    case 'chain':
      return {
        lhs,
        via: bp1,
        rhs: (w) => hadamard(w.column(grads(w)), w.column(outs.map((j) => w.fPrime(L, j)))),
      };
    case 'aMinusT':
      return { lhs, via: acts[L] === 'softmax' ? undefined : bp1, rhs: (w) => minus(a(w), t(w)) };
    case 'tTimesAMinusOne':
      return { lhs, via: bp1, rhs: (w) => hadamard(t(w), paren(minus(a(w), ONES))) };
    case 'jacobian': // a ⊙ (∇_a E − (∇_a E · a) 1)
      return {
        lhs,
        via: () => hadamard(n.A(L), paren(minus(gradE, `${paren(`${gradE} \\cdot ${n.A(L)}`)} ${ONES}`))),
        rhs: (w) => {
          const aVec = a(w);
          const g = w.column(grads(w));
          const dot = w.sum(sizes[L], (i) =>
            w.times(w.factor(templates.lossGrad(shape.loss), L, i), w.vPrecise(vid.a(L, i))),
          );
          return hadamard(aVec, paren(minus(g, `${paren(dot)} ${ONES}`)));
        },
      };
  }
}

/** BP2: δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f′(z^l); row vectors: (δ^{l+1} Wᵀ) ⊙ f′(z^l). */
function hiddenDelta(c: FormulaContext, l: number): Equation {
  const { n, shape } = c;
  const Wt = transposed(n.W(l + 1));
  // rendered in reading order, so operands come out as written
  const back = (W: () => string, d: () => string) =>
    shape.vectors === 'row' ? matmul(d(), W()) : matmul(W(), d());
  return {
    lhs: n.Delta(l),
    via: () =>
      hadamard(
        paren(
          back(
            () => Wt,
            () => n.Delta(l + 1),
          ),
        ),
        n.Fp(l),
      ),
    rhs: (w) =>
      hadamard(
        paren(
          back(
            () => w.matrix(Wt, transpose(weightGrid(shape, l + 1, (i, j) => vid.w(l + 1, i, j)))),
            () => vectorOf(w, n.Delta(l + 1), shape.sizes[l + 1], (i) => vid.d(l + 1, i)),
          ),
        ),
        w.column(range(shape.sizes[l]).map((j) => w.fPrime(l, j))),
      ),
  };
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

/** Symbols of the written quantities shown whole in a layer step's result (loss terms e_j are left out). */
const RESULT_SYMBOLS: Record<string, (n: Notation, l: number) => string> = {
  z: (n, l) => n.Z(l),
  a: (n, l) => n.A(l),
  dA: (n, l) => partial(n.E, n.A(l)),
  fp: (n, l) => n.Fp(l),
  d: (n, l) => n.Delta(l),
  E: (n) => n.E,
  dW: (n, l) => partial(n.E, n.W(l)),
  db: (n, l) => partial(n.E, n.B(l)),
  'w+': (n, l) => renewed(n.W(l)),
  'b+': (n, l) => renewed(n.B(l)),
};

/** A layer step's result: each written vector or matrix as a bmatrix (matrices shaped as displayed). */
export function layerResult(c: FormulaContext, step: Step): string {
  const groups = new Map<string, ValueId[]>();
  for (const id of step.writes) {
    const kind = valueKind(id);
    if (RESULT_SYMBOLS[kind]) groups.set(kind, [...(groups.get(kind) ?? []), id]);
  }
  const l = step.layer;
  const vector = (ids: ValueId[]) =>
    c.shape.vectors === 'column' ? ids.map((id) => [c.shown(id)]) : [ids.map((id) => c.shown(id))];
  return list(
    [...groups].map(([kind, ids]) => {
      const symbol = RESULT_SYMBOLS[kind](c.n, l);
      if (kind === 'E') return equation(symbol, c.shown(ids[0]));
      const rows =
        kind === 'dW' || kind === 'w+'
          ? weightGrid(c.shape, l, (j, k) => (kind === 'dW' ? vid.dW(l, j, k) : vid.wNew(l, j, k))).map(
              (row) => row.map((id) => c.shown(id)),
            )
          : vector(ids);
      return equation(symbol, matrix(rows));
    }),
  );
}
