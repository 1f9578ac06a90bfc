import type { ActivationName } from './types';

/** Slope of leaky ReLU for z ≤ 0. */
export const LEAKY_SLOPE = 0.01;

/**
 * One activation: f, its derivative f′ (from z and a = f(z)) and both in TeX, so maths and picture agree. f′ is
 * computed from z wherever a saturates (σ, tanh): a(1 − a) and 1 − a² read 0 once a rounds to ±1, long before the
 * true derivative does.
 */
export interface Activation {
  name: ActivationName;
  /** f(z), element-wise; softmax is handled as a whole vector by `activateVector`. */
  f: (z: number) => number;
  /** f′(z), given z and a = f(z). */
  fPrime: (z: number, a: number) => number;
  /** TeX of f applied to the symbol `x`, e.g. `\frac{1}{1+e^{-x}}`. */
  tex: (x: string) => string;
  /** TeX of f′ written with z and a symbols, e.g. `a(1-a)`. */
  fPrimeTex: (z: string, a: string) => string;
  /** True when f′ is a Jacobian over the whole layer rather than element-wise. */
  vectorValued: boolean;
}

/** Logistic sigmoid σ(z) = 1/(1 + e^{−z}), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * σ′(z) = σ(z)σ(−z) = e^{−|z|}/(1 + e^{−|z|})², from z: exact to a few ulps for every z, and 0 only where the true
 * value is below the smallest double (|z| > 745). a(1 − a) would read 0 from z ≈ 37 on (σ′(40) ≈ 4.25×10⁻¹⁸).
 */
export function sigmoidPrime(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

/** tanh′(z) = 1/cosh²(z) = 4e^{−2|z|}/(1 + e^{−2|z|})², from z (1 − a² reads 0 from z ≈ 19 on). */
export function tanhPrime(z: number): number {
  const e = Math.exp(-2 * Math.abs(z));
  return (4 * e) / ((1 + e) * (1 + e));
}

/**
 * 1 − |a| for a = f(z), computed without the cancellation of 1 − a when a is close to ±1: σ: σ(−z) for z ≥ 0;
 * tanh: 2e^{−2|z|}/(1 + e^{−2|z|}); softmax: Σ_{i≠j} a_i = e^{log Σ_{i≠j} e^{z_i} − log Σ_i e^{z_i}}. Other
 * activations (never within reach of ±1 by saturation) give 1 − |a| directly.
 */
export function complementOf(name: ActivationName, z: ArrayLike<number>, j: number): number {
  if (name === 'sigmoid') return z[j] >= 0 ? sigmoid(-z[j]) : 1 - sigmoid(z[j]);
  if (name === 'tanh') {
    const e = Math.exp(-2 * Math.abs(z[j]));
    return (2 * e) / (1 + e);
  }
  if (name === 'softmax') return Math.exp(logOneMinusSoftmax(z, j));
  return 1 - Math.abs(ACTIVATIONS[name].f(z[j]));
}

export const ACTIVATIONS: Record<ActivationName, Activation> = {
  sigmoid: {
    name: 'sigmoid',
    f: sigmoid,
    fPrime: sigmoidPrime, // = a(1 − a), from z
    tex: (x) => `\\frac{1}{1+e^{-${x}}}`,
    fPrimeTex: (_z, a) => `${a}(1-${a})`,
    vectorValued: false,
  },
  tanh: {
    name: 'tanh',
    f: Math.tanh,
    fPrime: tanhPrime, // = 1 − a², from z
    tex: (x) => `\\tanh(${x})`,
    fPrimeTex: (_z, a) => `1-${a}^{2}`,
    vectorValued: false,
  },
  relu: {
    name: 'relu',
    f: (z) => (z > 0 ? z : 0),
    fPrime: (z) => (z > 0 ? 1 : 0),
    tex: (x) => `\\max(0,${x})`,
    fPrimeTex: (z) => `[${z}>0]`,
    vectorValued: false,
  },
  leakyRelu: {
    name: 'leakyRelu',
    f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    fPrime: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    tex: (x) => `\\max(${LEAKY_SLOPE}${x},${x})`,
    fPrimeTex: (z) => `\\begin{cases}1 & ${z}>0\\\\ ${LEAKY_SLOPE} & ${z}\\le 0\\end{cases}`,
    vectorValued: false,
  },
  identity: {
    name: 'identity',
    f: (z) => z,
    fPrime: () => 1,
    tex: (x) => x,
    fPrimeTex: () => '1',
    vectorValued: false,
  },
  softmax: {
    name: 'softmax',
    f: (z) => z, // never used element-wise: see activateVector
    fPrime: () => Number.NaN, // never used element-wise: the Jacobian is a_i(δ_ij − a_j)
    tex: (x) => `\\frac{e^{${x}}}{\\sum_i e^{${x}_i}}`,
    fPrimeTex: (_z, a) => `${a}_i(\\delta_{ij}-${a}_j)`,
    vectorValued: true,
  },
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/** log Σ_i e^{z_i}, shifted by the maximum so it never overflows. */
export function logSumExp(z: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > m) m = z[i];
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.exp(z[i] - m);
  return m + Math.log(s);
}

/**
 * ln a_j of a softmax layer. Where z_j is the largest, −ln(1 + Σ_{i≠j} e^{z_i − z_j}) (log1p keeps a_j ≈ 1 from
 * reading ln 1 = 0); otherwise z_j − log Σ_i e^{z_i}.
 */
export function logSoftmax(z: ArrayLike<number>, j: number): number {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > m) m = z[i];
  if (z[j] < m) return z[j] - logSumExp(z);
  let s = 0;
  for (let i = 0; i < z.length; i++) if (i !== j) s += Math.exp(z[i] - m);
  return -Math.log1p(s);
}

/**
 * ln(1 − a_j) of a softmax layer: ln Σ_{i≠j} e^{z_i} − ln Σ_i e^{z_i} where a_j ≥ ½, ln(1 − a_j) by log1p where a_j
 * is small (the difference of two close logarithms would lose its digits there).
 */
export function logOneMinusSoftmax(z: ArrayLike<number>, j: number): number {
  const logA = logSoftmax(z, j);
  if (logA < -Math.LN2) return Math.log1p(-Math.exp(logA));
  const others: number[] = [];
  for (let i = 0; i < z.length; i++) if (i !== j) others.push(z[i]);
  return logSumExp(others) - logSumExp(z);
}

/** a = f(z) for a whole layer (softmax via the shifted exponentials). */
export function activateVector(name: ActivationName, z: number[]): number[] {
  const n = z.length;
  const a = new Array<number>(n);
  if (name === 'softmax') {
    const lse = logSumExp(z);
    for (let j = 0; j < n; j++) a[j] = Math.exp(z[j] - lse);
    return a;
  }
  const f = ACTIVATIONS[name].f;
  for (let j = 0; j < n; j++) a[j] = f(z[j]);
  return a;
}

/**
 * δ = ∂E/∂z from g = ∂E/∂a through the activation: g ⊙ f′(z) element-wise, or for softmax
 * δ_j = Σ_i g_i a_i(δ_ij − a_j) = a_j (g_j − Σ_i g_i a_i), computed as a_j (g_j (1 − a_j) − Σ_{i≠j} g_i a_i) with
 * 1 − a_j from the logits and the sum over i ≠ j added up without subtracting: g_j − g_j a_j cancels to nothing
 * once a_j rounds to 1.
 */
export function backThroughActivation(name: ActivationName, z: number[], a: number[], g: number[]): number[] {
  if (name === 'softmax') {
    const n = a.length;
    const suffix = new Array<number>(n + 1).fill(0); // suffix[i] = Σ_{i' ≥ i} g a
    for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + g[i] * a[i];
    let prefix = 0; // Σ_{i < j} g a
    return a.map((aj, j) => {
      const others = prefix + suffix[j + 1];
      prefix += g[j] * aj;
      const complement = aj < 0.5 ? 1 - aj : complementOf('softmax', z, j);
      return aj * (g[j] * complement - others);
    });
  }
  const fp = ACTIVATIONS[name].fPrime;
  return z.map((zj, j) => g[j] * fp(zj, a[j]));
}
