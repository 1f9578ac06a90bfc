// `npx tsx scripts/bench-starttasks.ts [--url URL] [--runs N] [--wait MS] [--tasks]`
// The main thread's tasks of a first visit, in CPU time: what Lighthouse's total blocking time is made of, read
// in a way the machine's load does not distort. Lighthouse simulates a phone by multiplying each task's wall
// time by 4, so on a busy machine its TBT mostly measures the other jobs (the same build read 0.7 to 4.8 s
// within minutes). A task's thread time (`tdur` in Chromium's trace) counts only the time the main thread ran.
// Per run: the first contentful paint (wall), the CPU time of every task, and an estimate of TBT from CPU time
// (each task after the first paint, times 4, less 50 ms); the median run by that estimate is printed.
// Serve the build first (`npx vite preview --port P`), a phone's viewport (412 × 823) is used.
import { chromium } from 'playwright';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { cpuMs as cpu, traceVisit } from './traceVisit';

export interface StartRun {
  /** First contentful paint, ms after navigation start (wall time). */
  fcpMs: number;
  /** CPU time of every main-thread task until the end of the run, ms. */
  mainThreadMs: number;
  /** Σ max(0, 4 × task CPU time − 50 ms) over the tasks after the first paint. */
  tbtEstimateMs: number;
  /** The longest task after the first paint, CPU ms. */
  longestMs: number;
  /** Tasks of 10 ms CPU or more: start (ms after navigation) and CPU time. */
  tasks: { at: number; cpuMs: number }[];
}

/** One first visit of `url`, traced. */
async function run(url: string, waitMs: number): Promise<StartRun> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const { events, nav } = await traceVisit(
      page,
      'blink.user_timing,rail,loading,devtools.timeline,disabled-by-default-devtools.timeline',
      async () => {
        await page.goto(url);
        await page.waitForTimeout(waitMs);
      },
    );
    if (!nav) throw new Error('no navigation in the trace');
    const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid);
    const tasks = events
      .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.name === 'RunTask')
      .sort((a, b) => a.ts - b.ts);
    const after = tasks.filter((t) => !fcp || t.ts > fcp.ts);
    return {
      fcpMs: fcp ? (fcp.ts - nav.ts) / 1000 : NaN,
      mainThreadMs: tasks.reduce((s, t) => s + cpu(t), 0),
      tbtEstimateMs: after.reduce((s, t) => s + Math.max(0, 4 * cpu(t) - 50), 0),
      longestMs: Math.max(0, ...after.map(cpu)),
      tasks: tasks.filter((t) => cpu(t) >= 10).map((t) => ({ at: (t.ts - nav.ts) / 1000, cpuMs: cpu(t) })),
    };
  } finally {
    await browser.close();
  }
}

/** `runs` first visits; the median run by the TBT estimate. */
export async function benchStartTasks(url: string, runs = 5, waitMs = 3000) {
  const load = loadavg()[0];
  const all: StartRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await run(url, waitMs));
  const sorted = [...all].sort((a, b) => a.tbtEstimateMs - b.tbtEstimateMs);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], runs: all, load: [load, loadavg()[0]] };
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4173/' },
    runs: { type: 'string', default: '5' },
    wait: { type: 'string', default: '3000' },
    tasks: { type: 'boolean', default: false },
  },
});
const f = await benchStartTasks(values.url, Number(values.runs), Number(values.wait));
const m = f.median;
const ms = (x: number) => `${Math.round(x)} ms`;
console.log(
  `${values.url}, ${f.runs.length} first visits at 412 × 823, load average ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}`,
);
console.log(
  `median by TBT estimate: FCP ${ms(m.fcpMs)} (wall), main thread ${ms(m.mainThreadMs)} CPU, longest task after the paint ${ms(m.longestMs)} CPU, TBT estimate ${ms(m.tbtEstimateMs)}`,
);
console.log(`every run (TBT estimate): ${f.runs.map((r) => Math.round(r.tbtEstimateMs)).join(', ')}`);
if (values.tasks)
  console.log(
    `tasks of 10 ms CPU or more (at ms: CPU ms): ${m.tasks.map((t) => `${Math.round(t.at)}: ${t.cpuMs.toFixed(1)}`).join(', ')}`,
  );
