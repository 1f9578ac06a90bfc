/**
 * The Train view's frame rate while training at full speed: the built app in Chromium trains a lesson to 10,000
 * epochs (so the charts grow to 10,000 epochs of history) with every chart, the network graph and the confusion
 * matrix or decision map updating. Reports frames per second (requestAnimationFrame callbacks over the run),
 * the 95th-percentile frame interval, and the main thread's CPU time per frame from a trace (thread time of every
 * top-level task on the renderer's main thread between the run's start and end marks, divided by the frames).
 * Targets: at least 55 frames per second and under 8 ms of main-thread work per frame.
 *
 * Run alone: `npx tsx scripts/bench-train-ui.ts [--json] [--no-build] [--epochs N] [--profile] [--dist DIR] [--cases 1,3] [--mutations]`
 * (--profile prints the functions with most self time; read it with an unminified build in --dist); `npm run bench` prints it
 * beside the other figures. Needs Debian's Chromium (CHROMIUM_PATH); never downloads a browser.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { ensureBuilt, serve } from './bench-ui';
import { callersOf, topSelfTime, type CpuProfile, type TraceEvent } from './bench-ui-trace';

export interface TrainUiRow {
  name: string;
  /** The epoch the run reached (from `from`, else from 0). */
  epochs: number;
  from?: number;
  seconds: number;
  frames: number;
  fps: number;
  /** 95th percentile of the interval between frames, ms. */
  p95FrameMs: number;
  /** Main-thread CPU time per frame, ms (absent when the trace had no main thread). */
  mainMsPerFrame?: number;
  /** The Train view's DOM mutations per frame (with --mutations). */
  mutationsPerFrame?: number;
  targets: { fps: number; mainMsPerFrame: number };
}

const DIST = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
const START = 'bench-train-start';
const END = 'bench-train-end';

/**
 * The cases: trained from epoch 0 to `epochs` at full speed; or (`history`) first trained to `epochs` at full
 * speed unmeasured, then measured over WINDOW_MS going on from there at 10,000 samples per second (Iris: about
 * 83 epochs a second, so the history stays near 10,000 epochs while a few hundred frames are counted).
 */
const CASES: { name: string; dataset: string | null; history?: true }[] = [
  { name: 'Iris 4-5-3, SGD: charts, graph, confusion matrix', dataset: null },
  { name: 'Spiral 2-5-1, SGD: charts, graph, decision map', dataset: 'spiral' },
  {
    name: 'Iris 4-5-3, SGD, after 10,000 epochs of history (10,000 samples/s)',
    dataset: null,
    history: true,
  },
];
/** How long the history case is measured, ms. */
const WINDOW_MS = 4000;
/** The speed option of the history case (its index in the speed list: 10,000 samples/s). */
const HISTORY_SPEED = '4';

/**
 * In the page, with --mutations: counts the Train view's DOM mutations (attributes, text, nodes) while the run is
 * measured, into window.__mutations (a count that does not depend on the machine's load).
 */
const OBSERVE = `if (window.__observe) {
    window.__mutations = 0;
    window.__observer?.disconnect();
    window.__observer = new MutationObserver((r) => (window.__mutations += r.length));
    window.__observer.observe(document.querySelector('.train-view'), {
      subtree: true,
      attributes: true,
      characterData: true,
      childList: true,
    });
  }`;

/**
 * In the page: counts frames from the start mark until the epoch line reads the last epoch; returns the frame
 * times. Page code as text (tsx would wrap functions in a helper the page lacks).
 */
const RUN = `async ([epochs, start, end]) => {
  const times = [];
  ${OBSERVE}
  const label = document.querySelector('[data-testid="train-epoch"]');
  const done = () => (label?.textContent ?? '').replace(/\\D/g, '') === String(epochs);
  performance.mark(start);
  document.querySelector('.train-buttons button')?.click();
  await new Promise((ok) => {
    const frame = (t) => {
      times.push(t);
      if (done() && !document.querySelector('.train-state')?.textContent?.includes('…')) {
        performance.mark(end);
        ok();
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return times;
}`;

/**
 * In the page: starts the run again (from the epoch it stands at) and counts frames for `ms`, then pauses it;
 * returns the frame times.
 */
const RUN_WINDOW = `async ([ms, start, end]) => {
  const times = [];
  ${OBSERVE}
  performance.mark(start);
  document.querySelector('.train-buttons button')?.click();
  await new Promise((ok) => {
    const frame = (t) => {
      times.push(t);
      if (t - times[0] >= ms) {
        performance.mark(end);
        ok();
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  document.querySelector('.train-buttons button')?.click();
  return times;
}`;

async function openTrain(page: Page, url: string, dataset: string | null, epochs: number): Promise<void> {
  await page.goto(url);
  // the page's scripts run after its first paint: a click on the button before they do opens nothing
  const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
  for (let tries = 0; tries < 30 && !(await dialog.isVisible()); tries++) {
    await page.getByRole('button', { name: 'Lessons' }).click();
    await dialog.waitFor({ timeout: 1000 }).catch(() => {});
  }
  await dialog.getByRole('button', { name: /Iris/ }).click();
  await page.getByTestId('train-epoch').waitFor();
  if (dataset) await page.getByLabel('Data set').selectOption(dataset);
  await page.getByLabel('Epochs to run').fill(String(epochs));
  await page.getByLabel('Training speed').selectOption({ label: 'As fast as possible' });
}

/** Thread time of top-level tasks on the renderer's main thread between the two marks, ms. */
function mainThreadMs(events: TraceEvent[]): number | undefined {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && (e.name === START || e.name === END));
  const a = marks.find((e) => e.name === START);
  const b = marks.find((e) => e.name === END);
  if (!main || !a || !b) return undefined;
  let us = 0;
  for (const e of events) {
    if (
      e.pid !== main.pid ||
      e.tid !== main.tid ||
      e.ph !== 'X' ||
      e.name !== 'ThreadControllerImpl::RunTask'
    )
      continue;
    if (e.ts < a.ts || e.ts > b.ts) continue;
    us += e.tdur ?? e.dur ?? 0;
  }
  return us / 1000;
}

/** Main-thread thread time by trace event name (devtools.timeline), for --profile. */
function byKind(events: TraceEvent[]): string {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const sums = new Map<string, number>();
  for (const e of events)
    if (
      main &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ph === 'X' &&
      e.cat?.includes('devtools.timeline')
    )
      sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
}

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
        ...(profile ? ['devtools.timeline'] : []),
      ];
      await browser.startTracing(page, { categories });
      if (options.mutations) await page.evaluate('window.__observe = true');
      const times = (await page.evaluate(
        c.history
          ? `(${RUN_WINDOW})(${JSON.stringify([WINDOW_MS, START, END])})`
          : `(${RUN})(${JSON.stringify([epochs, START, END])})`,
      )) as number[];
      const reached = c.history
        ? Number(((await page.getByTestId('train-epoch').textContent()) ?? '').replace(/\D/g, ''))
        : epochs;
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      if (profile) process.stderr.write(`${c.name}: main-thread time by kind\n${byKind(traceEvents)}\n`);
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
        p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? NaN,
        ...(main !== undefined ? { mainMsPerFrame: main / Math.max(1, frames) } : {}),
        ...(mutations !== undefined ? { mutationsPerFrame: mutations / Math.max(1, frames) } : {}),
        targets: { fps: 55, mainMsPerFrame: 8 },
      });
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
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
  });
  console.log(values.json ? JSON.stringify(rows, null, 2) : printTrainUi(rows));
}
