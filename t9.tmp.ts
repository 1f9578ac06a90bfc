import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { formulaFor } from './src/formulas';
import { buildTimeline } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
const tl = buildTimeline(lesson, r.trace, 'neuron');
const len: Record<string, number[]> = {};
for (const s of tl.steps) { const f = formulaFor(s, tl, lesson, { digits: 4 }); const x = (len[s.kind] ??= [0, 0, 0, 0]); x[0] += f.symbolic.length; x[1] += f.substituted.length; x[2] += f.result.length; x[3] += f.operands.length; }
console.log(len);
const t = Object.values(len).reduce((a, x) => a + x[0] + x[1] + x[2], 0); console.log('total chars', t);
const st = tl.steps.find((s) => s.kind === 'neuronUpdate')!; const f = formulaFor(st, tl, lesson, { digits: 4 }); console.log(f.substituted.slice(0, 300)); console.log(f.result.slice(0, 200));
