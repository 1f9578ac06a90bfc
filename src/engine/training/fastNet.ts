import { ACTIVATIONS, activateVector, backThroughActivation } from '../activations';
import { LOSSES, outputDelta } from '../losses';
import type { ActivationName, LossName } from '../types';

/**
 * The training fast path: the network in flat Float64Arrays, updated in place, with no allocation per step
 * for the element-wise activations and squared losses. It keeps no trace; `traceStep` is the recording path.
 */
export interface FastNet {
  sizes: number[];
  acts: ActivationName[];
  loss: LossName;
  useBias: boolean;
  /** Whether steps update the biases: useBias and not `conventions.fixedBiases` (fixed biases are used, not moved). */
  trainBias: boolean;
  /** W[l] row-major: W[l][j * sizes[l] + k] = weight into neuron j of layer l + 1 from neuron k of layer l. */
  W: Float64Array[];
  b: Float64Array[];
  /** z, a and δ of every layer (index 0 = input). */
  z: Float64Array[];
  a: Float64Array[];
  d: Float64Array[];
  /** For squared losses E = c_E Σ(t − a)², ∂E/∂a = −c_G (t − a): [c_E, c_G]; null for cross-entropy. */
  squared: [number, number] | null;
  /** Accumulated gradients for mini-batches. */
  gW: Float64Array[];
  gb: Float64Array[];
}

export function compileNet(
  sizes: number[],
  acts: ActivationName[],
  loss: LossName,
  useBias: boolean,
  weights: number[][][],
  biases: number[][],
  fixedBiases = false,
): FastNet {
  const W = weights.map((m) => Float64Array.from(m.flat()));
  const b = biases.map((v) => Float64Array.from(v));
  const buf = () => sizes.map((n) => new Float64Array(n));
  return {
    sizes,
    acts,
    loss,
    useBias,
    trainBias: useBias && !fixedBiases,
    W,
    b,
    z: buf(),
    a: buf(),
    d: buf(),
    squared: LOSSES[loss].squaredScales?.(sizes[sizes.length - 1]) ?? null,
    gW: W.map((m) => new Float64Array(m.length)),
    gb: b.map((v) => new Float64Array(v.length)),
  };
}

/** Back to nested arrays: weights[l][j][k] and biases[l][j]. */
export function exportNet(net: FastNet): { weights: number[][][]; biases: number[][] } {
  const weights = net.W.map((m, l) => {
    const nIn = net.sizes[l];
    return Array.from({ length: net.sizes[l + 1] }, (_, j) => Array.from(m.subarray(j * nIn, (j + 1) * nIn)));
  });
  return { weights, biases: net.b.map((v) => Array.from(v)) };
}

/** Forward pass: fills z and a of every layer; returns the output activations (a view, not a copy). */
export function forward(net: FastNet, x: ArrayLike<number>): Float64Array {
  const { sizes, W, b, z, a, acts, useBias } = net;
  a[0].set(x);
  for (let l = 1; l < sizes.length; l++) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w = W[l - 1];
    const bl = b[l - 1];
    const prev = a[l - 1];
    const zl = z[l];
    for (let j = 0; j < nOut; j++) {
      let s = useBias ? bl[j] : 0;
      const off = j * nIn;
      for (let k = 0; k < nIn; k++) s += w[off + k] * prev[k];
      zl[j] = s;
    }
    activate(acts[l], zl, a[l]);
  }
  return a[sizes.length - 1];
}

/** a = f(z) for a layer: element-wise with the record's f, softmax as a whole vector. */
function activate(act: ActivationName, z: Float64Array, a: Float64Array): void {
  if (act === 'softmax') {
    a.set(activateVector('softmax', Array.from(z)));
    return;
  }
  const f = ACTIVATIONS[act].f;
  const n = z.length;
  for (let j = 0; j < n; j++) a[j] = f(z[j]);
}

/** d[j] ← g[j]·f′(z_j, a_j) in place (g is read from d), with the record's f′; softmax through its Jacobian. */
function scaleByDerivative(act: ActivationName, z: Float64Array, a: Float64Array, d: Float64Array): void {
  if (act === 'softmax') {
    d.set(backThroughActivation('softmax', Array.from(z), Array.from(a), Array.from(d)));
    return;
  }
  const fp = ACTIVATIONS[act].fPrime;
  const n = z.length;
  for (let j = 0; j < n; j++) d[j] *= fp(z[j], a[j]);
}

/** Fills δ of the output layer for target t; returns the loss E. */
function outputError(net: FastNet, t: ArrayLike<number>): number {
  const L = net.sizes.length - 1;
  const act = net.acts[L];
  const a = net.a[L];
  const z = net.z[L];
  const d = net.d[L];
  const n = a.length;
  const scales = net.squared;
  if (scales !== null && act !== 'softmax') {
    const cE = scales[0];
    const cG = scales[1];
    let e = 0;
    for (let j = 0; j < n; j++) {
      const r = t[j] - a[j];
      e += r * r;
      d[j] = -cG * r;
    }
    scaleByDerivative(act, z, a, d);
    return cE * e;
  }
  const za = Array.from(z);
  const aa = Array.from(a);
  const ta = Array.from(t);
  const lossRec = LOSSES[net.loss];
  const terms = lossRec.terms(aa, ta, za, act);
  const dLoss = lossRec.grad(aa, ta, za, act);
  d.set(outputDelta(act, net.loss, za, aa, ta, dLoss, backThroughActivation));
  let e = 0;
  for (const v of terms) e += v;
  return e;
}

/** δ of layer l − 1 from δ of layer l through the (not yet updated) weights W[l − 1]. */
function backpropagate(net: FastNet, l: number): void {
  const nIn = net.sizes[l - 1];
  const nOut = net.sizes[l];
  const w = net.W[l - 1];
  const dl = net.d[l];
  const dp = net.d[l - 1];
  dp.fill(0);
  for (let j = 0; j < nOut; j++) {
    const dj = dl[j];
    const off = j * nIn;
    for (let k = 0; k < nIn; k++) dp[k] += w[off + k] * dj;
  }
  scaleByDerivative(net.acts[l - 1], net.z[l - 1], net.a[l - 1], dp);
}

/**
 * One SGD step (batch of 1) in place; returns the loss before the update. Back-propagation and the update
 * share one pass over each weight matrix: δ^{l−1} reads each weight just before it moves.
 */
export function sgdStep(net: FastNet, x: ArrayLike<number>, t: ArrayLike<number>, eta: number): number {
  forward(net, x);
  const e = outputError(net, t);
  const { sizes, W, b, a, d, trainBias } = net;
  for (let l = sizes.length - 1; l >= 1; l--) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w = W[l - 1];
    const bl = b[l - 1];
    const dl = d[l];
    const prev = a[l - 1];
    if (l > 1) {
      const dp = d[l - 1];
      dp.fill(0);
      for (let j = 0, off = 0; j < nOut; j++, off += nIn) {
        const g = dl[j];
        const s = eta * g;
        if (trainBias) bl[j] -= s;
        for (let k = 0; k < nIn; k++) {
          dp[k] += w[off + k] * g; // ∂E/∂a^{l−1}_k with the weight before its update
          w[off + k] -= s * prev[k];
        }
      }
      scaleByDerivative(net.acts[l - 1], net.z[l - 1], prev, dp);
    } else {
      for (let j = 0, off = 0; j < nOut; j++, off += nIn) {
        const s = eta * dl[j];
        if (trainBias) bl[j] -= s;
        for (let k = 0; k < nIn; k++) w[off + k] -= s * prev[k];
      }
    }
  }
  return e;
}

/** Adds one sample's gradients to gW and gb (for mini-batches); returns its loss. */
export function accumulate(net: FastNet, x: ArrayLike<number>, t: ArrayLike<number>): number {
  forward(net, x);
  const e = outputError(net, t);
  for (let l = net.sizes.length - 1; l >= 1; l--) {
    if (l > 1) backpropagate(net, l);
    const nIn = net.sizes[l - 1];
    const g = net.gW[l - 1];
    const dl = net.d[l];
    const prev = net.a[l - 1];
    for (let j = 0; j < dl.length; j++) {
      const off = j * nIn;
      for (let k = 0; k < nIn; k++) g[off + k] += dl[j] * prev[k];
    }
    const gb = net.gb[l - 1];
    for (let j = 0; j < dl.length; j++) gb[j] += dl[j];
  }
  return e;
}

/** w ← w − (η/m) Σ ∂E/∂w over the m accumulated samples, then clears the sums. */
export function applyAccumulated(net: FastNet, eta: number, m: number): void {
  const s = eta / m;
  for (let l = 0; l < net.W.length; l++) {
    const w = net.W[l];
    const g = net.gW[l];
    for (let i = 0; i < w.length; i++) w[i] -= s * g[i];
    g.fill(0);
    if (net.trainBias) {
      const b = net.b[l];
      const gb = net.gb[l];
      for (let j = 0; j < b.length; j++) b[j] -= s * gb[j];
    }
    net.gb[l].fill(0);
  }
}

/** True when every weight and bias is finite. */
export function allFinite(net: FastNet): boolean {
  for (const arr of [...net.W, ...net.b])
    for (let i = 0; i < arr.length; i++) if (!Number.isFinite(arr[i])) return false;
  return true;
}
