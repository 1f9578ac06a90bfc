import { train, type Lesson, type Sample } from '../src/engine';
import type { Runner, Workload } from './workloads';

export const ENGINE_FAST = 'this engine: train (fast path)';
export const ENGINE_TRACE = 'this engine: traceStep every step';

/** The workload as a lesson: sigmoid everywhere, biases, ½Σ(t − a)², its learning rate and initial weights. */
function lessonOf(w: Workload): Lesson {
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: w.sizes.map((size, l) => (l === 0 ? { size } : { size, activation: 'sigmoid' })),
    loss: 'halfSse',
    learningRate: w.learningRate,
    useBias: true,
    weights: w.init.weights,
    biases: w.init.biases,
    sample: { input: w.data.inputs[0], target: w.data.targets[0] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

/**
 * Runs the engine's public `train` on the workload's samples in their fixed order (as the libraries do),
 * in whole epochs plus a partial one, carrying the weights from call to call.
 */
function engineRunner(w: Workload, mode: 'fast' | 'trace'): Runner {
  let lesson = lessonOf(w);
  const samples: Sample[] = w.data.inputs.map((input, i) => ({ input, target: w.data.targets[i] }));
  const n = samples.length;
  let cursor = 0;
  const runOn = (data: Sample[], epochs: number) => {
    const r = train(lesson, { train: data }, { epochs, shuffle: false, batchSize: 1, mode });
    if (r.condition) throw new Error(`non-finite: ${JSON.stringify(r.condition)}`);
    lesson = { ...lesson, weights: r.weights, biases: r.biases };
  };
  return {
    run(steps) {
      let left = steps;
      if (cursor > 0) {
        const take = Math.min(left, n - cursor);
        runOn(samples.slice(cursor, cursor + take), 1);
        cursor = (cursor + take) % n;
        left -= take;
      }
      const epochs = Math.floor(left / n);
      if (epochs > 0) runOn(samples, epochs);
      const rest = left - epochs * n;
      if (rest > 0) {
        runOn(samples.slice(0, rest), 1);
        cursor = rest;
      }
    },
    predict(input) {
      let a = input;
      lesson.weights.forEach((W, l) => {
        a = W.map(
          (row, j) => 1 / (1 + Math.exp(-row.reduce((s, wk, k) => s + wk * a[k], lesson.biases[l][j]))),
        );
      });
      return a;
    },
  };
}

export const engineEntries = [
  { name: ENGINE_FAST, setup: (w: Workload) => engineRunner(w, 'fast') },
  { name: ENGINE_TRACE, setup: (w: Workload) => engineRunner(w, 'trace') },
];
