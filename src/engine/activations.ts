import type { ActivationName } from './types';

/** Slope of leaky ReLU for z ≤ 0. */
export const LEAKY_SLOPE = 0.01;

/** One activation: f, its derivative f′ (from z and a = f(z)) and both in TeX, so maths and picture agree. */
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

export const ACTIVATIONS: Record<ActivationName, Activation> = {
  sigmoid: {
    name: 'sigmoid',
    f: sigmoid,
    fPrime: (_z, a) => a * (1 - a),
    tex: (x) => `\\frac{1}{1+e^{-${x}}}`,
    fPrimeTex: (_z, a) => `${a}(1-${a})`,
    vectorValued: false,
  },
  tanh: {
    name: 'tanh',
    f: Math.tanh,
    fPrime: (_z, a) => 1 - a * a,
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

/** a = f(z) for a whole layer (softmax via the shifted exponentials). */
export function activateVector(name: ActivationName, z: number[]): number[] {
  if (name === 'softmax') {
    const lse = logSumExp(z);
    return z.map((v) => Math.exp(v - lse));
  }
  const f = ACTIVATIONS[name].f;
  return z.map(f);
}

/**
 * δ = ∂E/∂z from g = ∂E/∂a through the activation: g ⊙ f′(z) element-wise, or for softmax
 * δ_j = Σ_i g_i a_i(δ_ij − a_j) = a_j (g_j − Σ_i g_i a_i).
 */
export function backThroughActivation(name: ActivationName, z: number[], a: number[], g: number[]): number[] {
  if (name === 'softmax') {
    let dot = 0;
    for (let i = 0; i < a.length; i++) dot += g[i] * a[i];
    return a.map((aj, j) => aj * (g[j] - dot));
  }
  const fp = ACTIVATIONS[name].fPrime;
  return z.map((zj, j) => g[j] * fp(zj, a[j]));
}
