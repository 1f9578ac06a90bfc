/**
 * What each module-level cache of the derived layers is worth on the app's own paths (docs/performance.md,
 * "Caches"). The paths are bundled once as they are and once per cache with that cache made to miss every time
 * (an esbuild plugin rewrites its lookup), and the bundles are timed in turns in one process, so each figure is a
 * ratio within one run: time with the cache missing ÷ time with it. Run: `npx tsx scripts/bench-caches.ts`.
 *
 * Paths: "edit" (a weight changed → trace, timeline, the formula on screen: what every edit and Next iteration
 * do), "walk" (every step's formula of one timeline, in order: stepping through a lesson), "practice" (the
 * practice selectors' lesson key, asked for by every selector call while practice is on).
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

/** Each cache: its file, and the lookup that, replaced, makes it miss. */
const CACHES: Record<string, { file: string; from: string; to: string }> = {
  'steps/build.ts structures': {
    file: 'src/steps/build.ts',
    from: 'shared = structures.get(key);',
    to: 'shared = undefined;',
  },
  'steps/shape.ts slot orders': {
    file: 'src/steps/shape.ts',
    from: 'let order = orderCache.get(template);',
    to: 'let order: SlotName[] | undefined = undefined;',
  },
  'store/derived.ts networks': {
    file: 'src/store/derived.ts',
    from: 'let n = networks.get(key);',
    to: 'let n: NetworkCache | undefined = undefined;',
  },
  'store/derived.ts contexts': {
    file: 'src/store/derived.ts',
    from: 'let c = byDigits.get(digits);',
    to: 'let c: FormulaContext | undefined = undefined;',
  },
  'formulas/symbols.ts notations': {
    file: 'src/formulas/symbols.ts',
    from: 'let n = notations.get(lesson);',
    to: 'let n: Notation | undefined = undefined;',
  },
  'practice/code.ts fingerprints': {
    file: 'src/practice/code.ts',
    from: 'let f = fingerprints.get(lesson);',
    to: 'let f: string | undefined = undefined;',
  },
};

const ENTRY = `
import { formulaOf, timelineOf } from './src/store/derived';
import { applyEdit } from './src/store/edits';
import { practiceKey } from './src/store/practiceSelectors';
import { lesson004 } from './src/lessons';
import { createRng, initialise } from './src/engine';
function benchLesson(sizes, seed) {
  const rng = createRng(seed);
  const { weights, biases } = initialise(sizes, { kind: 'uniform', range: 1 }, rng, true);
  return {
    format: 'backprop-lesson', version: 1,
    layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: 'sigmoid' })),
    loss: 'sse', learningRate: 0.5, useBias: true, weights, biases,
    sample: { input: sizes.slice(0, 1).flatMap(() => Array.from({ length: sizes[0] }, rng)), target: Array.from({ length: sizes[sizes.length - 1] }, rng) },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}
export const LESSONS = { 'lesson 004 (3-3-2)': lesson004, '4-8-8-3': benchLesson([4, 8, 8, 3], 1), '10 × 32': benchLesson(Array(10).fill(32), 1) };
export function edit(lesson, i) {
  const r = applyEdit(lesson, { kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.1 + (i % 7) / 10 });
  const next = r.ok ? r.lesson : lesson;
  const tl = timelineOf(next, 'neuron');
  const f = formulaOf(next, tl, Math.floor(tl.steps.length / 2), 4);
  return f.symbolic.length;
}
export function walk(lesson) {
  // a copy: a new lesson object, as an edit makes, so nothing of an earlier round is reused
  const l = { ...lesson };
  const tl = timelineOf(l, 'neuron');
  let n = 0;
  for (const step of tl.steps) n += formulaOf(l, tl, step.index, 4).symbolic.length;
  return n;
}
export function practice(lesson) {
  let n = 0;
  for (let i = 0; i < 20; i++) n += practiceKey({ lesson, granularity: 'neuron' }).length;
  return n;
}
`;

/** The sources to time: the working tree, or those of a git revision (BENCH_REV=abc123: caches since dropped). */
const REV = process.env.BENCH_REV;
const source = (path: string): string =>
  REV
    ? execFileSync('git', ['show', `${REV}:${relative(resolve('.'), path)}`], { encoding: 'utf8' })
    : readFileSync(path, 'utf8');

/** Whether the cache is in the sources timed. */
const present = (name: string): boolean => source(resolve(CACHES[name].file)).includes(CACHES[name].from);

function missing(name: string | null): Plugin {
  return {
    name: 'cache-miss',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        const text = source(args.path);
        const c = name ? CACHES[name] : null;
        if (!c || !args.path.endsWith(c.file))
          return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
        return { contents: text.replace(c.from, c.to), loader: 'ts' };
      });
    },
  };
}

type Paths = {
  LESSONS: Record<string, unknown>;
  edit: (l: unknown, i: number) => number;
  walk: (l: unknown) => number;
  practice: (l: unknown) => number;
};

async function bundle(name: string | null, dir: string, i: number): Promise<Paths> {
  const out = join(dir, `paths-${i}.mjs`);
  await build({
    stdin: { contents: ENTRY, resolveDir: resolve('.'), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    plugins: [missing(name)],
    logLevel: 'error',
  });
  return (await import(pathToFileURL(out).href)) as Paths;
}

/** Median time in ms of `fn` over `rounds`, each round `reps` calls. */
function time(fn: () => void, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-caches-'));
  writeFileSync(join(dir, '.keep'), '');
  const names = [null, ...Object.keys(CACHES).filter(present)];
  console.log(`sources: ${REV ?? 'working tree'}; caches timed: ${names.slice(1).join(', ')}`);
  const variants = await Promise.all(names.map((n, i) => bundle(n, dir, i)));
  const lessonNames = Object.keys(variants[0].LESSONS);
  const paths: [string, (p: Paths, lesson: string, i: number) => number, number][] = [
    ['edit', (p, l, i) => p.edit(p.LESSONS[l], i), 1],
    ['walk', (p, l) => p.walk(p.LESSONS[l]), 1],
    ['practice', (p, l) => p.practice(p.LESSONS[l]), 1],
  ];
  const ROUNDS = 11;
  const rows: string[] = [];
  for (const [path, run] of paths) {
    for (const lesson of lessonNames) {
      const reps = lesson.startsWith('10') ? (path === 'walk' ? 1 : 5) : path === 'walk' ? 5 : 30;
      const samples = names.map(() => [] as number[]);
      for (let r = -2; r < ROUNDS; r++)
        // each round starts with another variant, so none is always first after a pause
        variants.forEach((_, n) => {
          const k = (n + r + 2) % variants.length;
          let i = 0;
          const ms = time(() => run(variants[k], lesson, i++), reps);
          if (r >= 0) samples[k].push(ms); // two rounds of warm-up first
        });
      const med = samples.map((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
      const ratios = names.slice(1).map((n, k) => `${n}: ×${(med[k + 1] / med[0]).toFixed(2)}`);
      rows.push(
        `${path} · ${lesson}: ${med[0].toFixed(3)} ms with every cache; missing → ${ratios.join(', ')}`,
      );
      console.log(rows.at(-1));
    }
  }
}

void main();
