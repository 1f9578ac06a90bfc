import type { Runner, Workload } from './workloads';

export const BASELINE_NAME = 'Float64Array loop (baseline)';

/**
 * The speed baseline: flat row-major Float64Array weights (W[l][j * nIn + k]), sigmoid everywhere,
 * ½Σ(t−a)² loss, one fused pass per step (forward, then backward with the update folded into the
 * back-propagation loop). Nothing is allocated per step.
 */
export function baselineRunner(w: Workload): Runner {
  const { sizes, learningRate: eta } = w;
  const L = sizes.length - 1;
  const W = w.init.weights.map((m) => Float64Array.from(m.flat()));
  const B = w.init.biases.map((b) => Float64Array.from(b));
  const A = sizes.map((n) => new Float64Array(n)); // activations; A[0] holds the input
  const D = sizes.map((n) => new Float64Array(n)); // δ = ∂E/∂z per layer (D[0] unused)
  const X = w.data.inputs.map((r) => Float64Array.from(r));
  const T = w.data.targets.map((r) => Float64Array.from(r));
  let cursor = 0;

  function forward(x: Float64Array): Float64Array {
    A[0].set(x);
    for (let l = 0; l < L; l++) {
      const wl = W[l],
        bl = B[l],
        a = A[l],
        out = A[l + 1],
        nIn = sizes[l],
        nOut = sizes[l + 1];
      for (let j = 0, r = 0; j < nOut; j++, r += nIn) {
        let z = bl[j];
        for (let k = 0; k < nIn; k++) z += wl[r + k] * a[k];
        out[j] = 1 / (1 + Math.exp(-z));
      }
    }
    return A[L];
  }

  function step(x: Float64Array, t: Float64Array): void {
    const y = forward(x);
    const dOut = D[L];
    for (let j = 0; j < sizes[L]; j++) dOut[j] = (y[j] - t[j]) * y[j] * (1 - y[j]);
    for (let l = L - 1; l >= 0; l--) {
      const wl = W[l],
        bl = B[l],
        a = A[l],
        d = D[l + 1],
        nIn = sizes[l],
        nOut = sizes[l + 1];
      if (l === 0) {
        // First layer: no δ to pass on, only the update.
        for (let j = 0, r = 0; j < nOut; j++, r += nIn) {
          const s = eta * d[j];
          bl[j] -= s;
          for (let k = 0; k < nIn; k++) wl[r + k] -= s * a[k];
        }
        break;
      }
      const dPrev = D[l];
      dPrev.fill(0);
      for (let j = 0, r = 0; j < nOut; j++, r += nIn) {
        const g = d[j],
          s = eta * g;
        bl[j] -= s;
        for (let k = 0; k < nIn; k++) {
          dPrev[k] += wl[r + k] * g; // uses the weight before its update
          wl[r + k] -= s * a[k];
        }
      }
      for (let k = 0; k < nIn; k++) dPrev[k] *= a[k] * (1 - a[k]);
    }
  }

  return {
    run(steps) {
      for (let s = 0; s < steps; s++) {
        step(X[cursor], T[cursor]);
        if (++cursor === X.length) cursor = 0;
      }
    },
    predict: (input) => Array.from(forward(Float64Array.from(input))),
  };
}
