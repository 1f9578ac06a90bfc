/**
 * The Train view's frame rate while training at full speed: the built app in Chromium trains a lesson to 10,000
 * epochs (so the charts grow to 10,000 epochs of history) with every chart, the network graph and the confusion
 * matrix or decision map updating. Reports frames per second (requestAnimationFrame callbacks over the run),
 * the 95th-percentile frame interval, and the main thread's CPU time per frame from a trace (thread time of every
 * top-level task on the renderer's main thread between the run's start and end marks, divided by the frames).
 * Targets: at least 55 frames per second and under 8 ms of main-thread work per frame.
 *
 * Run alone: `npx tsx scripts/bench-train-ui.ts [--json] [--no-build] [--epochs N] [--profile] [--dist DIR] [--cases 1,3] [--mutations] [--threads]`
 * (--profile prints the functions with most self time; read it with an unminified build in --dist); `npm run bench` prints it
 * beside the other figures. --threads prints every thread's CPU time per second of the run (bench-train-ui-trace.ts). Needs Debian's Chromium (CHROMIUM_PATH); never downloads a browser.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { ensureBuilt, serve } from './bench-ui';
import { callersOf, topSelfTime, type CpuProfile, type TraceEvent } from './bench-ui-trace';
import { CASES, HISTORY_SPEED, RUN, RUN_WINDOW, WINDOW_MS, openTrain } from './bench-train-ui-page';
import {
  END,
  FRAME_CATEGORY,
  START,
  byKind,
  mainThreadMs,
  printThreadLoads,
  threadLoads,
  traceFrames,
  type ThreadLoad,
} from './bench-train-ui-trace';

export interface TrainUiRow {
  name: string;
  /** The epoch the run reached (from `from`, else from 0). */
  epochs: number;
  from?: number;
  seconds: number;
  frames: number;
  fps: number;
  /** Frames per second that showed new epochs (the epoch line changed). */
  updatedFps: number;
  /** 95th percentile of the interval between frames, ms. */
  p95FrameMs: number;
  /** Main-thread CPU time per frame, ms (absent when the trace had no main thread). */
  mainMsPerFrame?: number;
  /** The Train view's DOM mutations per frame (with --mutations). */
  mutationsPerFrame?: number;
  /** Frames the compositor drew per second, from the trace's DrawFrame events (absent when it had none). */
  drawnFps?: number;
  /** Frames the trace reports dropped per second (DroppedFrame). */
  droppedFps?: number;
  /** The renderer main thread's wall time over CPU time of its tasks: above 1 while it waited for a core. */
  mainWait?: number;
  /** The training worker's CPU time per second of the run, ms (1000: a whole core). */
  workerMsPerS?: number;
  targets: { fps: number; mainMsPerFrame: number };
}
const DIST = resolve(fileURLToPath(new URL('../dist', import.meta.url)));

export async function benchTrainUi(
  options: {
    build?: boolean | 'auto';
    epochs?: number;
    verbose?: boolean;
    profile?: boolean;
    dist?: string;
    /** Which cases to run (1-based, in the table's order); all by default. */
    cases?: number[];
    /** Count the Train view's DOM mutations per frame (a MutationObserver; adds its own cost to the frames). */
    mutations?: boolean;
    /** Print every thread's CPU time per second of the run (who holds the cores). */
    threads?: boolean;
  } = {},
): Promise<TrainUiRow[]> {
  const { build = 'auto', epochs = 10000, verbose = false, profile = false } = options;
  const log = (s: string) => verbose && process.stderr.write(`${s}\n`);
  const dist = resolve(options.dist ?? DIST);
  if (dist === DIST) ensureBuilt(build, log);
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const rows: TrainUiRow[] = [];
    for (const c of CASES.filter((_, i) => !options.cases || options.cases.includes(i + 1))) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openTrain(page, url, c.dataset, epochs);
      let first = 0;
      if (c.history) {
        log(`${c.name}: training ${epochs} epochs first (not measured)…`);
        await page.evaluate(
          `(${RUN})(${JSON.stringify([epochs, 'bench-train-pre', 'bench-train-pre-end'])})`,
        );
        first = epochs;
        await page.getByLabel('Epochs to run').fill(String(10 * epochs));
        await page.getByLabel('Training speed').selectOption(HISTORY_SPEED);
      }
      log(
        `${c.name}: ${c.history ? `measuring ${WINDOW_MS / 1000} s at 10,000 samples/s` : `training ${epochs} epochs`}…`,
      );
      const cdp = profile ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const categories = [
        'blink.user_timing',
        'toplevel',
        '__metadata',
        FRAME_CATEGORY,
        ...(profile ? ['devtools.timeline'] : []),
      ];
      await browser.startTracing(page, { categories });
      if (options.mutations) await page.evaluate('window.__observe = true');
      const { times, updates } = (await page.evaluate(
        c.history
          ? `(${RUN_WINDOW})(${JSON.stringify([WINDOW_MS, START, END])})`
          : `(${RUN})(${JSON.stringify([epochs, START, END])})`,
      )) as { times: number[]; updates: number };
      const reached = c.history
        ? Number(((await page.getByTestId('train-epoch').textContent()) ?? '').replace(/\D/g, ''))
        : epochs;
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      if (profile) process.stderr.write(`${c.name}: main-thread time by kind\n${byKind(traceEvents)}\n`);
      const loads = threadLoads(traceEvents);
      if (options.threads)
        process.stderr.write(`${c.name}: CPU per second by thread\n${printThreadLoads(loads)}\n`);
      const drawn = traceFrames(traceEvents);
      if (cdp) {
        const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        process.stderr.write(`${c.name}: most self time\n${topSelfTime(cpu, 25)}\n`);
        process.stderr.write(`${c.name}: postMessage called from\n${callersOf(cpu, 'postMessage', 6)}\n`);
      }
      if (errors.length) throw new Error(`${c.name}: page errors: ${errors.join('; ')}`);
      const mutations = options.mutations ? Number(await page.evaluate('window.__mutations')) : undefined;
      await page.close();
      const frames = times.length - 1;
      const seconds = (times[times.length - 1] - times[0]) / 1000;
      const gaps = times
        .slice(1)
        .map((t, i) => t - times[i])
        .sort((x, y) => x - y);
      const main = mainThreadMs(traceEvents);
      rows.push({
        name: c.name,
        epochs: reached,
        ...(first > 0 ? { from: first } : {}),
        seconds,
        frames,
        fps: frames / seconds,
        updatedFps: updates / seconds,
        p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? NaN,
        ...(main !== undefined ? { mainMsPerFrame: main / Math.max(1, frames) } : {}),
        ...(mutations !== undefined ? { mutationsPerFrame: mutations / Math.max(1, frames) } : {}),
        ...(drawn?.drawn ? { drawnFps: drawn.drawn / seconds, droppedFps: drawn.dropped / seconds } : {}),
        ...mainAndWorker(loads),
        targets: { fps: 55, mainMsPerFrame: 8 },
      });
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

/** The main thread's wait ratio and the training worker's CPU per second from the thread loads. */
function mainAndWorker(loads: ThreadLoad[]): Pick<TrainUiRow, 'mainWait' | 'workerMsPerS'> {
  const main = loads.find((t) => t.name.endsWith('/CrRendererMain'));
  // the busiest worker thread is the trainer's (the chart worker draws a few ms a frame)
  const worker = loads.find((t) => t.name.includes('DedicatedWorker'));
  return {
    ...(main ? { mainWait: main.waitRatio } : {}),
    ...(worker ? { workerMsPerS: worker.cpuMsPerS } : {}),
  };
}

/** The rows as a table. */
export function printTrainUi(rows: TrainUiRow[]): string {
  const head = [
    'Train view',
    'epochs',
    's',
    'fps',
    'p95 frame ms',
    'main ms/frame',
    'met (≥ 55 fps, < 8 ms)',
    'updated fps',
    'drawn fps (trace)',
    'main wait ×',
    'worker ms/s',
    ...(rows.some((r) => r.mutationsPerFrame !== undefined) ? ['DOM mutations/frame'] : []),
  ];
  const body = rows.map((r) => [
    r.name,
    r.from ? `${r.from}–${r.epochs}` : String(r.epochs),
    r.seconds.toFixed(1),
    r.fps.toFixed(1),
    r.p95FrameMs.toFixed(1),
    r.mainMsPerFrame?.toFixed(2) ?? '–',
    r.fps >= r.targets.fps && (r.mainMsPerFrame ?? Infinity) < r.targets.mainMsPerFrame ? 'yes' : 'NO',
    r.updatedFps.toFixed(1),
    r.drawnFps?.toFixed(1) ?? '–',
    r.mainWait?.toFixed(2) ?? '–',
    r.workerMsPerS?.toFixed(0) ?? '–',
    ...(r.mutationsPerFrame !== undefined ? [r.mutationsPerFrame.toFixed(1)] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((s, i) => s.padEnd(widths[i])).join(' | ') + ' |';
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  return [
    line(head),
    '|' + widths.map((n) => '-'.repeat(n + 2)).join('|') + '|',
    ...body.map(line),
    '',
    `The machine is shared and was loaded: load ${load} (1, 5, 15 min) on ${availableParallelism()} cores.`,
    'main ms/frame is the renderer main thread’s own CPU',
    'time (a trace’s thread time) over the frames drawn; fps and frame intervals are wall-clock, so a loaded',
    'machine lowers them whatever the page does.',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      epochs: { type: 'string', default: '10000' },
      profile: { type: 'boolean', default: false },
      dist: { type: 'string' },
      cases: { type: 'string' },
      mutations: { type: 'boolean', default: false },
      threads: { type: 'boolean', default: false },
    },
  });
  const rows = await benchTrainUi({
    build: values['no-build'] ? false : 'auto',
    epochs: Number(values.epochs),
    verbose: true,
    profile: values.profile,
    dist: values.dist,
    cases: values.cases?.split(',').map(Number),
    mutations: values.mutations,
    threads: values.threads,
  });
  console.log(values.json ? JSON.stringify(rows, null, 2) : printTrainUi(rows));
}
