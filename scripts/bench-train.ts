/**
 * Training throughput: lesson 002's Iris network (4-5-3 sigmoid, SGD, 130 training and 20 validation rows) trained
 * by the training worker in Chromium at full speed, timed from Start to the worker's `stopped` message (every slice,
 * progress message and epoch's validation included): without rests (as on a page that keeps its frames with a
 * core to spare), and sharing half the time (as a run starts before the page reports its frame rate; the Train
 * view on a busy two-core machine goes lower, see training/share.ts). Beside it, the session on the page's main thread with and
 * without generated code (the ratio is what `new Function` buys), and the same two in Node.
 *
 * Run alone: `npx tsx scripts/bench-train.ts [--json] [--epochs N]`. Needs Debian's Chromium at /usr/bin/chromium
 * (or CHROMIUM_PATH); never downloads a browser.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { sessionSpeed } from './bench-train-page';
import type { TraceEvent } from './bench-ui-trace';

export interface TrainBenchRow {
  name: string;
  /** Million SGD steps per second of wall-clock time (median of the repeats). */
  mSteps: number;
  /**
   * Million SGD steps per second of the thread's own CPU time (the worker thread's, from a trace; Node's process
   * time): what the code does when it has a core, whatever else the machine runs.
   */
  mStepsCpu?: number;
  /** The figure it must reach (million steps per second), if it has one. */
  target?: number;
}

const root = resolve(fileURLToPath(import.meta.url), '../..');

/** One file of script (an IIFE) from an entry point, bundled and minified as the app would be. */
async function bundle(entry: string, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(root, entry), formats: ['iife'], name },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) if ('output' in o) for (const c of o.output) if (c.type === 'chunk') return c.code;
  throw new Error(`could not bundle ${entry}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchTrain(
  options: { epochs?: number; repeats?: number } = {},
): Promise<TrainBenchRow[]> {
  const epochs = options.epochs ?? 3000;
  const repeats = options.repeats ?? 3;
  const [workerCode, pageCode] = await Promise.all([
    bundle('src/training/worker.ts', 'trainingWorker'),
    bundle('scripts/bench-train-page.ts', 'benchTrain'),
  ]);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: pageCode });
    // tsx names the functions below with a helper the page lacks
    await page.evaluate('globalThis.__name = (f) => f');
    /**
     * The worker's speed in a mode: `rests` false as on a page that keeps its frames with a core to spare (the
     * worker is told so before it starts, and trains without rests: training/share.ts); true as it starts on a
     * page that has not reported yet (half the time). Wall clock and the worker thread's CPU time (a trace).
     */
    const workerRun = async (rests: boolean) => {
      const speeds: number[] = [];
      let steps = 0;
      await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
      for (let i = 0; i < repeats; i++) {
        const run = await page.evaluate(
          async ({ code, epochs, rests }) => {
            const g = globalThis as unknown as {
              benchTrain: { irisSetup: () => { network: unknown; split: unknown } };
            };
            const { network, split } = g.benchTrain.irisSetup();
            const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
            const next = (type: string) =>
              new Promise<{ snapshot: { steps: number } }>((done) => {
                w.onmessage = (e) => {
                  if (e.data.type === type) done(e.data);
                };
              });
            const loaded = next('progress');
            const settings = {
              batchSize: 1,
              learningRate: 0.2,
              speed: Infinity,
              stop: { kind: 'epochs', epochs },
              seed: 1,
            };
            w.postMessage({ type: 'load', network, split, settings });
            await loaded;
            const stopped = next('stopped');
            const t0 = performance.now();
            w.postMessage({ type: 'start' });
            // after the start (a run starts at most at the starting share): the page keeps its frames
            if (!rests) for (let k = 0; k < 10; k++) w.postMessage({ type: 'frames', frameMs: 1000 / 60 });
            const end = await stopped;
            const seconds = (performance.now() - t0) / 1000;
            w.terminate();
            return { mSteps: end.snapshot.steps / seconds / 1e6, steps: end.snapshot.steps };
          },
          { code: workerCode, epochs, rests },
        );
        speeds.push(run.mSteps);
        steps += run.steps;
      }
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      const cpuMs = workerThreadMs(trace.traceEvents);
      return { mSteps: median(speeds), ...(cpuMs ? { mStepsCpu: steps / (cpuMs / 1000) / 1e6 } : {}) };
    };
    const unthrottled = await workerRun(false);
    const shared = await workerRun(true);
    const onPage = async (codegen: boolean) => {
      const xs: number[] = [];
      for (let i = 0; i < repeats; i++)
        xs.push(
          await page.evaluate(
            ({ codegen, epochs }) =>
              (
                globalThis as unknown as { benchTrain: { sessionSpeed: (c: boolean, e: number) => number } }
              ).benchTrain.sessionSpeed(codegen, epochs) / 1e6,
            { codegen, epochs },
          ),
        );
      return median(xs);
    };
    const pageGenerated = await onPage(true);
    const pageLoop = await onPage(false);
    const node = (codegen: boolean) => {
      const cpu = process.cpuUsage();
      let steps = 0;
      const speeds = Array.from({ length: repeats }, () => {
        const v = sessionSpeed(codegen, epochs);
        steps += 130 * (epochs + 50);
        return v / 1e6;
      });
      const used = process.cpuUsage(cpu);
      return { mSteps: median(speeds), mStepsCpu: steps / ((used.user + used.system) / 1e6) / 1e6 };
    };
    return [
      { name: 'Chromium: training worker, full speed', ...unthrottled, target: 1 },
      { name: 'Chromium: training worker, sharing ½', ...shared },
      { name: 'Chromium: session, generated step', mSteps: pageGenerated },
      { name: 'Chromium: session, loop step (strict CSP)', mSteps: pageLoop },
      { name: 'Node: session, generated step', ...node(true) },
      { name: 'Node: session, loop step', ...node(false) },
    ];
  } finally {
    await browser.close();
  }
}

/** CPU time of the dedicated workers' threads (every task they ran while traced), ms; undefined without one. */
function workerThreadMs(events: TraceEvent[]): number | undefined {
  const threads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && /DedicatedWorker/.test(e.args?.name ?? ''))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  if (threads.size === 0) return undefined;
  let us = 0;
  for (const e of events)
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && threads.has(`${e.pid}:${e.tid}`))
      us += e.tdur ?? e.dur ?? 0;
  return us > 0 ? us / 1000 : undefined;
}

/** The table `npm run bench` prints, with the generated ÷ loop ratios. */
export function printTrain(rows: TrainBenchRow[]): string {
  const of = (name: string) => rows.find((r) => r.name === name)?.mSteps ?? NaN;
  // the target is met on the CPU-time figure where there is one (the wall clock counts other programs' turns)
  const lines = rows.map((r) => {
    const judged = r.mStepsCpu ?? r.mSteps;
    const cpu = r.mStepsCpu === undefined ? '–' : r.mStepsCpu.toFixed(2);
    return `| ${r.name.padEnd(42)} | ${r.mSteps.toFixed(2).padStart(9)} | ${cpu.padStart(9)} | ${r.target === undefined ? '–     ' : `≥ ${r.target}   `} | ${
      r.target === undefined ? '–  ' : judged >= r.target ? 'yes' : 'NO '
    } |`;
  });
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  const ratio = (where: string) =>
    (
      of(`${where}: session, generated step`) /
      of(`${where}: session, ${where === 'Node' ? 'loop step' : 'loop step (strict CSP)'}`)
    ).toFixed(2);
  return [
    '| training on Iris 4-5-3, SGD                | M steps/s | per CPU-s | target | met |',
    '|--------------------------------------------|-----------|-----------|--------|-----|',
    ...lines,
    '',
    `Machine load while measured (1, 5, 15 min): ${load}. M steps/s is wall-clock time; per CPU-s divides by the`,
    'thread’s own CPU time (the worker thread’s from a Chromium trace, the Node process’s), which other programs',
    'on a loaded machine do not inflate. The worker at full speed is told the page keeps its frames and trains',
    'without rests; sharing ½ it rests as long as it trains (how a run starts in the Train view before the page',
    'reports its frame rate): its wall-clock figure about halves, its figure per CPU-s does not.',
    `Generated step ÷ loop step: ${ratio('Chromium')}× in Chromium, ${ratio('Node')}× in Node (new Function is kept where it`,
    'is allowed; a strict Content-Security-Policy falls back to the loop step).',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, epochs: { type: 'string', default: '3000' } },
  });
  const rows = await benchTrain({ epochs: Number(values.epochs) });
  console.log(values.json ? JSON.stringify(rows, null, 2) : printTrain(rows));
}
