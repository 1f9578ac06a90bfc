import { activateVector, ACTIVATIONS, backThroughActivation } from './activations';
import { assertFinite, assertFiniteMatrix, catchNonFinite } from './finite';
import { LOSSES, outputDelta } from './losses';
import type { ActivationName, LayerTrace, Lesson, Trace, TraceResult } from './types';

/** The parts of a lesson one step needs. */
export type StepInput = Pick<Lesson, 'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases' | 'sample'>;

/**
 * One gradient-descent step on the lesson's sample, with every intermediate value recorded.
 * Every gradient is taken from the weights before the update. A NaN or ±Infinity anywhere is returned as a
 * condition naming the quantity, layer and neuron instead of a trace.
 */
export function traceStep(lesson: StepInput): TraceResult {
  const r = catchNonFinite(() => computeTrace(lesson));
  return r.ok ? { ok: true, trace: r.value } : r;
}

/** traceStep that throws on a non-finite value (inside the engine and in tests). */
export function computeTrace(lesson: StepInput): Trace {
  const { layers: specs, weights, biases, useBias, sample } = lesson;
  const L = specs.length - 1;
  const acts = specs.map((s) => s.activation ?? 'identity') as ActivationName[];
  assertFinite(sample.input, 'input', 0);
  assertFinite(sample.target, 'target', L);

  const layers: LayerTrace[] = [
    { z: sample.input.slice(), a: sample.input.slice(), fPrime: [], dA: [], delta: [], dW: [], db: [] },
  ];
  for (let l = 1; l <= L; l++) {
    const W = weights[l - 1];
    const prev = layers[l - 1].a;
    const z = W.map((row, j) => {
      let s = useBias ? biases[l - 1][j] : 0;
      for (let k = 0; k < row.length; k++) s += row[k] * prev[k];
      return s;
    });
    assertFinite(z, 'z', l);
    const a = activateVector(acts[l], z);
    assertFinite(a, 'a', l);
    const act = ACTIVATIONS[acts[l]];
    const fPrime = act.vectorValued ? [] : z.map((zj, j) => act.fPrime(zj, a[j]));
    layers.push({ z, a, fPrime, dA: [], delta: [], dW: [], db: [] });
  }

  const out = layers[L];
  const t = sample.target;
  const loss = LOSSES[lesson.loss];
  const lossTerms = loss.terms(out.a, t, out.z, acts[L]);
  assertFinite(lossTerms, 'lossTerm', L);
  const total = lossTerms.reduce((s, v) => s + v, 0);
  assertFinite([total], 'loss', L);
  const dLoss = loss.grad(out.a, t, out.z, acts[L]);
  assertFinite(dLoss, 'dLoss', L);
  out.dA = dLoss;
  out.delta = outputDelta(acts[L], lesson.loss, out.z, out.a, t, dLoss, backThroughActivation);
  assertFinite(out.delta, 'delta', L);

  for (let l = L; l >= 1; l--) {
    const layer = layers[l];
    if (l < L) {
      // ∂E/∂a^l_j = Σ_i w^{l+1}_ij δ^{l+1}_i, then δ^l = ∂E/∂a^l ⊙ f′(z^l)
      const W = weights[l];
      const next = layers[l + 1].delta;
      layer.dA = layer.z.map((_zj, j) => {
        let s = 0;
        for (let i = 0; i < next.length; i++) s += W[i][j] * next[i];
        return s;
      });
      assertFinite(layer.dA, 'dA', l);
      layer.delta = backThroughActivation(acts[l], layer.z, layer.a, layer.dA);
      assertFinite(layer.delta, 'delta', l);
    }
    const prev = layers[l - 1].a;
    layer.dW = layer.delta.map((d) => prev.map((ak) => d * ak));
    assertFiniteMatrix(layer.dW, 'dW', l);
    layer.db = useBias ? layer.delta.slice() : [];
  }

  const eta = lesson.learningRate;
  const updatedWeights = weights.map((W, i) => W.map((row, j) => row.map((w, k) => w - eta * layers[i + 1].dW[j][k])));
  const updatedBiases = biases.map((b, i) => (useBias ? b.map((bj, j) => bj - eta * layers[i + 1].db[j]) : b.slice()));
  updatedWeights.forEach((W, i) => assertFiniteMatrix(W, 'weight', i + 1));
  updatedBiases.forEach((b, i) => assertFinite(b, 'bias', i + 1));

  return { layers, loss: total, lossTerms, dLoss, updated: { weights: updatedWeights, biases: updatedBiases } };
}
