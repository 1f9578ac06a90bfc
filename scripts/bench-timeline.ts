/**
 * Benchmarks the steps and formulas layers: the timeline and the formula of every step, rebuilt as after each
 * training step (same network, new numbers; what depends only on the network is shared, as in the app).
 * Run alone with `npx tsx scripts/bench-timeline.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createRng, initialise, traceStep, type Lesson, type Trace } from '../src/engine';
import { formulaFor } from '../src/formulas';
import { buildTimeline, type Granularity } from '../src/steps';

export interface BenchResult {
  name: string;
  /** Median time of one run, in milliseconds. */
  ms: number;
  /** The time it must stay under. */
  target: number;
}

/** A network of the given sizes: tanh hidden layers, softmax output with cross-entropy, biases, Xavier weights. */
function lessonOf(sizes: number[], seed: number): Lesson {
  const rng = createRng(seed);
  const { weights, biases } = initialise(sizes, { kind: 'xavier' }, rng, true);
  const L = sizes.length - 1;
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: l === L ? 'softmax' : 'tanh' })),
    loss: 'cce',
    learningRate: 0.1,
    useBias: true,
    weights,
    biases,
    sample: {
      input: Array.from({ length: sizes[0] }, rng),
      target: Array.from({ length: sizes[L] }, (_, j) => (j === 0 ? 1 : 0)),
    },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

/** `count` successive training steps of a lesson: each lesson starts from the previous step's updated weights. */
function trainingSteps(first: Lesson, count: number): Array<{ lesson: Lesson; trace: Trace }> {
  const out: Array<{ lesson: Lesson; trace: Trace }> = [];
  let lesson = first;
  for (let i = 0; i < count; i++) {
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('the benchmark network does not trace');
    out.push({ lesson, trace: r.trace });
    lesson = { ...lesson, weights: r.trace.updated.weights, biases: r.trace.updated.biases };
  }
  return out;
}

/** The timeline and every step's formula. */
function timelineWithFormulas(lesson: Lesson, trace: Trace, granularity: Granularity): number {
  const timeline = buildTimeline(lesson, trace, granularity);
  let chars = 0;
  for (const step of timeline.steps)
    chars += formulaFor(step, timeline, lesson, { digits: 4 }).substituted.length;
  return chars;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const WARM_UP = 3;
const CASES: Array<{ sizes: number[]; granularity: Granularity; target: number; repeats: number }> = [
  { sizes: [4, 8, 8, 3], granularity: 'neuron', target: 5, repeats: 50 },
  { sizes: [4, 8, 8, 3], granularity: 'layer', target: 5, repeats: 50 },
  { sizes: [4, 8, 8, 3], granularity: 'weight', target: 5, repeats: 50 },
  { sizes: Array<number>(10).fill(32), granularity: 'neuron', target: 50, repeats: 15 },
];

export function benchTimeline(): BenchResult[] {
  return CASES.map(({ sizes, granularity, target, repeats }) => {
    const runs = trainingSteps(lessonOf(sizes, 42), WARM_UP + repeats);
    const times = runs.map(({ lesson, trace }) => {
      const t0 = performance.now();
      timelineWithFormulas(lesson, trace, granularity);
      return performance.now() - t0;
    });
    const shape = sizes.every((n) => n === sizes[0])
      ? `${sizes.length} layers × ${sizes[0]}`
      : sizes.join('-');
    return {
      name: `timeline + formulas, ${shape}, ${granularity}`,
      ms: median(times.slice(WARM_UP)),
      target,
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = benchTimeline();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(width)}  median ms  target ms  ok`);
  for (const r of rows) {
    const ok = r.ms < r.target ? 'yes' : 'NO';
    console.log(
      `${r.name.padEnd(width)}  ${r.ms.toFixed(2).padStart(9)}  ${String(r.target).padStart(9)}  ${ok}`,
    );
  }
  if (rows.some((r) => r.ms >= r.target)) process.exitCode = 1;
}
