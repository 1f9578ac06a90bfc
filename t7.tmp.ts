import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { formulaFor } from './src/formulas';
import { buildTimeline, collectValues } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
const T: Record<string, number[]> = { values: [], build: [], formulasCold: [], formulasWarm: [] };
for (let rep = 0; rep < 30; rep++) {
  let t0 = performance.now(); collectValues(lesson, r.trace); T.values.push(performance.now() - t0);
  t0 = performance.now(); const tl = buildTimeline(lesson, r.trace, 'neuron'); T.build.push(performance.now() - t0);
  t0 = performance.now(); for (const s of tl.steps) formulaFor(s, tl, lesson, { digits: 4 }); T.formulasCold.push(performance.now() - t0);
  t0 = performance.now(); for (const s of tl.steps) formulaFor(s, tl, lesson, { digits: 4 }); T.formulasWarm.push(performance.now() - t0);
}
for (const [k, v] of Object.entries(T)) { v.sort((a, b) => a - b); console.log(k, 'min', v[0].toFixed(1), 'median', v[15].toFixed(1)); }
