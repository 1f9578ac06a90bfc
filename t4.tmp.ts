import { createRng, initialise, traceStep, type Lesson } from './src/engine';
import { RULES } from './src/steps/rules';
import { shapeOf } from './src/steps/shape';
import { buildTimeline } from './src/steps';
const sizes = Array(10).fill(32);
const rng = createRng(1);
const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
const lesson: Lesson = { format: 'backprop-lesson', version: 1, layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === 9 ? 'softmax' : 'tanh' })), loss: 'cce', learningRate: 0.1, useBias: true, weights, biases, sample: { input: Array.from({ length: 32 }, rng), target: Array.from({ length: 32 }, (_, j) => (j === 0 ? 1 : 0)) }, conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' } };
const r = traceStep(lesson); if (!r.ok) throw 1;
const tl = buildTimeline(lesson, r.trace, 'neuron');
const plan = tl.steps.map((s) => [s.kind, s.layer, s.neurons[0], s.from ?? 0] as const);
const s = shapeOf(lesson);
for (let rep = 0; rep < 10; rep++) {
  const t = [0, 0, 0, 0, 0];
  let t0 = performance.now();
  for (const [kind, l, j, k] of plan) RULES[kind].reads(s, l, j, k);
  t[0] = performance.now() - t0; t0 = performance.now();
  for (const [kind, l, j, k] of plan) RULES[kind].writes(s, l, j, k);
  t[1] = performance.now() - t0; t0 = performance.now();
  for (const [kind, l, j, k] of plan) RULES[kind].lit(s, l, j, k);
  t[2] = performance.now() - t0; t0 = performance.now();
  const m = new Map<string, string>();
  for (const st of tl.steps) { const src: Record<string, string> = {}; for (const id of new Set(st.reads)) { const f = m.get(id); if (f) src[id] = f; } for (const w of st.writes) m.set(w, st.id); }
  t[3] = performance.now() - t0; t0 = performance.now();
  buildTimeline(lesson, r.trace, 'neuron');
  t[4] = performance.now() - t0;
  console.log('reads writes lit sources+set total', t.map((x) => x.toFixed(1)).join(' '));
}
