import { logSumExp } from './activations';
import type { ActivationName, LossName } from './types';

/** One loss: its per-output terms (E = Σ terms), ∂E/∂a, TeX, and the output activations it is valid with. */
export interface Loss {
  name: LossName;
  /** Per-output terms e_j, so that E = Σ_j e_j (MSE's terms carry the 1/n). */
  terms: (a: number[], t: number[], z: number[], act: ActivationName) => number[];
  /** ∂E/∂a_j at the output. */
  grad: (a: number[], t: number[], z: number[], act: ActivationName) => number[];
  /** TeX of one term for target symbol `t`, output symbol `a` and output count `n`. */
  termTex: (t: string, a: string, n: string) => string;
  /** TeX of ∂E/∂a_j. */
  gradTex: (t: string, a: string, n: string) => string;
  /** Output activations the loss is defined for (cross-entropy needs outputs in (0, 1)). */
  activations: readonly ActivationName[] | 'any';
}

/** softplus(x) = ln(1 + e^x), without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** ln(1 − a_i) for a softmax output, as log Σ_{j≠i} e^{z_j} − log Σ_j e^{z_j}. */
function logOneMinusSoftmax(z: number[], i: number, lse: number): number {
  const others = z.filter((_, j) => j !== i);
  return logSumExp(others) - lse;
}

/** t·x that is 0 when t is 0, even when x is infinite (the limit t ln t → 0 of cross-entropy). */
function weighted(t: number, x: number): number {
  return t === 0 ? 0 : t * x;
}

const squared = (scale: (n: number) => number, gradScale: (n: number) => number) => ({
  terms: (a: number[], t: number[]) => a.map((aj, j) => scale(a.length) * (t[j] - aj) ** 2),
  grad: (a: number[], t: number[]) => a.map((aj, j) => -gradScale(a.length) * (t[j] - aj)),
  activations: 'any' as const,
});

export const LOSSES: Record<LossName, Loss> = {
  halfSse: {
    name: 'halfSse',
    ...squared(
      () => 0.5,
      () => 1,
    ),
    termTex: (t, a) => `\\tfrac{1}{2}(${t}-${a})^{2}`,
    gradTex: (t, a) => `-(${t}-${a})`,
  },
  sse: {
    name: 'sse',
    ...squared(
      () => 1,
      () => 2,
    ),
    termTex: (t, a) => `(${t}-${a})^{2}`,
    gradTex: (t, a) => `-2(${t}-${a})`,
  },
  mse: {
    name: 'mse',
    ...squared(
      (n) => 1 / n,
      (n) => 2 / n,
    ),
    termTex: (t, a, n) => `\\tfrac{1}{${n}}(${t}-${a})^{2}`,
    gradTex: (t, a, n) => `-\\tfrac{2}{${n}}(${t}-${a})`,
  },
  bce: {
    name: 'bce',
    terms: (_a, t, z, act) => {
      if (act === 'sigmoid') return z.map((zj, j) => softplus(zj) - t[j] * zj);
      const lse = logSumExp(z);
      return z.map((zj, j) => -weighted(t[j], zj - lse) - weighted(1 - t[j], logOneMinusSoftmax(z, j, lse)));
    },
    grad: (a, t, z, act) => {
      if (act === 'sigmoid') {
        // 1/a = 1 + e^{−z} and 1/(1 − a) = 1 + e^{z}
        return z.map((zj, j) => -weighted(t[j], 1 + Math.exp(-zj)) + weighted(1 - t[j], 1 + Math.exp(zj)));
      }
      return a.map((aj, j) => -weighted(t[j], 1 / aj) + weighted(1 - t[j], 1 / (1 - aj)));
    },
    termTex: (t, a) => `-\\left[${t}\\ln ${a}+(1-${t})\\ln(1-${a})\\right]`,
    gradTex: (t, a) => `-\\frac{${t}}{${a}}+\\frac{1-${t}}{1-${a}}`,
    activations: ['sigmoid', 'softmax'],
  },
  cce: {
    name: 'cce',
    terms: (_a, t, z, act) => {
      if (act === 'sigmoid') return z.map((zj, j) => weighted(t[j], softplus(-zj)));
      const lse = logSumExp(z);
      return z.map((zj, j) => -weighted(t[j], zj - lse));
    },
    grad: (a, t, z, act) => {
      if (act === 'sigmoid') return z.map((zj, j) => -weighted(t[j], 1 + Math.exp(-zj)));
      const lse = logSumExp(z);
      return a.map((_aj, j) => -weighted(t[j], Math.exp(lse - z[j])));
    },
    termTex: (t, a) => `-${t}\\ln ${a}`,
    gradTex: (t, a) => `-\\frac{${t}}{${a}}`,
    activations: ['softmax', 'sigmoid'],
  },
};

export const LOSS_NAMES = Object.keys(LOSSES) as LossName[];

/** Whether a loss is defined for an output activation. */
export function isValidPair(act: ActivationName, loss: LossName): boolean {
  const allowed = LOSSES[loss].activations;
  return allowed === 'any' || allowed.includes(act);
}

/**
 * The output error δ^L = ∂E/∂z^L. Where the loss and activation cancel (sigmoid or softmax with
 * cross-entropy) it is taken from the simplified form, exact and stable from the logits:
 * sigmoid + BCE: a − t; softmax + CCE: a·Σt − t (= a − t for a one-hot target); sigmoid + CCE: t·a − t.
 * Otherwise δ = ∂E/∂a ⊙ f′(z), or the softmax Jacobian.
 */
export function outputDelta(
  act: ActivationName,
  loss: LossName,
  z: number[],
  a: number[],
  t: number[],
  dLoss: number[],
  backThrough: (name: ActivationName, z: number[], a: number[], g: number[]) => number[],
): number[] {
  if (act === 'sigmoid' && loss === 'bce') return a.map((aj, j) => aj - t[j]);
  if (act === 'sigmoid' && loss === 'cce') return a.map((aj, j) => t[j] * aj - t[j]);
  if (act === 'softmax' && loss === 'cce') {
    const sumT = t.reduce((s, v) => s + v, 0);
    return a.map((aj, j) => aj * sumT - t[j]);
  }
  return backThrough(act, z, a, dLoss);
}
