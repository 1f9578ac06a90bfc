// `npx tsx scripts/bench-lighthouse.ts [--runs N] [--port P] [--json] [--no-build] [--dist DIR] [--tasks]`
// (also part of `npm run bench`). `--dist DIR` audits another build (no build is made); `--tasks` prints each
// run's long tasks as Lighthouse simulates them (start and duration, ms, with the file they are attributed to).
// Lighthouse's mobile audit (its default settings: a mid-range phone on slow 4G, throttling simulated) of the
// built app as `vite preview` serves it (compressed, as GitHub Pages serves it), in Debian's Chromium, offline:
// performance, accessibility, best practices and first contentful paint, each beside its target, and what
// Lighthouse finds to improve. Several runs: the median run by performance is reported.
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Targets of the first paint on a phone (issue 13). */
export const LIGHTHOUSE_TARGETS = { performance: 99, accessibility: 100, bestPractices: 100, fcpMs: 1000 };

/** One Lighthouse run's figures (also scripts/bench-firstpaint.ts's runs). */
export interface LighthouseRun {
  /** Lighthouse's CPU slowdown for this run (4 = its mobile default). */
  cpuSlowdown: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's measure of this machine's CPU at the time (a fast desktop scores 1,000–2,000). */
  benchmarkIndex: number;
  /** Audits that did not pass (score below 0.9), with Lighthouse's own figure where it gives one. */
  failing: string[];
  /** The page's DOM elements (Lighthouse's dom-size audit). */
  domSize: number;
  /** Lighthouse's long tasks (simulated): start and duration, ms, and the file each is attributed to. */
  longTasks: { startMs: number; durationMs: number; url: string }[];
}

export interface LighthouseFigures {
  /** The median run by performance score. */
  median: LighthouseRun;
  runs: LighthouseRun[];
  /** The machine's 1-minute load average when the runs started and ended. */
  load: [number, number];
  url: string;
}

/** Whether this machine can run the audit (Debian's Chromium present). */
export const canRunLighthouse = () => existsSync(CHROMIUM_PATH);

/** One Lighthouse mobile run of `url`, default settings. */
async function run(url: string): Promise<LighthouseRun> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    return readRun(result.lhr);
  } finally {
    chrome.kill();
  }
}

/** The figures of one Lighthouse result (its report object, `lhr`). */
export function readRun(lhr: import('lighthouse').Result): LighthouseRun {
  const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
  const ms = (k: string) => lhr.audits[k]?.numericValue ?? NaN;
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
    .map((a) => `${a.id} (${a.score})${a.displayValue ? `: ${a.displayValue}` : ''}`);
  return {
    cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier ?? 4,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: ms('cumulative-layout-shift'),
    speedIndexMs: ms('speed-index'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing,
    domSize: ms('dom-size'),
    longTasks: (
      (lhr.audits['long-tasks']?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []
    ).map((t) => ({
      startMs: Number(t.startTime),
      durationMs: Number(t.duration),
      url: String(t.url ?? ''),
    })),
  };
}

/** Serves the build in `dist` with `vite preview` on `port` until the returned function is called. */
async function preview(port: number, dist: string): Promise<() => void> {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port), '--outDir', dist],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM'); // the server and npx, its parent
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return stop;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}

export async function benchLighthouse(
  options: { runs?: number; port?: number; build?: boolean; dist?: string } = {},
) {
  const { runs = 3, port = 4199, dist } = options;
  const build = options.build ?? dist === undefined;
  if (dist === undefined && (build || !existsSync(join(ROOT, 'dist/index.html'))))
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = await preview(port, resolve(dist ?? join(ROOT, 'dist')));
  const url = `http://127.0.0.1:${port}/`;
  try {
    const start = loadavg()[0];
    const all: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) all.push(await run(url));
    const sorted = [...all].sort((a, b) => a.performance - b.performance);
    const figures: LighthouseFigures = {
      median: sorted[Math.floor((sorted.length - 1) / 2)],
      runs: all,
      load: [start, loadavg()[0]],
      url,
    };
    return figures;
  } finally {
    stop();
  }
}

/** The figures beside their targets, then what Lighthouse would improve. */
export function printLighthouse(f: LighthouseFigures, tasks = false): string {
  const T = LIGHTHOUSE_TARGETS;
  const m = f.median;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines = [
    `Lighthouse mobile (simulated slow 4G, 4× CPU slowdown), ${f.url} served by vite preview; median of ${f.runs.length} run(s) by performance; load average ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}, benchmark index ${Math.round(m.benchmarkIndex)}`,
    '| figure | this run | target | met |',
    '| --- | ---: | ---: | --- |',
    `| performance | ${m.performance} | ≥ ${T.performance} | ${met(m.performance >= T.performance)} |`,
    `| accessibility | ${m.accessibility} | ${T.accessibility} | ${met(m.accessibility >= T.accessibility)} |`,
    `| best practices | ${m.bestPractices} | ${T.bestPractices} | ${met(m.bestPractices >= T.bestPractices)} |`,
    `| first contentful paint | ${(m.fcpMs / 1000).toFixed(2)} s | ≤ ${T.fcpMs / 1000} s | ${met(m.fcpMs <= T.fcpMs)} |`,
    `| largest contentful paint | ${(m.lcpMs / 1000).toFixed(2)} s | | |`,
    `| total blocking time | ${Math.round(m.tbtMs)} ms | | |`,
    `| cumulative layout shift | ${m.cls.toFixed(3)} | | |`,
    `| Speed Index | ${(m.speedIndexMs / 1000).toFixed(2)} s | | |`,
    `| DOM elements | ${m.domSize} | | |`,
    `every run (performance / FCP s / TBT ms): ${f.runs.map((r) => `${r.performance} / ${(r.fcpMs / 1000).toFixed(2)} / ${Math.round(r.tbtMs)}`).join(', ')}`,
  ];
  if (tasks)
    f.runs.forEach((r, i) =>
      lines.push(
        `run ${i + 1} long tasks (start+duration ms): ${r.longTasks.map((t) => `${Math.round(t.startMs)}+${Math.round(t.durationMs)} ${t.url.replace(/^.*\//, '')}`).join(', ')}`,
      ),
    );
  if (m.failing.length > 0) lines.push(`audits below 0.9: ${m.failing.join('; ')}`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      port: { type: 'string', default: '4199' },
      json: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
      tasks: { type: 'boolean', default: false },
    },
  });
  if (!canRunLighthouse()) {
    console.log(`Lighthouse needs Chromium at ${CHROMIUM_PATH}: skipped`);
  } else {
    const figures = await benchLighthouse({
      runs: Number(values.runs),
      port: Number(values.port),
      build: !values['no-build'],
      dist: values.dist,
    });
    console.log(values.json ? JSON.stringify(figures, null, 2) : printLighthouse(figures, values.tasks));
  }
}
