/** Every number of one traced step by value id: the lesson's givens and the trace's quantities, unrounded. */
import type { Lesson, Trace } from '../engine';
import { dictionary, vid } from './ids';
import type { ValueId } from './types';

export function collectValues(lesson: Lesson, trace: Trace): Record<ValueId, number> {
  const v: Record<ValueId, number> = dictionary();
  const L = lesson.layers.length - 1;
  lesson.sample.input.forEach((x, k) => (v[vid.x(k)] = x));
  lesson.sample.target.forEach((t, j) => (v[vid.t(j)] = t));
  v[vid.eta] = lesson.learningRate;
  for (let l = 1; l <= L; l++) {
    const layer = trace.layers[l];
    const W = lesson.weights[l - 1];
    for (let j = 0; j < W.length; j++) {
      v[vid.z(l, j)] = layer.z[j];
      v[vid.a(l, j)] = layer.a[j];
      if (layer.fPrime.length > 0) v[vid.fp(l, j)] = layer.fPrime[j];
      v[vid.dA(l, j)] = layer.dA[j];
      v[vid.d(l, j)] = layer.delta[j];
      for (let k = 0; k < W[j].length; k++) {
        v[vid.w(l, j, k)] = W[j][k];
        v[vid.dW(l, j, k)] = layer.dW[j][k];
        v[vid.wNew(l, j, k)] = trace.updated.weights[l - 1][j][k];
      }
      if (lesson.useBias) {
        v[vid.b(l, j)] = lesson.biases[l - 1][j];
        v[vid.db(l, j)] = layer.db[j];
        v[vid.bNew(l, j)] = trace.updated.biases[l - 1][j];
      }
    }
  }
  trace.lossTerms.forEach((e, j) => (v[vid.e(j)] = e));
  v[vid.E] = trace.loss;
  return v;
}
