import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { formulaFor } from './src/formulas';
import { buildTimeline } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
for (let rep = 0; rep < 8; rep++) {
  let t0 = performance.now();
  const tl = buildTimeline(lesson, r.trace, 'neuron');
  const tb = performance.now() - t0;
  t0 = performance.now();
  for (const s of tl.steps) formulaFor(s, tl, lesson, { digits: 4 });
  const tf1 = performance.now() - t0;
  t0 = performance.now();
  for (const s of tl.steps) formulaFor(s, tl, lesson, { digits: 4 });
  const tf2 = performance.now() - t0;
  console.log(tl.steps.length, Object.keys(tl.values).length, 'build', tb.toFixed(1), 'formulas cold', tf1.toFixed(1), 'warm', tf2.toFixed(1));
}
