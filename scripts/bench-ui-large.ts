/**
 * The largest network the lesson format allows, 10 layers × 64 neurons (37,440 weights and biases, 3,073 steps
 * at neuron detail), in the built app in Chromium: how long it takes to open, the step latency in each phase
 * over a walk of every step, the worst pause of the main thread (long tasks, over everything below), a click on
 * a weight (its chain rule and gradient check), Next iteration, and the JS heap after a full walk and after
 * several iterations (after a forced garbage collection). Targets: no pause over 100 ms, heap under 200 MB.
 *
 * A step is timed as in bench-ui.ts: from an ArrowRight keydown dispatched at the start of a frame to the task
 * after that frame's rendering. Thirty steps from the start of each phase are timed at a student's pace (the next
 * step once a frame and an idle moment have passed); `--full` then walks all 3,073 steps, one a frame, for the
 * heap after a full walk (slow on a busy machine).
 *
 * Run alone: `npx tsx scripts/bench-ui-large.ts [--json] [--no-build] [--full] [--click-only] [--no-walk] [--iterations N] [--dist DIR] [--profile]`; `npm run bench` runs it with the rest of
 * scripts/bench-ui.ts.
 *
 * Next iteration and the click are traced until nothing on the page is aria-busy (a large net draws a new
 * lesson's graph and chain rule in tasks after the step's) and two frames more. With `--profile`, each section
 * logs its functions with the most self time, those of its longest task alone and its tasks over 30 ms;
 * `BENCH_PROFILE_DIR=dir` also saves each section's CPU profile there (with the longest task's span).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { topSelfTime, type CpuProfile, type TraceEvent } from './bench-ui-trace';
import { PHASES } from '../src/steps/types';
// The page's window.backpropApp (declared with the app's entry point).
import type {} from '../src/main';

/** One figure of the large-network benchmark. */
export interface LargeBenchFigure {
  name: string;
  /** p50, p95 and max for latencies; the one value in all three for single figures. */
  p50: number;
  p95: number;
  max: number;
  /** 'ms' or 'MB'. */
  unit: 'ms' | 'MB';
  /** How many timings the figure summarises. */
  steps: number;
  /** The value it must stay under (p95 for latencies). */
  target?: number;
  /**
   * The longest main-thread task over the figure's span, in CPU (thread) time, ms: unlike the latencies it does
   * not grow when other processes share the machine.
   */
  longestTaskCpu?: number;
  /** All the main thread's tasks over the span, in CPU time, ms; and of that, style and layout. */
  tasksCpu?: number;
  layoutCpu?: number;
}

export const LARGE_SIZES = Array<number>(10).fill(64);
/** Next iterations taken after the walk, to see whether memory grows with them. */
const ITERATIONS = 20;
/** Steps walked per page.evaluate (the heap is logged between). */
const CHUNK = 500;
/** Steps timed from the start of each phase. */
const PHASE_STEPS = 30;

/** Long tasks (over 50 ms) from the page's first moment, for the worst pause. */
const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})()`;

/** Walks every step to the last one; latency per step with its phase (page code as text, see bench-ui.ts). */
const WALK = `async (limit, pace) => {
  const position = () => document.querySelector('[data-testid="position"]')?.textContent ?? '';
  const channel = new MessageChannel();
  const step = () =>
    new Promise((ok) => {
      requestAnimationFrame(() => {
        const t0 = performance.now();
        channel.port2.onmessage = () => ok(performance.now() - t0);
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        channel.port1.postMessage(null);
      });
    });
  const idle = () => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 }));
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  const out = [];
  while (out.length < limit) {
    const before = position();
    const ms = await step();
    // the step shows within a frame or two (on a busy machine the render may come after the timed task)
    let after = position();
    for (let k = 0; after === before && k < 5; k++) {
      await frame();
      after = position();
    }
    if (after === before) break;
    out.push([after, ms]);
    await frame();
    if (pace === 'student') await idle();
  }
  return out;
}`;

/** Time from an action (page code, run at a frame's start) to the end of the frame that shows it. */
const TIME_ACTION = `(action) => new Promise((ok) => {
  const channel = new MessageChannel();
  requestAnimationFrame(() => {
    const t0 = performance.now();
    channel.port2.onmessage = () => ok(performance.now() - t0);
    (0, eval)(action)();
    channel.port1.postMessage(null);
  });
})`;

/** Resolves after two more frames (and the task after each). */
const TWO_FRAMES = `new Promise((ok) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(ok)))))`;

async function timeAction(page: Page, action: string): Promise<number> {
  return page.evaluate(`(${TIME_ACTION})(${JSON.stringify(action)})`) as Promise<number>;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(
    `(async () => { for (let i = 0; i < 3; i++) { await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))); await new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })); } })()`,
  );
}

/** JS heap in use after a forced full garbage collection, in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
/** p50, p95 and max of a sample (nearest rank), rounded to 0.01. */
export function summary(xs: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: round2(at(0.5)), p95: round2(at(0.95)), max: round2(sorted[sorted.length - 1]) };
}
const single = (name: string, value: number, unit: 'ms' | 'MB', target?: number): LargeBenchFigure => ({
  name,
  p50: round2(value),
  p95: round2(value),
  max: round2(value),
  unit,
  steps: 1,
  ...(target !== undefined ? { target } : {}),
});

/** What to measure besides the default (see benchLarge). */
export interface LargeBenchOptions {
  /** Walk every one of the 3,073 steps at neuron detail, one a frame, for the heap after a full walk. */
  full?: boolean;
  /** Log each section's functions with the most self time (a CDP CPU profile). */
  profile?: boolean;
  /** Next iterations taken (default 20). */
  iterations?: number;
  /** Only open the lesson and click a weight (to compare the click between builds quickly). */
  clickOnly?: boolean;
  /** Skip the walks (the phases' first steps and layer detail): open, click and Next iteration only. */
  noWalk?: boolean;
}

/** A lesson opening at the given detail (the bench lesson names none, so it would keep the page's). */
const atDetail = (lesson: unknown, detail: 'neuron' | 'layer') => {
  const l = lesson as { conventions: object };
  return { ...l, conventions: { ...l.conventions, detail } };
};

/**
 * Runs the 10 × 64 benchmark on the app served at `url`, with `lesson` (a backprop-lesson object of that size):
 * at neuron detail, opening it, PHASE_STEPS steps from the start of each phase, (with `full`) a walk of every
 * step, a click on a weight and Next iterations; then at layer detail, opening it and a walk of all its steps.
 * `log` reports progress.
 */
export async function benchLarge(
  browser: Browser,
  url: string,
  lesson: unknown,
  log: (s: string) => void = () => {},
  options: LargeBenchOptions = {},
): Promise<LargeBenchFigure[]> {
  const {
    full = false,
    profile = false,
    iterations: iterationCount = ITERATIONS,
    clickOnly = false,
    noWalk = false,
  } = options;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => log('10 × 64: the page crashed'));
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url);
  await page.waitForSelector('[data-testid="position"]');
  const cdp = await page.context().newCDPSession(page);
  // With `profile`, each section's functions with the most self time are logged (readable with an unminified
  // build, see bench-ui.ts).
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  }
  /** Runs `run` under a trace of the page's tasks; its result and the longest main-thread task's CPU time. */
  const traced = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const events: TraceEvent[] = [];
    const collect = (d: { value: unknown[] }) => events.push(...(d.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    let result: T;
    try {
      result = await run();
    } finally {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
    }
    // the renderers' main threads (only the page's does work)
    const mains = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    let longest = 0;
    let total = 0;
    let layout = 0;
    for (const e of events) {
      if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
      const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
      if (e.name === 'RunTask') {
        longest = Math.max(longest, cpu);
        total += cpu;
      } else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') layout += cpu;
    }
    lastTotals = { tasksCpu: round2(total), layoutCpu: round2(layout) };
    if (profile) {
      // what the longest task holds: CPU time by trace event (nested events count in their parents too)
      const onMain = (e: TraceEvent) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`);
      const top = events
        .filter((e) => onMain(e) && e.name === 'RunTask')
        .reduce<TraceEvent | null>((a, e) => (!a || (e.tdur ?? 0) > (a.tdur ?? 0) ? e : a), null);
      if (top) {
        lastTop = [top.ts, top.ts + (top.dur ?? 0)];
        const by = new Map<string, number>();
        for (const e of events)
          if (onMain(e) && e !== top && e.ts >= top.ts && e.ts < top.ts + (top.dur ?? 0))
            by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
        const long = events
          .filter((e) => onMain(e) && e.name === 'RunTask' && (e.tdur ?? 0) > 30_000)
          .map((e) => Math.round((e.tdur ?? 0) / 1000));
        log(`tasks over 30 ms CPU, in order: ${long.join(', ')}`);
        log(
          `longest task ${round2((top.tdur ?? 0) / 1000)} ms CPU: ${[...by]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10)
            .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
            .join(', ')}`,
        );
      }
    }
    return [result, round2(longest)];
  };
  const cpus: number[] = [];
  /** All tasks' and style and layout's CPU time in the last traced section (see traced). */
  let lastTotals = { tasksCpu: 0, layoutCpu: 0 };
  /** The CPU time of the longest task in the last profiled section (see traced). */
  let lastCpu = 0;
  /** With `profile`: the span of the longest task in the last traced section, µs of trace time. */
  let lastTop: [number, number] | null = null;
  const profiled = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    lastTop = null;
    if (profile) await cdp.send('Profiler.start');
    try {
      const [result, cpu] = await traced(run);
      lastCpu = cpu;
      cpus.push(cpu);
      return result;
    } finally {
      if (profile) {
        const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        log(`profile, ${what}:\n${topSelfTime(cpu, 25)}`);
        if (lastTop) log(`profile, ${what}, its longest task:\n${topSelfTime(cpu, 25, lastTop)}`);
        // BENCH_PROFILE_DIR: each section's CPU profile (and its longest task's span) saved for a closer look
        const dir = process.env.BENCH_PROFILE_DIR;
        if (dir)
          writeFileSync(
            join(dir, `${what.replace(/\W+/g, '-')}.json`),
            JSON.stringify({ task: lastTop, profile: cpu }),
          );
        lastTop = null;
      }
    }
  };
  const figures: LargeBenchFigure[] = [];
  // Each figure is logged as soon as it is measured (the whole run takes minutes on a busy machine).
  const push = figures.push.bind(figures);
  figures.push = (...fs: LargeBenchFigure[]) => {
    for (const f of fs)
      log(
        `  ${f.name}: p50 ${f.p50} p95 ${f.p95} max ${f.max} ${f.unit}${f.longestTaskCpu ? `, longest task ${f.longestTaskCpu} ms CPU` : ''}${f.tasksCpu ? `, all tasks ${f.tasksCpu} ms CPU (style and layout ${f.layoutCpu})` : ''}`,
      );
    return push(...fs);
  };
  const nodes = LARGE_SIZES.reduce((a, b) => a + b, 0);
  const open = async (what: string, l: unknown) =>
    (await profiled(what, () =>
      page.evaluate(
        async ([l, n]) => {
          const t0 = performance.now();
          const r = window.backpropApp!.loadLesson(l);
          if (!r.ok) throw new Error(JSON.stringify(r.problems));
          while (document.querySelectorAll('[data-id^="n:"]').length !== n)
            await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
          return performance.now() - t0;
        },
        [l, nodes] as const,
      ),
    )) as number;
  /** Step latencies by phase (the phase named in the position, after the step). */
  const byPhase = (part: Array<[string, number]>, phase: string) =>
    part.filter(([p]) => p.split('·').pop()!.trim().startsWith(phase.slice(0, 4))).map(([, ms]) => ms);
  const pauses: number[] = [];
  const phaseFigures = (prefix: string, part: Array<[string, number]>, phase: string) => {
    const times = byPhase(part, phase);
    pauses.push(...times);
    if (times.length)
      figures.push({
        name: `${prefix} step, ${phase}`,
        ...summary(times),
        unit: 'ms',
        steps: times.length,
        longestTaskCpu: lastCpu,
      });
  };
  try {
    log('10 × 64: opening at neuron detail…');
    const opened = await open('open', atDetail(lesson, 'neuron'));
    pauses.push(opened);
    figures.push({ ...single('10 × 64 open (load to graph drawn)', opened, 'ms'), longestTaskCpu: lastCpu });
    await settle(page);

    // Each phase: from its first step, PHASE_STEPS steps timed at a student's pace (the next phase key, ], moves
    // to the next phase's first step).
    for (const phase of clickOnly || noWalk ? [] : PHASES) {
      log(`10 × 64: ${phase}…`);
      const part = (await profiled(phase, () =>
        page.evaluate(`(${WALK})(${PHASE_STEPS}, 'student')`),
      )) as Array<[string, number]>;
      phaseFigures('10 × 64', part, phase);
      await page.evaluate(() =>
        window.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true })),
      );
      await settle(page);
    }
    if (clickOnly || noWalk) {
      // no walk
    } else if (full) {
      // Then every step of the lesson, one a frame, for the heap after a full walk.
      log('10 × 64: walking every step…');
      await page.evaluate(() =>
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })),
      );
      let walked = 0;
      for (;;) {
        const part = (await page.evaluate(`(${WALK})(${CHUNK}, 'held')`)) as unknown[];
        walked += part.length;
        log(`  ${walked} steps, heap ${await heapMb(cdp)} MB`);
        if (part.length < CHUNK) break;
      }
      figures.push(single('10 × 64 heap after a full walk', await heapMb(cdp), 'MB', 200));
    } else {
      figures.push(single('10 × 64 heap after the timed steps', await heapMb(cdp), 'MB', 200));
    }

    log('10 × 64: a click on a weight…');
    // w⁵₃₇ (e:5:3:7), a third of the way along its line from neuron 7 of layer 4 to neuron 3 of layer 5; the
    // edges beneath are drawn on a canvas, which takes the click
    const at = (await page.evaluate(`(() => {
      const centre = (id) => {
        const r = document.querySelector('[data-id="' + id + '"] circle').getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
      };
      const [x1, y1] = centre('n:4:7');
      const [x2, y2] = centre('n:5:3');
      return [x1 + (x2 - x1) / 3, y1 + (y2 - y1) / 3];
    })()`)) as [number, number];
    // The trace runs until the chain-rule panel is drawn (it may come in a later task than the click's frame,
    // once its module has loaded) and a frame after it, so the CPU figures include docking it.
    const click = await profiled('click on a weight', async () => {
      const ms = await timeAction(
        page,
        `() => (document.querySelector('[data-testid="edge-canvas"]') ?? document.elementFromPoint(${at[0]}, ${at[1]})).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: ${at[0]}, clientY: ${at[1]} }))`,
      );
      await page.waitForSelector('[data-testid="chain-rule"]');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await page.evaluate(TWO_FRAMES);
      return ms;
    });
    pauses.push(click);
    figures.push({
      ...single('10 × 64 click on a weight', click, 'ms'),
      longestTaskCpu: lastCpu,
      ...lastTotals,
    });
    await settle(page);
    if (clickOnly) return figures;

    log(`10 × 64: ${iterationCount} iterations…`);
    const before = await heapMb(cdp);
    const iterations: number[] = [];
    let iterationCpu = 0;
    for (let i = 0; i < iterationCount; i++) {
      // The trace runs until nothing on the page is busy (a large net draws a new lesson's graph and chain rule
      // in tasks after the step controls') and two frames more, so the CPU figures include that drawing.
      iterations.push(
        await profiled(`iteration ${i + 1}`, async () => {
          const ms = await timeAction(
            page,
            `() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Next iteration')).click()`,
          );
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
          await page.evaluate(TWO_FRAMES);
          return ms;
        }),
      );
      iterationCpu = Math.max(iterationCpu, lastCpu);
      await settle(page);
    }
    pauses.push(...iterations);
    figures.push({
      name: '10 × 64 Next iteration',
      ...summary(iterations),
      unit: 'ms',
      steps: iterationCount,
      longestTaskCpu: iterationCpu,
    });
    const after = await heapMb(cdp);
    figures.push(single(`10 × 64 heap after ${iterationCount} iterations`, after, 'MB', 200));
    figures.push(single('10 × 64 heap growth per iteration', (after - before) / iterationCount, 'MB'));

    if (noWalk) return figures;
    // Layer detail: each step is a whole layer (its formulas hold 64 × 64 matrices); every step is walked.
    log('10 × 64: opening at layer detail…');
    const openedLayer = await open('open at layer detail', atDetail(lesson, 'layer'));
    pauses.push(openedLayer);
    figures.push({ ...single('10 × 64 open at layer detail', openedLayer, 'ms'), longestTaskCpu: lastCpu });
    await settle(page);
    const layerWalk = (await profiled('layer detail', () =>
      page.evaluate(`(${WALK})(${CHUNK}, 'student')`),
    )) as Array<[string, number]>;
    for (const phase of PHASES) phaseFigures('10 × 64 layer detail', layerWalk, phase);

    const longTasks = (await page.evaluate('window.__longTasks')) as number[];
    const worst = Math.max(0, ...longTasks, ...pauses);
    figures.push({
      ...single('10 × 64 worst pause (longest task)', worst, 'ms', 100),
      longestTaskCpu: Math.max(0, ...cpus),
    });
    if (errors.length) throw new Error(`10 × 64: page errors: ${errors.join('; ')}`);
    return figures;
  } finally {
    await page.close();
  }
}

export function printLarge(figures: LargeBenchFigure[]): void {
  console.log('10 × 64 network (ms, or MB of JS heap after garbage collection)');
  const v = (x: number) => x.toFixed(1).padStart(7);
  for (const f of figures) {
    const ok = f.target === undefined ? '' : `; target < ${f.target}: ${f.p95 < f.target ? 'ok' : 'OVER'}`;
    const values = f.steps > 1 ? `p50 ${v(f.p50)} p95 ${v(f.p95)} max ${v(f.max)}` : `${v(f.max)} ${f.unit}`;
    const cpu = f.longestTaskCpu === undefined ? '' : `; longest task ${f.longestTaskCpu.toFixed(1)} ms CPU`;
    console.log(`  ${f.name.padEnd(40)} ${values}  (${f.steps}${f.steps > 1 ? ' timings' : ''}${ok}${cpu})`);
  }
}

// Not awaited at the top level: bench-ui.ts imports this module, which must finish loading first.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  import('./bench-ui')
    .then(({ runLarge }) =>
      runLarge({
        build: argv.includes('--no-build') ? false : 'auto',
        verbose: !argv.includes('--json'),
        fullWalk: argv.includes('--full'),
        profile: argv.includes('--profile'),
        clickOnly: argv.includes('--click-only'),
        noWalk: argv.includes('--no-walk'),
        ...(argv.includes('--iterations')
          ? { iterations: Number(argv[argv.indexOf('--iterations') + 1]) }
          : {}),
        ...(argv.includes('--dist') ? { dist: argv[argv.indexOf('--dist') + 1] } : {}),
      }),
    )
    .then((figures) => {
      if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
      else printLarge(figures);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
