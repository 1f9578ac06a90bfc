import type { Lesson, Trace } from '../../src/engine';

/**
 * The number a value id stands for, read straight from the lesson and the trace (independently of the steps
 * layer's own collectValues), so tests can compare what a formula shows with the engine.
 */
export function traceValue(lesson: Lesson, trace: Trace, id: string): number {
  const [kind, ...rest] = id.split(':');
  const [p, q, r] = rest.map(Number);
  const layer = trace.layers[p];
  switch (kind) {
    case 'x':
      return lesson.sample.input[p];
    case 't':
      return lesson.sample.target[p];
    case 'eta':
      return lesson.learningRate;
    case 'w':
      return lesson.weights[p - 1][q][r];
    case 'b':
      return lesson.biases[p - 1][q];
    case 'z':
      return layer.z[q];
    case 'a':
      return layer.a[q];
    case 'fp':
      return layer.fPrime[q];
    case 'dA':
      return layer.dA[q];
    case 'd':
      return layer.delta[q];
    case 'dW':
      return layer.dW[q][r];
    case 'db':
      return layer.db[q];
    case 'w+':
      return trace.updated.weights[p - 1][q][r];
    case 'b+':
      return trace.updated.biases[p - 1][q];
    case 'e':
      return trace.lossTerms[p];
    case 'E':
      return trace.loss;
    default:
      throw new Error(`unknown value id ${id}`);
  }
}

/** Values given by the lesson rather than computed: inputs, targets, weights, biases, learning rate. */
export const isGiven = (id: string): boolean => /^(x|t|w|b|eta)(:|$)/.test(id);
