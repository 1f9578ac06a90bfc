import { ACTIVATIONS, activateVector, backThroughActivation } from './activations';
import { assertFinite, assertFiniteMatrix, catchNonFinite } from './finite';
import { LOSSES, outputDelta } from './losses';
import type { Conventions, LayerTrace, Lesson, Sample, Trace, TraceResult } from './types';

/** The parts of a lesson one step needs (of its conventions only `fixedBiases`, which changes the update). */
export type StepInput = Pick<
  Lesson,
  'layers' | 'loss' | 'learningRate' | 'useBias' | 'weights' | 'biases' | 'sample'
> & { conventions?: Pick<Conventions, 'fixedBiases'> };

/** Whether the step updates biases: the lesson has biases and does not hold them fixed. */
export const trainsBiases = (lesson: StepInput): boolean =>
  lesson.useBias && lesson.conventions?.fixedBiases !== true;

/**
 * One gradient-descent step on the lesson's sample, with every intermediate value recorded.
 * Every gradient is taken from the weights before the update. A NaN or ±Infinity anywhere is returned as a
 * condition naming the quantity, layer and neuron instead of a trace.
 */
export function traceStep(lesson: StepInput): TraceResult {
  const r = catchNonFinite(() => computeTrace(lesson));
  return r.ok ? { ok: true, trace: r.value } : r;
}

/** traceStep that throws NonFiniteError on a non-finite value (inside the engine and in tests). */
export function computeTrace(lesson: StepInput): Trace {
  const { layers: specs, weights, biases, useBias, sample } = lesson;
  const trainBias = trainsBiases(lesson);
  const L = specs.length - 1;
  assertFinite(sample.input, 'input', 0);
  assertFinite(sample.target, 'target', L);

  const layers: LayerTrace[] = new Array(L + 1);
  layers[0] = {
    z: sample.input.slice(),
    a: sample.input.slice(),
    fPrime: [],
    dA: [],
    delta: [],
    dW: [],
    db: [],
  };
  for (let l = 1; l <= L; l++) {
    const W = weights[l - 1];
    const bl = biases[l - 1];
    const prev = layers[l - 1].a;
    const n = W.length;
    const z = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const row = W[j];
      let s = useBias ? bl[j] : 0;
      for (let k = 0; k < row.length; k++) s += row[k] * prev[k];
      z[j] = s;
    }
    assertFinite(z, 'z', l);
    const name = specs[l].activation ?? 'identity';
    const a = activateVector(name, z);
    assertFinite(a, 'a', l);
    const act = ACTIVATIONS[name];
    let fPrime: number[] = [];
    if (!act.vectorValued) {
      fPrime = new Array<number>(n);
      for (let j = 0; j < n; j++) fPrime[j] = act.fPrime(z[j], a[j]);
    }
    layers[l] = { z, a, fPrime, dA: [], delta: [], dW: [], db: [] };
  }

  const out = layers[L];
  const t = sample.target;
  const outAct = specs[L].activation ?? 'identity';
  const loss = LOSSES[lesson.loss];
  const lossTerms = loss.terms(out.a, t, out.z, outAct);
  assertFinite(lossTerms, 'lossTerm', L);
  let total = 0;
  for (const v of lossTerms) total += v;
  assertFinite([total], 'loss', L);
  const dLoss = loss.grad(out.a, t, out.z, outAct);
  assertFinite(dLoss, 'dLoss', L);
  out.dA = dLoss;
  out.delta = outputDelta(outAct, lesson.loss, out.z, out.a, t, dLoss, backThroughActivation);
  assertFinite(out.delta, 'delta', L);

  const eta = lesson.learningRate;
  const updatedWeights: number[][][] = new Array(L);
  const updatedBiases: number[][] = new Array(L);
  for (let l = L; l >= 1; l--) {
    const layer = layers[l];
    const n = layer.z.length;
    if (l < L) {
      // ∂E/∂a^l_j = Σ_i w^{l+1}_ij δ^{l+1}_i, then δ^l = ∂E/∂a^l ⊙ f′(z^l) (or the softmax Jacobian)
      const W = weights[l];
      const next = layers[l + 1].delta;
      const dA = new Array<number>(n).fill(0);
      for (let i = 0; i < next.length; i++) {
        const row = W[i];
        const di = next[i];
        for (let j = 0; j < n; j++) dA[j] += row[j] * di;
      }
      assertFinite(dA, 'dA', l);
      layer.dA = dA;
      if (layer.fPrime.length === n) {
        const delta = new Array<number>(n);
        for (let j = 0; j < n; j++) delta[j] = dA[j] * layer.fPrime[j];
        layer.delta = delta;
      } else {
        layer.delta = backThroughActivation(specs[l].activation ?? 'identity', layer.z, layer.a, dA);
      }
      assertFinite(layer.delta, 'delta', l);
    }
    // ∂E/∂w^l_jk = δ^l_j a^{l−1}_k and w ← w − η ∂E/∂w, from the weights before any update
    const prev = layers[l - 1].a;
    const W = weights[l - 1];
    const dW: number[][] = new Array(n);
    const newW: number[][] = new Array(n);
    for (let j = 0; j < n; j++) {
      const dj = layer.delta[j];
      const row = W[j];
      const g = new Array<number>(prev.length);
      const w2 = new Array<number>(prev.length);
      for (let k = 0; k < prev.length; k++) {
        g[k] = dj * prev[k];
        w2[k] = row[k] - eta * g[k];
      }
      dW[j] = g;
      newW[j] = w2;
    }
    assertFiniteMatrix(dW, 'dW', l);
    assertFiniteMatrix(newW, 'weight', l);
    layer.dW = dW;
    layer.db = trainBias ? layer.delta.slice() : [];
    updatedWeights[l - 1] = newW;
    const bl = biases[l - 1];
    const newB = new Array<number>(bl.length);
    for (let j = 0; j < bl.length; j++) newB[j] = trainBias ? bl[j] - eta * layer.delta[j] : bl[j];
    assertFinite(newB, 'bias', l);
    updatedBiases[l - 1] = newB;
  }

  return {
    layers,
    loss: total,
    lossTerms,
    dLoss,
    updated: { weights: updatedWeights, biases: updatedBiases },
  };
}

/**
 * The mini-batch a lesson's step averages over: the first `batchSize` samples of its inline data set, when
 * batchSize ≥ 2 and the set has at least two samples; null for a one-sample step (on `lesson.sample`).
 */
export function batchOf(lesson: Pick<Lesson, 'batchSize' | 'dataset'>): Sample[] | null {
  const m = lesson.batchSize ?? 1;
  const d = lesson.dataset;
  if (m < 2 || d?.kind !== 'inline' || d.samples.length < 2) return null;
  return d.samples.slice(0, m);
}

/** The lesson's step: averaged over its mini-batch when it has one (see batchOf), else on its one sample. */
export function traceLesson(lesson: Lesson): TraceResult {
  const batch = batchOf(lesson);
  return batch ? traceBatch(lesson, batch) : traceStep(lesson);
}

/**
 * One gradient-descent step averaged over a mini-batch: forward and backward for each sample x from the same
 * weights, then ∂E/∂W^l = (1/m) Σ_x δ^{x,l} (a^{x,l−1})ᵀ, ∂E/∂b^l = (1/m) Σ_x δ^{x,l} and W ← W − η·mean.
 * The result is the first sample's trace with `updated` the batch's step and `batch` every sample's.
 */
export function traceBatch(lesson: StepInput, samples: Sample[]): TraceResult {
  const r = catchNonFinite(() => computeBatch(lesson, samples));
  return r.ok ? { ok: true, trace: r.value } : r;
}

function computeBatch(lesson: StepInput, samples: Sample[]): Trace {
  const m = samples.length;
  const traces = samples.map((sample) => computeTrace({ ...lesson, sample }));
  const L = lesson.layers.length - 1;
  const trainBias = trainsBiases(lesson);
  const eta = lesson.learningRate;
  const mean = (pick: (t: Trace) => number) => {
    let s = 0;
    for (const t of traces) s += pick(t);
    return s / m;
  };
  const dW: number[][][] = [];
  const db: number[][] = [];
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 1; l <= L; l++) {
    const W = lesson.weights[l - 1];
    const g = W.map((row, j) => row.map((_, k) => mean((t) => t.layers[l].dW[j][k])));
    const gb = trainBias ? W.map((_, j) => mean((t) => t.layers[l].db[j])) : [];
    assertFiniteMatrix(g, 'dW', l);
    assertFinite(gb, 'db', l);
    const newW = W.map((row, j) => row.map((w, k) => w - eta * g[j][k]));
    const bl = lesson.biases[l - 1];
    const newB = bl.map((b, j) => (trainBias ? b - eta * gb[j] : b));
    assertFiniteMatrix(newW, 'weight', l);
    assertFinite(newB, 'bias', l);
    dW.push(g);
    db.push(gb);
    weights.push(newW);
    biases.push(newB);
  }
  const loss = mean((t) => t.loss);
  assertFinite([loss], 'loss', L);
  return { ...traces[0], updated: { weights, biases }, batch: { samples, traces, loss, dW, db } };
}
