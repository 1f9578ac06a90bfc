import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { buildTimeline, collectValues } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
for (let rep = 0; rep < 30; rep++) {
  let t0 = performance.now();
  buildTimeline(lesson, r.trace, 'neuron');
  const tb = performance.now() - t0;
  t0 = performance.now();
  collectValues(lesson, r.trace);
  const tv = performance.now() - t0;
  if (rep % 5 == 4) console.log('build', tb.toFixed(1), 'values', tv.toFixed(1));
}
