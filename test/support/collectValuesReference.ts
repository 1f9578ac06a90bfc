/** The record of values as collectValues built it before its shared layouts: a plain record, the reference for the tests. */
import { trainsBiases, type Lesson, type Sample, type Trace } from '../../src/engine';
import { scopeId, vid } from '../../src/engine';
import { dictionary } from '../../src/steps/collections';
import type { ValueId } from '../../src/steps/types';

/**
 * One sample's quantities (x, t, z, a, f′, ∂E/∂a, δ, e, E and its own ∂E/∂w, ∂E/∂b), under `id` (the plain ids,
 * or in a mini-batch the sample's own).
 */
function collectPass(
  v: Record<ValueId, number>,
  lesson: Lesson,
  sample: Sample,
  trace: Trace,
  id: (plain: ValueId) => ValueId,
): void {
  const L = lesson.layers.length - 1;
  const trainBias = trainsBiases(lesson);
  sample.input.forEach((x, k) => (v[id(vid.x(k))] = x));
  sample.target.forEach((t, j) => (v[id(vid.t(j))] = t));
  for (let l = 1; l <= L; l++) {
    const layer = trace.layers[l];
    const W = lesson.weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      v[id(vid.z(l, j))] = layer.z[j];
      v[id(vid.a(l, j))] = layer.a[j];
      if (layer.fPrime.length > 0) v[id(vid.fp(l, j))] = layer.fPrime[j];
      v[id(vid.dA(l, j))] = layer.dA[j];
      v[id(vid.d(l, j))] = layer.delta[j];
      for (let k = 0; k < W[j].length; k++) v[id(vid.dW(l, j, k))] = layer.dW[j][k];
      if (trainBias) v[id(vid.db(l, j))] = layer.db[j];
    }
  }
  trace.lossTerms.forEach((e, j) => (v[id(vid.e(j))] = e));
  v[id(vid.E)] = trace.loss;
}

export function collectValuesReference(lesson: Lesson, trace: Trace): Record<ValueId, number> {
  const v: Record<ValueId, number> = dictionary();
  const L = lesson.layers.length - 1;
  const trainBias = trainsBiases(lesson);
  const batch = trace.batch;
  if (batch) {
    // each sample's pass under its own ids; the plain ids hold the batch's loss and mean gradients
    batch.traces.forEach((t, x) => collectPass(v, lesson, batch.samples[x], t, (id) => scopeId(id, x)));
    v[vid.E] = batch.loss;
  } else collectPass(v, lesson, lesson.sample, trace, (id) => id);
  v[vid.eta] = lesson.learningRate;
  for (let l = 1; l <= L; l++) {
    const W = lesson.weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      for (let k = 0; k < W[j].length; k++) {
        v[vid.w(l, j, k)] = W[j][k];
        if (batch) v[vid.dW(l, j, k)] = batch.dW[l - 1][j][k];
        v[vid.wNew(l, j, k)] = trace.updated.weights[l - 1][j][k];
      }
      if (lesson.useBias) v[vid.b(l, j)] = lesson.biases[l - 1][j];
      if (trainBias) {
        if (batch) v[vid.db(l, j)] = batch.db[l - 1][j];
        v[vid.bNew(l, j)] = trace.updated.biases[l - 1][j];
      }
    }
  }
  return v;
}
