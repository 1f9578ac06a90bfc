import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { formulaFor } from './src/formulas';
import { buildTimeline } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
const tl = buildTimeline(lesson, r.trace, 'neuron');
const byKind: Record<string, number> = {};
for (let rep = 0; rep < 40; rep++) {
  for (const s of tl.steps) { const t0 = performance.now(); formulaFor(s, tl, lesson, { digits: 4 }); if (rep >= 20) byKind[s.kind] = (byKind[s.kind] ?? 0) + (performance.now() - t0) / 20; }
}
console.log(Object.entries(byKind).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '), 'total', Object.values(byKind).reduce((a, b) => a + b).toFixed(1));
