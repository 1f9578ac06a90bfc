import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { makeContext } from './src/formulas/context';
import { formatNumber } from './src/formulas/format';
import { buildTimeline } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
const tl = buildTimeline(lesson, r.trace, 'neuron');
const ids = Object.keys(tl.values);
for (let rep = 0; rep < 6; rep++) {
  const c = makeContext(lesson, tl.values, 4);
  let t0 = performance.now();
  for (const id of ids) c.symbol(id);
  const ts = performance.now() - t0;
  t0 = performance.now();
  for (const id of ids) c.operand(id);
  const to = performance.now() - t0;
  t0 = performance.now();
  for (const id of ids) formatNumber(tl.values[id], 4);
  const tf = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < 10; i++) for (const id of ids) c.operand(id);
  const tw = (performance.now() - t0) / 10;
  console.log('symbols', ts.toFixed(1), 'operands', to.toFixed(1), 'format', tf.toFixed(1), 'warm lookups', tw.toFixed(1));
}
