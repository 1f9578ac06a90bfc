/**
 * Memory of the largest network the lesson format allows, 10 layers × 64 neurons (the lesson of
 * scripts/bench-ui-large.ts), in the built app in Debian's Chromium: the JS heap after opening it, after a walk
 * of every one of its 3,073 steps at neuron detail, and over 20 Next iterations (the heap after each, and its
 * slope: a bounded heap levels off, a leak keeps climbing). Each figure is the JS heap in use after a forced
 * garbage collection (CDP HeapProfiler.collectGarbage, twice, then Runtime.getHeapUsage). Target: heap under
 * 200 MB, and no steady growth per iteration.
 *
 * The walk presses the app's own key: an ArrowRight keydown on window, one a task (React renders each step and
 * typesets its formula before the next key; the browser draws whenever its frame comes), faster than a held key. `--snapshots` also writes a heap snapshot before and
 * after the iterations and prints the constructors whose objects grew the most between them (for finding what
 * is kept).
 *
 * Run alone: `npx tsx scripts/bench-heap-large.ts [--json] [--no-build] [--iterations N] [--snapshots]
 * [--no-walk] [--dist DIR]`; `npm run bench` runs it too.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { benchLesson, ensureBuilt, serve } from './bench-ui';
import { LARGE_SIZES } from './bench-ui-large';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
// The page's window.backpropApp (declared with the app's entry point).
import type {} from '../src/main';

const DIST = resolve(import.meta.dirname, '../dist');

export interface HeapFigures {
  /** MB of JS heap after a forced garbage collection. */
  afterOpen: number;
  /** After walking every step (null with `walk: false`). */
  afterWalk: number | null;
  /** Steps walked. */
  stepsWalked: number;
  /** Seconds the walk took. */
  walkSeconds: number;
  /** The heap after each Next iteration, MB (the first is before any). */
  perIteration: number[];
  /** Least-squares slope of perIteration, MB per iteration, over all of them and over the second half. */
  slope: number;
  slopeSecondHalf: number;
  /** With `snapshots`: the constructors that grew most over the second half of the iterations, by self size. */
  grew?: Array<{ name: string; count: number; bytes: number }>;
}

export interface HeapBenchOptions {
  build?: boolean | 'auto';
  dist?: string;
  iterations?: number;
  walk?: boolean;
  snapshots?: boolean;
  log?: (s: string) => void;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** JS heap in use after a forced full garbage collection, in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return round1(usedSize / 2 ** 20);
}

/** Least-squares slope of ys against their index. */
export function slopeOf(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(
    `(async () => { for (let i = 0; i < 3; i++) { await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))); await new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })); } })()`,
  );
}

/** Presses ArrowRight once a frame until the position stops changing or `limit` steps; the steps taken. */
const WALK = `async (limit) => {
  const position = () => document.querySelector('[data-testid="position"]')?.textContent ?? '';
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  let n = 0;
  while (n < limit) {
    const before = position();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    await new Promise((ok) => setTimeout(ok));
    let after = position();
    for (let k = 0; after === before && k < 6; k++) {
      await frame();
      after = position();
    }
    if (after === before) break;
    n++;
  }
  return n;
}`;

/** Self size by constructor (node name) of a heap snapshot: name → [count, bytes]. */
async function snapshotByName(cdp: CDPSession): Promise<Map<string, [number, number]>> {
  const chunks: string[] = [];
  const collect = (d: { chunk: string }) => chunks.push(d.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const e = out.get(name) ?? [0, 0];
    e[0]++;
    e[1] += snap.nodes[i + iSize];
    out.set(name, e);
  }
  return out;
}

/** Runs the memory benchmark on a served build. */
export async function benchHeapLarge(options: HeapBenchOptions = {}): Promise<HeapFigures> {
  const { build = 'auto', iterations = 20, walk = true, snapshots = false, log = () => {} } = options;
  const dist = resolve(options.dist ?? DIST);
  if (dist === DIST) ensureBuilt(build, log);
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('[data-testid="position"]');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const lesson = benchLesson(LARGE_SIZES, 42);
    const atNeuron = { ...lesson, conventions: { ...lesson.conventions, detail: 'neuron' as const } };
    const nodes = LARGE_SIZES.reduce((a, b) => a + b, 0);
    log('10 × 64 heap: opening…');
    await page.evaluate(
      async ([l, n]) => {
        const r = window.backpropApp!.loadLesson(l);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        while (document.querySelectorAll('[data-id^="n:"]').length !== n)
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      },
      [atNeuron, nodes] as const,
    );
    await settle(page);
    const afterOpen = await heapMb(cdp);
    log(`  heap after open: ${afterOpen} MB`);

    let afterWalk: number | null = null;
    let stepsWalked = 0;
    const t0 = Date.now();
    if (walk) {
      log('10 × 64 heap: walking every step (ArrowRight, one a task)…');
      for (;;) {
        const n = (await page.evaluate(`(${WALK})(500)`)) as number;
        stepsWalked += n;
        log(`  ${stepsWalked} steps, heap ${await heapMb(cdp)} MB`);
        if (n < 500) break;
      }
      await settle(page);
      afterWalk = await heapMb(cdp);
      log(`  heap after a full walk: ${afterWalk} MB`);
      await page.evaluate(() =>
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })),
      );
      await settle(page);
    }
    const walkSeconds = Math.round((Date.now() - t0) / 100) / 10;

    log(`10 × 64 heap: ${iterations} Next iterations…`);
    const perIteration = [await heapMb(cdp)];
    // the snapshot to compare with is taken half-way (what is kept on purpose, the derived values of the lesson
    // before and the undo history up to its bound, is in place by then)
    const warmUp = Math.floor(iterations / 2);
    let before: Map<string, [number, number]> | null = null;
    for (let i = 0; i < iterations; i++) {
      if (snapshots && i === warmUp) before = await snapshotByName(cdp);
      await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent?.trim().startsWith('Next iteration'))!
          .click(),
      );
      // the click takes the iteration at once (the store's action); the page then draws it
      await settle(page);
      perIteration.push(await heapMb(cdp));
      log(`  iteration ${i + 2}: heap ${perIteration[perIteration.length - 1]} MB`);
    }
    let grew: HeapFigures['grew'];
    if (before) {
      const after = await snapshotByName(cdp);
      grew = [...after]
        .map(([name, [count, bytes]]) => {
          const [c0, b0] = before.get(name) ?? [0, 0];
          return { name, count: count - c0, bytes: bytes - b0 };
        })
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 25);
    }
    if (errors.length) throw new Error(`10 × 64 heap: page errors: ${errors.join('; ')}`);
    const half = perIteration.slice(Math.floor(perIteration.length / 2));
    return {
      afterOpen,
      afterWalk,
      stepsWalked,
      walkSeconds,
      perIteration,
      slope: round1(slopeOf(perIteration) * 100) / 100,
      slopeSecondHalf: round1(slopeOf(half) * 100) / 100,
      ...(grew ? { grew } : {}),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export function printHeapLarge(f: HeapFigures): string {
  const ok = (mb: number | null) =>
    mb === null ? '' : mb < 200 ? ' (target < 200: ok)' : ' (target < 200: OVER)';
  const lines = [
    '10 × 64 network, JS heap after a forced garbage collection',
    `  after open                       ${f.afterOpen.toFixed(1).padStart(7)} MB${ok(f.afterOpen)}`,
    f.afterWalk === null
      ? '  after a full walk                not measured'
      : `  after a full walk (${f.stepsWalked} steps)  ${f.afterWalk.toFixed(1).padStart(7)} MB${ok(f.afterWalk)}, ${f.walkSeconds} s`,
    `  after ${f.perIteration.length - 1} Next iterations         ${f.perIteration[f.perIteration.length - 1].toFixed(1).padStart(7)} MB${ok(f.perIteration[f.perIteration.length - 1])}`,
    `  growth per iteration (slope)     ${f.slope.toFixed(2).padStart(7)} MB (second half ${f.slopeSecondHalf.toFixed(2)} MB)`,
    `  heap per iteration: ${f.perIteration.join(', ')}`,
  ];
  if (f.grew) {
    lines.push('  grew most over the second half of the iterations (self size):');
    for (const g of f.grew)
      lines.push(
        `    ${(g.bytes / 1024).toFixed(0).padStart(8)} kB ${String(g.count).padStart(8)} × ${g.name}`,
      );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  benchHeapLarge({
    build: argv.includes('--no-build') ? false : 'auto',
    walk: !argv.includes('--no-walk'),
    snapshots: argv.includes('--snapshots'),
    ...(opt('--iterations') ? { iterations: Number(opt('--iterations')) } : {}),
    ...(opt('--dist') ? { dist: opt('--dist') } : {}),
    log: argv.includes('--json') ? () => {} : (s) => process.stderr.write(`${s}\n`),
  })
    .then((f) => {
      if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      else console.log(printHeapLarge(f));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
