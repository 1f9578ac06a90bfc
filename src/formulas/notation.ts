/**
 * The three symbol sets: standard (z, a, δ, W, b, η, E), lesson 004's (X, X_hidden, O_output, target,
 * W_input-hidden) and lesson 001's (x, h′, h, Φ, y, d, α, W¹ with W_ij joining i to j). Indices display
 * 1-based; a string index (`j`) is shown as written.
 */
import type { ActivationName, Lesson } from '../engine';
import { partial, sym } from './tex';

export type Ix = number | string;

/** Every symbol a formula can need, for one lesson. l = layer, j = neuron, k = incoming neuron. */
export interface Notation {
  /** input x_k */
  x(k: Ix): string;
  /** target t_j */
  t(j: Ix): string;
  /** weighted sum z^l_j */
  z(l: number, j: Ix): string;
  /** activation a^l_j (a⁰_k is the input x_k) */
  a(l: number, j: Ix): string;
  /** weight w^l_jk into neuron j from neuron k */
  w(l: number, j: Ix, k: Ix): string;
  /** bias b^l_j */
  b(l: number, j: Ix): string;
  /** the activation function f_l by name (σ, tanh, Φ) */
  f(l: number): string;
  /** f′(z^l_j) */
  fp(l: number, j: Ix): string;
  /** error term δ^l_j = ∂E/∂z^l_j */
  delta(l: number, j: Ix): string;
  /** loss term e_j */
  e(j: Ix): string;
  /** the loss */
  E: string;
  /** learning rate η (α) */
  eta: string;
  /** whole layers: input x, target t, z^l, a^l, b^l, δ^l, W^l, f′(z^l) */
  X: string;
  T: string;
  Z(l: number): string;
  A(l: number): string;
  B(l: number): string;
  Delta(l: number): string;
  W(l: number): string;
  Fp(l: number): string;
}

export const show = (i: Ix): string => (typeof i === 'number' ? String(i + 1) : i);
/** Two indices side by side (w_{jk}), with a comma once either runs to two characters. */
const both = (p: Ix, q: Ix): string => {
  const [s, t] = [show(p), show(q)];
  return s.length > 1 || t.length > 1 ? `${s},${t}` : s + t;
};

const FUNCTION_NAMES: Record<ActivationName, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  leakyRelu: '\\operatorname{LReLU}',
  identity: '\\operatorname{id}',
  softmax: '\\operatorname{softmax}',
};

interface NetFacts {
  L: number;
  outputs: number;
  acts: ActivationName[];
}

function standard({ acts }: NetFacts): Notation {
  const f = (l: number) => FUNCTION_NAMES[acts[l]];
  const n: Notation = {
    x: (k) => sym('x', '', show(k)),
    t: (j) => sym('t', '', show(j)),
    z: (l, j) => sym('z', `${l}`, show(j)),
    a: (l, j) => (l === 0 ? n.x(j) : sym('a', `${l}`, show(j))),
    w: (l, j, k) => sym('w', `${l}`, both(j, k)),
    b: (l, j) => sym('b', `${l}`, show(j)),
    f,
    fp: (l, j) => `${f(l)}'(${n.z(l, j)})`,
    delta: (l, j) => sym('\\delta', `${l}`, show(j)),
    e: (j) => sym('e', '', show(j)),
    E: 'E',
    eta: '\\eta',
    X: 'x',
    T: 't',
    Z: (l) => sym('z', `${l}`),
    A: (l) => (l === 0 ? 'x' : sym('a', `${l}`)),
    B: (l) => sym('b', `${l}`),
    Delta: (l) => sym('\\delta', `${l}`),
    W: (l) => sym('W', `${l}`),
    Fp: (l) => `${f(l)}'(${n.Z(l)})`,
  };
  return n;
}

/** Lesson 004: X_hidden = W_input-hidden · X, O = Sigmoid(X), E = Σ(target − O)², w_{k,j} joining k to j. */
function matrix004({ L, acts }: NetFacts): Notation {
  const name = (l: number) =>
    l === 0
      ? '\\text{input}'
      : l === L
        ? '\\text{output}'
        : L === 2
          ? '\\text{hidden}'
          : `\\text{hidden}_{${l}}`;
  const f = (l: number) => (acts[l] === 'sigmoid' ? '\\operatorname{Sigmoid}' : FUNCTION_NAMES[acts[l]]);
  const weight = (l: number) => (L <= 3 ? `w${"'".repeat(l - 1)}` : `w^{(${l})}`);
  const n: Notation = {
    x: (k) => sym('X', '', show(k)),
    t: (j) => sym('\\text{target}', '', show(j)),
    z: (l, j) => sym('X', '', `${name(l)},${show(j)}`),
    a: (l, j) => (l === 0 ? n.x(j) : sym('O', '', `${name(l)},${show(j)}`)),
    w: (l, j, k) => sym(weight(l), '', `${show(k)},${show(j)}`),
    b: (l, j) => sym('b', '', `${name(l)},${show(j)}`),
    f,
    fp: (l, j) => partial(n.a(l, j), n.z(l, j)),
    delta: (l, j) => sym('\\delta', '', `${name(l)},${show(j)}`),
    e: (j) => sym('E', '', show(j)),
    E: 'E',
    eta: '\\eta',
    X: 'X',
    T: '\\text{target}',
    Z: (l) => sym('X', '', name(l)),
    A: (l) => (l === 0 ? 'X' : sym('O', '', name(l))),
    B: (l) => sym('b', '', name(l)),
    Delta: (l) => sym('\\delta', '', name(l)),
    W: (l) => sym('W', '', `${name(l - 1)}\\text{-}${name(l)}`),
    Fp: (l) => partial(n.A(l), n.Z(l)),
  };
  return n;
}

/** Lesson 001: h′ = x W¹, h = Φ(h′), y the output, d the target, W^l_{ij} joining i to j, α the learning rate. */
function paths001({ L, outputs, acts }: NetFacts): Notation {
  const tag = (l: number) => (L === 2 ? '' : `(${l})`);
  const out = (j: Ix) => (outputs > 1 || typeof j === 'string' ? show(j) : '');
  const f = (l: number) => (l < L ? '\\Phi' : FUNCTION_NAMES[acts[l]]);
  const n: Notation = {
    x: (k) => sym('x', '', show(k)),
    t: (j) => sym('d', '', out(j)),
    z: (l, j) => (l === L ? sym("{y'}", '', out(j)) : sym("{h'}", tag(l), show(j))),
    a: (l, j) => (l === 0 ? n.x(j) : l === L ? sym('y', '', out(j)) : sym('h', tag(l), show(j))),
    w: (l, j, k) => sym('W', `${l}`, both(k, j)),
    b: (l, j) => sym('b', `${l}`, show(j)),
    f,
    fp: (l, j) => (l < L ? sym("{\\Phi'}", tag(l), show(j)) : `${f(l)}'(${n.z(l, j)})`),
    delta: (l, j) => partial(n.E, n.z(l, j)),
    e: (j) => sym('E', '', show(j)),
    E: 'E',
    eta: '\\alpha',
    X: '\\bar{x}',
    T: '\\bar{d}',
    Z: (l) => (l === L ? "\\bar{y}'" : sym("{\\bar{h}'}", tag(l))),
    A: (l) => (l === 0 ? '\\bar{x}' : l === L ? '\\bar{y}' : sym('\\bar{h}', tag(l))),
    B: (l) => sym('\\bar{b}', `${l}`),
    Delta: (l) => partial(n.E, n.Z(l)),
    W: (l) => sym('W', `${l}`),
    Fp: (l) => `${f(l)}'(${n.Z(l)})`,
  };
  return n;
}

const SETS = { standard, matrix004, paths001 };

/** The lesson's symbols; the learning rate is α whenever the update is written w + α(−∂E/∂w). */
export function notationFor(lesson: Lesson): Notation {
  const L = lesson.layers.length - 1;
  const facts = {
    L,
    outputs: lesson.layers[L].size,
    acts: lesson.layers.map((s) => s.activation ?? 'identity'),
  };
  const n = SETS[lesson.conventions.symbols](facts);
  return lesson.conventions.update === 'plusAlpha' ? { ...n, eta: '\\alpha' } : n;
}
