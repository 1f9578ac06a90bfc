/**
 * ∂E/∂w as the sum over every path from the weight to the loss (lesson 001's Equation A): along a path
 * w^l_jk → z^l_j → a^l_j → z^{l+1}_i → … → a^L → E the local derivatives multiply,
 * ∂E/∂a^L_i · f′(z^L_i) · w^L_{i·} · … · f′(z^l_j) · a^{l−1}_k, and the paths add up to δ^l_j a^{l−1}_k.
 * A softmax output adds the Jacobian ∂a^L_o/∂z^L_i, so paths run through every output o.
 */
import type { Lesson, Trace } from '../engine';
import { collectValues, gid, isSoftmax, range, vid, type EdgeId, type NodeId, type ValueId } from '../steps';
import { makeContext, type FormulaContext } from './context';
import { formatNumber } from './format';
import type { FormulaOptions } from './formula';
import { ellipsis, equation, partial, plus, product } from './tex';
import type { MessageRef, PathFactor, PathSum, WeightPath } from './types';

/** Paths listed before the list is cut short. */
export const MAX_PATHS = 200;

export interface PathSumOptions extends FormulaOptions {
  /** How many paths to list (default MAX_PATHS). */
  maxPaths?: number;
}

/** A weight w^l_{to,from}; from = -1 for the bias b^l_to. */
export interface WeightRef {
  layer: number;
  to: number;
  from: number;
}

const valueFactor = (c: FormulaContext, id: ValueId): PathFactor => ({
  id,
  symbol: c.symbol(id),
  shown: c.shown(id),
  value: c.values[id],
});

/** ∂a^L_o/∂z^L_i = a_o(δ_oi − a_i), the softmax Jacobian entry. */
function jacobianFactor(c: FormulaContext, o: number, i: number): PathFactor {
  const L = c.shape.L;
  const [ao, ai] = [c.values[vid.a(L, o)], c.values[vid.a(L, i)]];
  const value = ao * ((o === i ? 1 : 0) - ai);
  return { symbol: partial(c.n.a(L, o), c.n.z(L, i)), shown: formatNumber(value, c.digits), value };
}

/** The path through neuron `through[m − l − 1]` of each layer m > l (and output o for softmax). */
function pathAt(c: FormulaContext, weight: WeightRef, choice: number[]): WeightPath {
  const { layer: l, to: j, from: k } = weight;
  const { L } = c.shape;
  const at = (m: number) => (m === l ? j : choice[m - l - 1]); // the neuron of layer m on the path
  const factors: PathFactor[] = [];
  if (isSoftmax(c.shape, L)) {
    const o = choice[L - l];
    factors.push(valueFactor(c, vid.dA(L, o)), jacobianFactor(c, o, at(L)));
  } else {
    factors.push(valueFactor(c, vid.dA(L, at(L))), valueFactor(c, vid.fp(L, at(L))));
  }
  for (let m = L; m > l; m--) {
    factors.push(valueFactor(c, vid.w(m, at(m), at(m - 1))), valueFactor(c, vid.fp(m - 1, at(m - 1))));
  }
  if (k >= 0) factors.push(valueFactor(c, vid.input(l, k)));
  const nodes: NodeId[] = [k < 0 ? gid.biasNode(l) : gid.node(l - 1, k)];
  const edges: EdgeId[] = [k < 0 ? gid.biasEdge(l, j) : gid.edge(l, j, k)];
  for (let m = l; m <= L; m++) {
    nodes.push(gid.node(m, at(m)));
    if (m > l) edges.push(gid.edge(m, at(m), at(m - 1)));
  }
  if (isSoftmax(c.shape, L) && choice[L - l] !== at(L)) nodes.push(gid.node(L, choice[L - l]));
  return { nodes, edges, factors, value: factors.reduce((p, f) => p * f.value, 1) };
}

/** The sum over all paths grouped layer by layer: S^L_i = Σ_o ∂E/∂a_o ∂a_o/∂z_i, S^m_i = f′ Σ_n w_ni S^{m+1}_n. */
function groupedTotal(c: FormulaContext, weight: WeightRef): number {
  const { L, sizes } = c.shape;
  const v = c.values;
  let S = range(sizes[L]).map((i) =>
    isSoftmax(c.shape, L)
      ? range(sizes[L]).reduce((s, o) => s + v[vid.dA(L, o)] * jacobianFactor(c, o, i).value, 0)
      : v[vid.dA(L, i)] * v[vid.fp(L, i)],
  );
  for (let m = L - 1; m >= weight.layer; m--) {
    const next = S;
    S = range(sizes[m]).map(
      (i) => v[vid.fp(m, i)] * next.reduce((s, Sn, n) => s + v[vid.w(m + 1, n, i)] * Sn, 0),
    );
  }
  return S[weight.to] * (weight.from < 0 ? 1 : v[vid.input(weight.layer, weight.from)]);
}

/** Every path from the weight to the loss (up to `maxPaths` listed), their sum and the δ form. */
export function pathSumFormula(
  lesson: Lesson,
  trace: Trace,
  weight: WeightRef,
  options: PathSumOptions,
): PathSum {
  // a mini-batch: the paths of the first sample's pass (the trace's own layers)
  const first = trace.batch ? { ...lesson, sample: trace.batch.samples[0] } : lesson;
  const values = collectValues(first, trace.batch ? { ...trace, batch: undefined } : trace);
  const c = makeContext(first, values, options.digits);
  const { L, sizes } = c.shape;
  const limit = options.maxPaths ?? MAX_PATHS;
  const dims = [...sizes.slice(weight.layer + 1), ...(isSoftmax(c.shape, L) ? [sizes[L]] : [])];
  const pathCount = dims.reduce((p, n) => p * n, 1);
  const paths: WeightPath[] = [];
  const choice = dims.map(() => 0);
  for (let p = 0; p < Math.min(pathCount, limit); p++) {
    paths.push(pathAt(c, weight, choice));
    for (let d = dims.length - 1; d >= 0 && ++choice[d] === dims[d]; d--) choice[d] = 0; // next, odometer-wise
  }
  const truncated = pathCount > paths.length;
  const shownTotal = paths.reduce((s, p) => s + p.value, 0);
  const { layer: l, to: j, from: k } = weight;
  const lhs = c.symbol(k < 0 ? vid.db(l, j) : vid.dW(l, j, k));
  const terms = (pick: (f: PathFactor) => string, sep: string) => {
    const written = paths.map((p) => product(p.factors.map(pick), sep));
    return plus(truncated ? [...written, ellipsis] : written);
  };
  const total = truncated ? groupedTotal(c, weight) : shownTotal;
  const of = k < 0 ? 'Bias' : ''; // "this bias" rather than "this weight"
  const sentence: MessageRef =
    pathCount === 1
      ? { key: `path.single${of}` }
      : truncated
        ? { key: `path.truncated${of}`, params: { count: pathCount, shown: paths.length } }
        : { key: `path.sum${of}`, params: { count: pathCount } };
  return {
    weight,
    paths,
    pathCount,
    truncated,
    total,
    shownTotal,
    compactDelta: c.values[k < 0 ? vid.db(l, j) : vid.dW(l, j, k)],
    tex: {
      symbolic: equation(
        lhs,
        terms((f) => f.symbol, ' '),
      ),
      substituted: equation(
        lhs,
        terms((f) => f.shown, ' \\cdot '),
      ),
      result: equation(lhs, formatNumber(total, c.digits)),
    },
    sentence,
  };
}
