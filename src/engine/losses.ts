import { logOneMinusSoftmax, logSoftmax, sigmoid } from './activations';
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
  /** For squared losses E = c_E Σ(t − a)², ∂E/∂a = −c_G (t − a): (c_E, c_G) for n outputs (the fast path's form). */
  squaredScales?: (n: number) => [number, number];
  /** Output activations the loss is defined for (cross-entropy needs outputs in (0, 1)). */
  activations: readonly ActivationName[] | 'any';
}

/** softplus(x) = ln(1 + e^x), without overflow. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** t·x that is 0 when t is 0, even when x is infinite (the limit t ln t → 0 of cross-entropy). */
function weighted(t: number, x: number): number {
  return t === 0 ? 0 : t * x;
}

const squared = (scale: (n: number) => number, gradScale: (n: number) => number) => ({
  terms: (a: number[], t: number[]) => a.map((aj, j) => scale(a.length) * (t[j] - aj) ** 2),
  grad: (a: number[], t: number[]) => a.map((aj, j) => -gradScale(a.length) * (t[j] - aj)),
  squaredScales: (n: number): [number, number] => [scale(n), gradScale(n)],
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
      // sigmoid: softplus(z) − t·z, written (1 − t)·z + ln(1 + e^{−z}) for z > 0 so that t = 1 keeps ln(1 + e^{−z})
      // instead of z − z = 0
      if (act === 'sigmoid')
        return z.map(
          (zj, j) => (zj > 0 ? (1 - t[j]) * zj : -t[j] * zj) + Math.log1p(Math.exp(-Math.abs(zj))),
        );
      return z.map(
        (_zj, j) => -weighted(t[j], logSoftmax(z, j)) - weighted(1 - t[j], logOneMinusSoftmax(z, j)),
      );
    },
    grad: (_a, t, z, act) => {
      if (act === 'sigmoid') {
        // 1/a = 1 + e^{−z} and 1/(1 − a) = 1 + e^{z}
        return z.map((zj, j) => -weighted(t[j], 1 + Math.exp(-zj)) + weighted(1 - t[j], 1 + Math.exp(zj)));
      }
      // 1/a and 1/(1 − a) from the logits, never from a rounded to 1 (1/(1 − 1))
      return z.map(
        (_zj, j) =>
          -weighted(t[j], Math.exp(-logSoftmax(z, j))) +
          weighted(1 - t[j], Math.exp(-logOneMinusSoftmax(z, j))),
      );
    },
    termTex: (t, a) => `-\\left[${t}\\ln ${a}+(1-${t})\\ln(1-${a})\\right]`,
    gradTex: (t, a) => `-\\frac{${t}}{${a}}+\\frac{1-${t}}{1-${a}}`,
    activations: ['sigmoid', 'softmax'],
  },
  cce: {
    name: 'cce',
    terms: (_a, t, z, act) => {
      if (act === 'sigmoid') return z.map((zj, j) => weighted(t[j], softplus(-zj)));
      return z.map((_zj, j) => -weighted(t[j], logSoftmax(z, j)));
    },
    grad: (_a, t, z, act) => {
      if (act === 'sigmoid') return z.map((zj, j) => -weighted(t[j], 1 + Math.exp(-zj)));
      return z.map((_zj, j) => -weighted(t[j], Math.exp(-logSoftmax(z, j))));
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
 * cross-entropy) it is taken from the simplified form, computed from the logits so that an output rounded to 1
 * still gives its true error (σ(40) − 1 = −σ(−40) ≈ −4.25×10⁻¹⁸, not 1 − 1 = 0):
 * sigmoid + BCE: a − t = (1 − t) − σ(−z) for z ≥ 0; sigmoid + CCE: t(a − 1) = −t·σ(−z);
 * softmax + CCE: a·Σt − t (= a − t for a one-hot target) = (Σt − t) − Σt·(1 − a) where a ≥ ½, 1 − a from the logits.
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
  if (act === 'sigmoid' && loss === 'bce')
    return z.map((zj, j) => (zj >= 0 ? 1 - t[j] - sigmoid(-zj) : sigmoid(zj) - t[j]));
  if (act === 'sigmoid' && loss === 'cce') return z.map((zj, j) => -t[j] * sigmoid(-zj));
  if (act === 'softmax' && loss === 'cce') {
    const sumT = t.reduce((s, v) => s + v, 0);
    return a.map((aj, j) =>
      aj >= 0.5 ? sumT - t[j] - sumT * Math.exp(logOneMinusSoftmax(z, j)) : aj * sumT - t[j],
    );
  }
  return backThrough(act, z, a, dLoss);
}
