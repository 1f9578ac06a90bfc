/**
 * UI step latency: the built app in Chromium, a 4-8-8-3 and a 10 × 32 network (sigmoid, biases, seeded
 * random weights), 200 step changes each, timed from the key press to the end of the frame that shows it.
 *
 * How one step is timed: inside a requestAnimationFrame callback (the start of a frame) the page reads
 * performance.now(), dispatches an ArrowRight (or ArrowLeft) keydown on window — the app's own keyboard path
 * into the store — and posts a MessageChannel message. React commits in a microtask of that task; the
 * browser then recalculates style, lays out and paints the frame; the message runs as the next task, after
 * that rendering work, and reads performance.now() again. So the time is script + React + style + layout +
 * paint of one step, without the wait for vsync. Marks at both ends (stepMark) let the trace find the step.
 * When the lesson reaches its last step the walk turns round.
 *
 * Pace: the target rows step at a student's pace — the next step once the page is idle again, so the work
 * the app does ahead for the next step (the formula pages beside the cursor) is done by then, as it is in a
 * class. The "held key" rows step every 33 ms, as a held arrow key repeats, with that work still pending:
 * for information, without a target.
 * Beside that wall-clock latency each row gives the main thread's CPU time over the same span (from a trace),
 * which does not grow when other processes share the machine.
 *
 * Run alone: `npx tsx scripts/bench-ui.ts [--json] [--build | --no-build] [--steps N] [--dist DIR]
 * [--breakdown] [--profile]`. By default the app is built when dist/ is missing or older than src/; `--build`
 * always builds, `--no-build` never does; `--dist` serves another build. `--breakdown` prints the main
 * thread's CPU time per step by kind (script, style, layout, paint); `--profile` the functions that take it
 * (readable with an unminified build: `npx vite build --minify false --outDir /tmp/app` and `--dist /tmp/app`).
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH); never downloads a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { createRng, initialise, type Lesson } from '../src/engine';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
// The page's window.backpropApp (declared with the app's entry point).
import type {} from '../src/main';
import { benchLarge, LARGE_SIZES, printLarge, summary, type LargeBenchFigure } from './bench-ui-large';
import {
  mainThreadBreakdown,
  STEP_MARK,
  stepCpuTimes,
  topSelfTime,
  type CpuProfile,
  type TraceEvent,
} from './bench-ui-trace';

export interface UiBenchRow {
  name: string;
  /** Median, 95th percentile and slowest step, in milliseconds. */
  p50: number;
  p95: number;
  max: number;
  /** Steps timed. */
  steps: number;
  /** The p95 it must stay under, in milliseconds (none for the held-key rows, which are for information). */
  target?: number;
  /** Main-thread CPU time of the same steps, in milliseconds (absent if the trace had no marks). */
  cpu?: { p50: number; p95: number; max: number };
  /** Unit of p50, p95 and max when not milliseconds (the 10 × 64 rows give the heap in MB). */
  unit?: 'ms' | 'MB';
}

export interface UiBenchOptions {
  /** Step changes timed per network (default 200). */
  steps?: number;
  /** 'auto' builds when dist/ is missing or older than src/ (default); true always; false never. */
  build?: boolean | 'auto';
  /** Chromium to drive (default CHROMIUM_PATH or /usr/bin/chromium). */
  executablePath?: string;
  /** Logs progress to stderr. */
  verbose?: boolean;
  /** The built app to serve (default dist/; building applies to dist/ only). */
  dist?: string;
  /** Prints the functions with the most self time over the timed steps (a CDP CPU profile) to stderr. */
  profile?: boolean;
  /** Prints the main thread's CPU time per step by kind (script, style, layout, paint) to stderr. */
  breakdown?: boolean;
  /** Also runs the 10 × 64 benchmark (scripts/bench-ui-large.ts; default true). */
  large?: boolean;
  /** In the 10 × 64 benchmark, walk every one of its 3,073 steps for the heap after a full walk (slow). */
  fullWalk?: boolean;
  /** In the 10 × 64 benchmark, how many Next iterations to take (default 20). */
  iterations?: number;
  /** In the 10 × 64 benchmark, only open the lesson and click a weight. */
  clickOnly?: boolean;
  /** In the 10 × 64 benchmark, skip the walks (open, click and Next iteration only). */
  noWalk?: boolean;
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
/** Steps walked before timing, so the JIT and React's caches are warm. */
const WARM_UP = 20;

/**
 * How fast the steps come: at a student's pace (the next once the page is idle again, the way a class steps
 * through a lesson), or as fast as a held arrow key repeats them (one every 33 ms, whatever is still pending).
 */
type Pace = 'student' | 'held';

const BIG = Array<number>(10).fill(32);
const CASES: Array<{ name: string; sizes: number[]; pace: Pace; target?: number }> = [
  { name: 'step 4-8-8-3', sizes: [4, 8, 8, 3], pace: 'student', target: 16 },
  { name: 'step 10 × 32', sizes: BIG, pace: 'student', target: 50 },
  { name: 'held key 4-8-8-3', sizes: [4, 8, 8, 3], pace: 'held' },
  { name: 'held key 10 × 32', sizes: BIG, pace: 'held' },
];

/** A sigmoid network of the given sizes with biases, squared error and uniform(−1, 1) weights from `seed`. */
export function benchLesson(sizes: number[], seed: number): Lesson {
  const rng = createRng(seed);
  const { weights, biases } = initialise(sizes, { kind: 'uniform', range: 1 }, rng, true);
  const L = sizes.length - 1;
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: 'sigmoid' })),
    loss: 'sse',
    learningRate: 0.5,
    useBias: true,
    weights,
    biases,
    sample: {
      input: Array.from({ length: sizes[0] }, rng),
      target: Array.from({ length: sizes[L] }, rng),
    },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

/** Newest modification time under a directory (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(build: boolean | 'auto', log: (s: string) => void): void {
  const index = join(DIST, 'index.html');
  const stale = () =>
    !existsSync(index) ||
    statSync(index).mtimeMs < Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'index.html')).mtimeMs);
  if (build === false) {
    if (!existsSync(index)) throw new Error('dist/ is missing: run `npm run build` or drop --no-build');
    return;
  }
  if (build === true || stale()) {
    log('building the app (vite build)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static server for dist/ on 127.0.0.1 and a free port (scripts/bench-train-ui.ts serves with it too). */
export async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/**
 * Times `count` step changes on the open page, each from a frame's start to the end of its rendering, after
 * `warmUp` untimed ones; milliseconds per step. Marks each timed step's start and end (stepMark) for the
 * trace. Page code as text: tsx would otherwise wrap its functions in a `__name` helper the page lacks.
 */
const TIME_STEPS = `async (count, warmUp, prefix, pace) => {
  const mark = (k, end) => prefix + k + '-' + end;
  const position = () => document.querySelector('[data-testid="position"]')?.textContent ?? '';
  const channel = new MessageChannel();
  let dir = 'ArrowRight';
  const step = (k) =>
    new Promise((ok) => {
      requestAnimationFrame(() => {
        performance.mark(mark(k, 'start'));
        const t0 = performance.now();
        channel.port2.onmessage = () => {
          const ms = performance.now() - t0;
          performance.mark(mark(k, 'end'));
          ok(ms);
        };
        window.dispatchEvent(new KeyboardEvent('keydown', { key: dir, bubbles: true, cancelable: true }));
        channel.port1.postMessage(null);
      });
    });
  const idle = () => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 }));
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  const settle = async () => {
    for (let k = 0; k < 3; k++) {
      await frame();
      await idle();
    }
  };
  const times = [];
  for (let i = 0; i < warmUp + count; ) {
    const before = position();
    const ms = await step(i - warmUp);
    // At either end the key changes nothing: turn round, and do not count it.
    if (position() === before) {
      dir = dir === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
      continue;
    }
    if (i >= warmUp) times.push(ms);
    i++;
    // A student's pace: the next step comes once the page is idle again (the work done ahead for the next
    // step, and the frame that lays it out, are over). A held key: 33 ms later, whatever is pending.
    if (pace === 'held') await new Promise((ok) => setTimeout(ok, 33));
    else await settle();
  }
  return times;
}`;

async function timeSteps(page: Page, count: number, warmUp: number, pace: Pace): Promise<number[]> {
  const args = [count, warmUp, STEP_MARK, pace].map((a) => JSON.stringify(a)).join(', ');
  return page.evaluate(`(${TIME_STEPS})(${args})`) as Promise<number[]>;
}

/** Runs the step-latency benchmark; one row per network. */
export async function benchUi(options: UiBenchOptions = {}): Promise<UiBenchRow[]> {
  const { steps = 200, build = 'auto', verbose = false, profile = false, breakdown = false } = options;
  const dist = resolve(options.dist ?? DIST);
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  const log = (s: string) => verbose && process.stderr.write(`${s}\n`);
  if (dist === DIST) ensureBuilt(build, log);
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const rows: UiBenchRow[] = [];
    for (const { name, sizes, pace, target } of CASES) {
      // No service worker: its precaching of the app's files would share the CPU with the first steps.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForSelector('[data-testid="position"]');
      const loaded = await page.evaluate(
        (lesson) =>
          window.backpropApp
            ? window.backpropApp.loadLesson(lesson)
            : {
                ok: false as const,
                problems: [{ path: '$', message: 'no window.backpropApp: rebuild the app' }],
              },
        benchLesson(sizes, 42),
      );
      if (!loaded.ok) throw new Error(`${name}: the lesson did not load: ${JSON.stringify(loaded.problems)}`);
      const nodes = sizes.reduce((a, b) => a + b, 0);
      await page.waitForFunction((n) => document.querySelectorAll('[data-id^="n:"]').length === n, nodes);
      log(`${name}: timing ${steps} steps…`);
      const cdp = profile ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const categories = ['blink.user_timing', ...(breakdown ? ['devtools.timeline'] : [])];
      await browser.startTracing(page, { categories });
      const times = await timeSteps(page, steps, WARM_UP, pace);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      if (breakdown) {
        const kinds = mainThreadBreakdown(traceEvents, steps);
        process.stderr.write(`${name}: main-thread CPU time per step\n${kinds}\n`);
      }
      if (cdp) {
        const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        process.stderr.write(`${name}: most self time\n${topSelfTime(cpu, 25)}\n`);
      }
      if (errors.length) throw new Error(`${name}: page errors: ${errors.join('; ')}`);
      await page.close();
      const cpu = stepCpuTimes(traceEvents, steps);
      rows.push({
        name,
        ...summary(times),
        steps: times.length,
        ...(target !== undefined ? { target } : {}),
        ...(cpu.length ? { cpu: summary(cpu) } : {}),
      });
    }
    if (options.large !== false)
      rows.push(
        ...(await benchLarge(browser, url, benchLesson(LARGE_SIZES, 42), log, { full: options.fullWalk })),
      );
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

/** The 10 × 64 benchmark alone (scripts/bench-ui-large.ts). */
export async function runLarge(options: UiBenchOptions = {}): Promise<LargeBenchFigure[]> {
  const { build = 'auto', verbose = false } = options;
  const dist = resolve(options.dist ?? DIST);
  const log = (s: string) => verbose && process.stderr.write(`${s}\n`);
  if (dist === DIST) ensureBuilt(build, log);
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    return await benchLarge(browser, url, benchLesson(LARGE_SIZES, 42), log, {
      full: options.fullWalk,
      profile: options.profile,
      iterations: options.iterations,
      clickOnly: options.clickOnly,
      noWalk: options.noWalk,
    });
  } finally {
    await browser.close();
    server.close();
  }
}

export interface BundleSize {
  /** Bytes of dist/assets/*.js and *.css, as served and gzipped (node:zlib, level 9). */
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  total: { raw: number; gzip: number };
}

/** Size of the built bundle (fonts and images not counted). Reads dist/, which must exist. */
export function bundleSize(dist = DIST): BundleSize {
  const assets = join(dist, 'assets');
  const sum = (ext: string) =>
    readdirSync(assets)
      .filter((f) => f.endsWith(ext))
      .map((f) => readFileSync(join(assets, f)))
      .reduce(
        (acc, buf) => ({ raw: acc.raw + buf.length, gzip: acc.gzip + gzipSync(buf, { level: 9 }).length }),
        {
          raw: 0,
          gzip: 0,
        },
      );
  const js = sum('.js');
  const css = sum('.css');
  return { js, css, total: { raw: js.raw + css.raw, gzip: js.gzip + css.gzip } };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const build = argv.includes('--no-build') ? false : argv.includes('--build') ? true : 'auto';
  const stepsAt = argv.indexOf('--steps');
  const steps = stepsAt >= 0 ? Number(argv[stepsAt + 1]) : undefined;
  const distAt = argv.indexOf('--dist');
  const dist = distAt >= 0 ? resolve(argv[distAt + 1]) : undefined;
  const rows = await benchUi({
    build,
    steps,
    verbose: !json,
    dist,
    profile: argv.includes('--profile'),
    breakdown: argv.includes('--breakdown'),
  });
  const size = bundleSize(dist);
  if (json) {
    process.stdout.write(`${JSON.stringify({ rows, bundle: size }, null, 2)}\n`);
  } else {
    console.log('UI step latency (ms, key press to end of frame)');
    const ms = (x: number) => x.toFixed(1).padStart(6);
    for (const r of rows) {
      if (r.unit) continue;
      const ok =
        r.target === undefined ? '' : `; p95 target < ${r.target}: ${r.p95 < r.target ? 'ok' : 'OVER'}`;
      const cpu = r.cpu ? `  | CPU p50 ${ms(r.cpu.p50)} p95 ${ms(r.cpu.p95)} max ${ms(r.cpu.max)}` : '';
      console.log(
        `  ${r.name.padEnd(17)} p50 ${ms(r.p50)} p95 ${ms(r.p95)} max ${ms(r.max)}${cpu}` +
          `  (${r.steps} steps${ok})`,
      );
    }
    printLarge(rows.filter((r): r is UiBenchRow & LargeBenchFigure => r.unit !== undefined));
    console.log(
      `Bundle: JS ${kb(size.js.raw)} (gzip ${kb(size.js.gzip)}), CSS ${kb(size.css.raw)} ` +
        `(gzip ${kb(size.css.gzip)}), total ${kb(size.total.raw)} (gzip ${kb(size.total.gzip)})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
