import { outputDeltaForm, range, templates, transpose, vid, weightGrid } from '../steps';
import type { FormulaContext } from './context';
import type { Equation } from './equations';
import { matmul, vectorOf } from './layerTex';
import { hadamard, minus, paren, partial, transposed } from './tex';
import type { Writer } from './writer';

// The error terms of a layer step in matrix form: BP1 at the output layer, BP2 carried back to a hidden one.

/** A vector of ones, 1. */
const ONES = '\\mathbf{1}';

/** BP1: δ^L = ∇_a E ⊙ f′(z^L), or its simplified / softmax form. */
export function outputDelta(c: FormulaContext): Equation {
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
export function hiddenDelta(c: FormulaContext, l: number): Equation {
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
