// `npx tsx scripts/bench-firstpaint.ts [--dist DIR] [--runs N] [--json]` (also part of `npm run bench`)
// The first paint of the built app: the JS a first visit must load before the first step answers a key, all
// the JS, and Lighthouse's mobile audit (performance, accessibility, best practices, first contentful paint)
// run against Debian's Chromium, offline, on a static server of dist/.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { readRun, type LighthouseRun } from './bench-lighthouse';
import { serveStatic } from './static-server';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Targets of the first paint (issue 13). */
export const FIRST_PAINT_TARGETS = {
  firstLoadJsGzipKb: 150,
  performance: 99,
  accessibility: 100,
  bestPractices: 100,
  fcpMs: 1000,
} as const;

/** Gzip size (level 9) in kB of 1,000 bytes. */
const gzipKb = (buf: Buffer) => gzipSync(buf, { level: 9 }).length / 1000;

export interface JsSize {
  /** The JS the page loads before it can answer a key: index.html's module scripts and their preloads. */
  firstLoadGzipKb: number;
  firstLoadFiles: string[];
  /** Every JS file of the app (dist/assets), gzip. */
  totalGzipKb: number;
}

/** The gzip size of the JS the first visit needs before its first step responds, and of all the app's JS. */
export function jsSize(dist: string): JsSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = [
    ...html.matchAll(/<script type="module"[^>]*\bsrc="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\bhref="\.?\/?([^"]+)"/g),
    // the module scripts the head's loader appends once the page has painted (scripts/prerender-plugin.ts)
    ...html.matchAll(/"src":"\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    firstLoadGzipKb: first.reduce((sum, f) => sum + gzipKb(readFileSync(join(dist, f))), 0),
    firstLoadFiles: first,
    totalGzipKb: assets.reduce((sum, f) => sum + gzipKb(readFileSync(join(dist, 'assets', f))), 0),
  };
}

/**
 * The CPU slowdown that makes this machine behave like Lighthouse's reference phone: its documented
 * calibration (docs/throttling.md, "CPU throttling") maps the host's benchmark index linearly, from 1× at 150
 * through 2× at 800 and 3× at 1,300 to 1× more per 233 above that. Lighthouse's 4× assumes a fast desktop.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}

/** One Lighthouse mobile run (simulated slow 4G and CPU slowdown) of `url`. */
async function lighthouseRun(url: string, cpuSlowdown?: number): Promise<LighthouseRun> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  try {
    const flags = {
      port: chrome.port,
      output: 'json' as const,
      logLevel: 'error' as const,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    };
    // Lighthouse's own mobile settings (slow 4G, a mid-range phone), the CPU slowdown alone changed
    const throttling =
      cpuSlowdown === undefined
        ? undefined
        : {
            rttMs: 150,
            throughputKbps: 1.6 * 1024,
            requestLatencyMs: 150 * 3.75,
            downloadThroughputKbps: 1.6 * 1024 * 0.9,
            uploadThroughputKbps: 750 * 0.9,
            cpuSlowdownMultiplier: cpuSlowdown,
          };
    const config = throttling ? { extends: 'lighthouse:default', settings: { throttling } } : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error('Lighthouse returned nothing');
    return readRun(result.lhr);
  } finally {
    chrome.kill();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The run whose performance score is the median of `runs`. */
function medianRun(runs: LighthouseRun[]): LighthouseRun {
  const m = median(runs.map((r) => r.performance));
  return runs.find((r) => r.performance === m)!;
}

export interface FirstPaintFigures {
  js: JsSize;
  /** Lighthouse's mobile defaults (4× CPU slowdown on this machine, whatever its speed). */
  lighthouse: LighthouseRun | null;
  /** The same with the CPU slowdown calibrated to this machine (Lighthouse's documented method). */
  calibrated: LighthouseRun | null;
  /** Why Lighthouse could not run, if it could not. */
  lighthouseError?: string;
}

/**
 * The JS sizes, and (unless `lighthouse` is false: `npm run bench` runs scripts/bench-lighthouse.ts instead,
 * through `vite preview`) Lighthouse's mobile audit on a plain static server, default and calibrated.
 */
export async function benchFirstPaint(
  dist = join(ROOT, 'dist'),
  runs = 1,
  lighthouse = true,
): Promise<FirstPaintFigures> {
  if (!existsSync(join(dist, 'index.html')))
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const js = jsSize(dist);
  if (!lighthouse)
    return { js, lighthouse: null, calibrated: null, lighthouseError: 'see scripts/bench-lighthouse.ts' };
  const site = await serveStatic(dist, '/');
  try {
    const plain: LighthouseRun[] = [];
    const calibrated: LighthouseRun[] = [];
    for (let i = 0; i < runs; i++) plain.push(await lighthouseRun(site.url));
    const slowdown = calibratedSlowdown(median(plain.map((r) => r.benchmarkIndex)));
    for (let i = 0; i < runs; i++) calibrated.push(await lighthouseRun(site.url, slowdown));
    return { js, lighthouse: medianRun(plain), calibrated: medianRun(calibrated) };
  } catch (e) {
    return { js, lighthouse: null, calibrated: null, lighthouseError: String(e) };
  } finally {
    await site.close();
  }
}

/** The figures as a table, each with its target and whether this run met it. */
export function printFirstPaint(f: FirstPaintFigures): string {
  const T = FIRST_PAINT_TARGETS;
  const lines = [
    `First-load JS: ${f.js.firstLoadGzipKb.toFixed(1)} kB gzip (${f.js.firstLoadFiles.join(', ')}; target ≤ ${T.firstLoadJsGzipKb}: ${f.js.firstLoadGzipKb <= T.firstLoadJsGzipKb ? 'met' : 'NOT met'})`,
    `All JS: ${f.js.totalGzipKb.toFixed(1)} kB gzip`,
  ];
  if (!f.lighthouse || !f.calibrated) {
    lines.push(`Lighthouse could not run: ${f.lighthouseError}`);
    return lines.join('\n');
  }
  const row = (name: string, r: LighthouseRun) =>
    `| ${name} | ${r.cpuSlowdown.toFixed(2)}× | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${Math.round(r.fcpMs)} | ${Math.round(r.lcpMs)} | ${Math.round(r.tbtMs)} | ${r.cls.toFixed(3)} | ${Math.round(r.speedIndexMs)} |`;
  lines.push(
    `Lighthouse mobile (simulated slow 4G; this machine's benchmark index ${Math.round(f.lighthouse.benchmarkIndex)})`,
    '| run | CPU slowdown | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row("Lighthouse's default", f.lighthouse),
    row('calibrated to this machine', f.calibrated),
    `| target | | ≥ ${T.performance} | ${T.accessibility} | ${T.bestPractices} | ≤ ${T.fcpMs} | | | | |`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: join(ROOT, 'dist') },
      runs: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  const figures = await benchFirstPaint(resolve(values.dist), Number(values.runs));
  console.log(values.json ? JSON.stringify(figures, null, 2) : printFirstPaint(figures));
}
