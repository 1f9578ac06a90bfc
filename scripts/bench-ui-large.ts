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
 * logs its functions with the most self time (see bench-large-profile.ts). The page's side is in
 * bench-large-page.ts.
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import {
  drawn,
  heapMb,
  OBSERVE_LONG_TASKS,
  openLesson,
  press,
  settle,
  timeAction,
  WALK,
  weightPoint,
} from './bench-large-page';
import { printLarge, single, summary, type LargeBenchFigure } from './bench-large-figures';
import { SectionTracer } from './bench-large-profile';
import { PHASES } from '../src/steps/types';
// The page's window.backpropApp (declared with the app's entry point).
import type {} from '../src/main';

export { printLarge, summary, type LargeBenchFigure };

export const LARGE_SIZES = Array<number>(10).fill(64);
/** Next iterations taken after the walk, to see whether memory grows with them. */
const ITERATIONS = 20;
/** Steps walked per page.evaluate (the heap is logged between). */
const CHUNK = 500;
/** Steps timed from the start of each phase. */
const PHASE_STEPS = 30;

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
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => log('10 × 64: the page crashed'));
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(url);
  await page.waitForSelector('[data-testid="position"]');
  const cdp = await page.context().newCDPSession(page);
  // With `profile`, each section's functions with the most self time are logged (readable with an unminified
  // build, see bench-ui.ts).
  const tracer = new SectionTracer(cdp, profile, log);
  await tracer.enable();
  const figures: LargeBenchFigure[] = [];
  // Each figure is logged as soon as it is measured (the whole run takes minutes on a busy machine).
  const add = (f: LargeBenchFigure) => {
    log(
      `  ${f.name}: p50 ${f.p50} p95 ${f.p95} max ${f.max} ${f.unit}${f.longestTaskCpu ? `, longest task ${f.longestTaskCpu} ms CPU` : ''}${f.tasksCpu ? `, all tasks ${f.tasksCpu} ms CPU (style and layout ${f.layoutCpu})` : ''}`,
    );
    figures.push(f);
  };
  const nodes = LARGE_SIZES.reduce((a, b) => a + b, 0);
  const open = (what: string, l: unknown) => tracer.section(what, () => openLesson(page, l, nodes));
  /** Step latencies by phase (the phase named in the position, after the step). */
  const byPhase = (part: Array<[string, number]>, phase: string) =>
    part.filter(([p]) => p.split('·').pop()!.trim().startsWith(phase.slice(0, 4))).map(([, ms]) => ms);
  const pauses: number[] = [];
  const phaseFigures = (prefix: string, part: Array<[string, number]>, phase: string) => {
    const times = byPhase(part, phase);
    pauses.push(...times);
    if (times.length)
      add({
        name: `${prefix} step, ${phase}`,
        ...summary(times),
        unit: 'ms',
        steps: times.length,
        longestTaskCpu: tracer.last.longest,
      });
  };
  try {
    log('10 × 64: opening at neuron detail…');
    const opened = await open('open', atDetail(lesson, 'neuron'));
    pauses.push(opened);
    add({
      ...single('10 × 64 open (load to graph drawn)', opened, 'ms'),
      longestTaskCpu: tracer.last.longest,
    });
    await settle(page);

    // Each phase: from its first step, PHASE_STEPS steps timed at a student's pace (the next phase key, ], moves
    // to the next phase's first step).
    for (const phase of clickOnly || noWalk ? [] : PHASES) {
      log(`10 × 64: ${phase}…`);
      const part = (await tracer.section(phase, () =>
        page.evaluate(`(${WALK})(${PHASE_STEPS}, 'student')`),
      )) as Array<[string, number]>;
      phaseFigures('10 × 64', part, phase);
      await press(page, ']');
      await settle(page);
    }
    if (clickOnly || noWalk) {
      // no walk
    } else if (full) {
      // Then every step of the lesson, one a frame, for the heap after a full walk.
      log('10 × 64: walking every step…');
      await press(page, 'Home');
      let walked = 0;
      for (;;) {
        const part = (await page.evaluate(`(${WALK})(${CHUNK}, 'held')`)) as unknown[];
        walked += part.length;
        log(`  ${walked} steps, heap ${await heapMb(cdp)} MB`);
        if (part.length < CHUNK) break;
      }
      add(single('10 × 64 heap after a full walk', await heapMb(cdp), 'MB', 200));
    } else {
      add(single('10 × 64 heap after the timed steps', await heapMb(cdp), 'MB', 200));
    }

    log('10 × 64: a click on a weight…');
    // the edges beneath are drawn on a canvas, which takes the click
    const at = await weightPoint(page);
    // The trace runs until the chain-rule panel is drawn (it may come in a later task than the click's frame,
    // once its module has loaded) and a frame after it, so the CPU figures include docking it.
    const click = await tracer.section('click on a weight', async () => {
      const ms = await timeAction(
        page,
        `() => (document.querySelector('[data-testid="edge-canvas"]') ?? document.elementFromPoint(${at[0]}, ${at[1]})).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: ${at[0]}, clientY: ${at[1]} }))`,
      );
      await page.waitForSelector('[data-testid="chain-rule"]');
      await drawn(page);
      return ms;
    });
    pauses.push(click);
    const { longest, tasksCpu, layoutCpu } = tracer.last;
    add({
      ...single('10 × 64 click on a weight', click, 'ms'),
      longestTaskCpu: longest,
      tasksCpu,
      layoutCpu,
    });
    log(`  click: tasks over 20 ms CPU, in order: ${tracer.last.long.join(', ')}`);
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
        await tracer.section(`iteration ${i + 1}`, async () => {
          const ms = await timeAction(
            page,
            `() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Next iteration')).click()`,
          );
          await drawn(page);
          return ms;
        }),
      );
      iterationCpu = Math.max(iterationCpu, tracer.last.longest);
      log(`  iteration ${i + 1}: tasks over 20 ms CPU, in order: ${tracer.last.long.join(', ')}`);
      await settle(page);
    }
    pauses.push(...iterations);
    add({
      name: '10 × 64 Next iteration',
      ...summary(iterations),
      unit: 'ms',
      steps: iterationCount,
      longestTaskCpu: iterationCpu,
    });
    const after = await heapMb(cdp);
    add(single(`10 × 64 heap after ${iterationCount} iterations`, after, 'MB', 200));
    add(single('10 × 64 heap growth per iteration', (after - before) / iterationCount, 'MB'));

    if (noWalk) return figures;
    // Layer detail: each step is a whole layer (its formulas hold 64 × 64 matrices); every step is walked.
    log('10 × 64: opening at layer detail…');
    const openedLayer = await open('open at layer detail', atDetail(lesson, 'layer'));
    pauses.push(openedLayer);
    add({
      ...single('10 × 64 open at layer detail', openedLayer, 'ms'),
      longestTaskCpu: tracer.last.longest,
    });
    await settle(page);
    const layerWalk = (await tracer.section('layer detail', () =>
      page.evaluate(`(${WALK})(${CHUNK}, 'student')`),
    )) as Array<[string, number]>;
    for (const phase of PHASES) phaseFigures('10 × 64 layer detail', layerWalk, phase);

    const longTasks = (await page.evaluate('window.__longTasks')) as number[];
    const worst = Math.max(0, ...longTasks, ...pauses);
    add({
      ...single('10 × 64 worst pause (longest task)', worst, 'ms', 100),
      longestTaskCpu: Math.max(0, ...tracer.longest),
    });
    if (errors.length) throw new Error(`10 × 64: page errors: ${errors.join('; ')}`);
    return figures;
  } finally {
    await page.close();
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
