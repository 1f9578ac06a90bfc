// `npm run bench [-- --json] [-- --skip-libraries] [-- --skip-ui] [-- --repeats N]`
// Engine speed beside the JS libraries people use (same workloads, same run), timeline and formula build
// times, UI step latency in Chromium and the bundle size. Figures, not pass/fail tests: each row names its
// target and whether this run met it.
import '../bench/esm-only';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BASELINE_NAME } from '../bench/baseline';
import { ENGINE_FAST, ENGINE_TRACE } from '../bench/engine';
import type { Row } from '../bench/compare';
import { benchTimeline } from './bench-timeline';
import { repoRoot } from '../bench/workloads';
import type { UiBenchRow } from './bench-ui';
import { benchTrain, printTrain, type TrainBenchRow } from './bench-train';
import type { TrainUiRow } from './bench-train-ui';
import { printFirstPaint, type FirstPaintFigures } from './bench-firstpaint';
import { printLighthouse, type LighthouseFigures } from './bench-lighthouse';
import { printHeapLarge, type HeapFigures } from './bench-heap-large';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'skip-libraries': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    repeats: { type: 'string', default: '5' },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Installs the comparison libraries (bench/package.json) on first use. */
function ensureLibraries(): boolean {
  if (existsSync(path.join(repoRoot, 'bench/node_modules/synaptic'))) return true;
  log('installing the comparison libraries (npm ci --prefix bench)…');
  try {
    execSync('npm ci --prefix bench --no-audit --no-fund', { cwd: repoRoot, stdio: 'inherit' });
    return true;
  } catch {
    log('could not install bench/ libraries: the engine is timed against the baseline only');
    return false;
  }
}

interface Check {
  name: string;
  value: number;
  target: number;
  unit: string;
  met: boolean;
}

async function engineRows(): Promise<{ rows: Row[]; checks: Check[] }> {
  const withLibraries = !args['skip-libraries'] && ensureLibraries();
  const { runLibraries } = await import('../bench/compare');
  const only = withLibraries ? undefined : [BASELINE_NAME, 'this engine'];
  const rows = runLibraries({
    only,
    repeats: Number(args.repeats),
    onRow: (r) => log(`  ${r.workload}  ${r.name}: ${r.usPerStep.toPrecision(3)} µs/step`),
  });
  const checks: Check[] = [];
  for (const workload of new Set(rows.map((r) => r.workload))) {
    const of = (name: string) =>
      rows.find((r) => r.workload === workload && r.name === name)?.usPerStep ?? NaN;
    const libraries = rows.filter(
      (r) => r.workload === workload && !r.name.startsWith('this engine') && r.name !== BASELINE_NAME,
    );
    const fastestLibrary = Math.min(...libraries.map((r) => r.usPerStep));
    const fast = of(ENGINE_FAST);
    if (libraries.length > 0) {
      checks.push({
        name: `${workload}: fast path ÷ fastest library`,
        value: fast / fastestLibrary,
        target: 1,
        unit: '×',
        met: fast < fastestLibrary,
      });
    }
    checks.push({
      name: `${workload}: fast path ÷ Float64Array loop`,
      value: fast / of(BASELINE_NAME),
      target: 1.5,
      unit: '×',
      met: fast / of(BASELINE_NAME) <= 1.5,
    });
    if (workload.startsWith('Iris')) {
      checks.push({
        name: `${workload}: traceStep every step`,
        value: of(ENGINE_TRACE),
        target: 3,
        unit: 'µs',
        met: of(ENGINE_TRACE) <= 3,
      });
    }
  }
  return { rows, checks };
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => '| ' + cells.map((s, c) => s.padEnd(widths[c])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...body.map(line)].join(
    '\n',
  );
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

async function main() {
  log('engine and libraries…');
  const engine = await engineRows();
  log('timeline and formulas…');
  const timeline = benchTimeline();
  let ui: unknown[] = [];
  let bundle: unknown = null;
  let trainUi: TrainUiRow[] = [];
  let printTrainUi = (rows: TrainUiRow[]) => JSON.stringify(rows);
  let firstPaint: FirstPaintFigures | null = null;
  let lighthouse: LighthouseFigures | null = null;
  let heapLarge: HeapFigures | null = null;
  if (!args['skip-ui'] && existsSync(path.join(repoRoot, 'scripts/bench-ui.ts'))) {
    log('UI step latency in Chromium…');
    const mod = await import('./bench-ui');
    ui = await mod.benchUi();
    bundle = mod.bundleSize ? await mod.bundleSize() : null;
    log('Train view frame rate in Chromium…');
    const trainView = await import('./bench-train-ui');
    trainUi = await trainView.benchTrainUi({ verbose: true });
    printTrainUi = trainView.printTrainUi;
  }
  let train: TrainBenchRow[] = [];
  if (!args['skip-ui']) {
    log('training worker throughput in Chromium…');
    train = await benchTrain();
    log('first paint: JS sizes…');
    firstPaint = await (await import('./bench-firstpaint')).benchFirstPaint(undefined, 1, false);
    const { benchLighthouse, canRunLighthouse } = await import('./bench-lighthouse');
    if (canRunLighthouse()) {
      log('Lighthouse mobile on vite preview…');
      lighthouse = await benchLighthouse({ runs: 3, build: false });
    }
    log('10 × 64 memory in Chromium (a full walk, 20 Next iterations)…');
    heapLarge = await (await import('./bench-heap-large')).benchHeapLarge({ build: false, log });
  }
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          engine: engine.rows,
          checks: engine.checks,
          timeline,
          ui,
          bundle,
          train,
          trainUi,
          firstPaint,
          lighthouse,
          heapLarge,
        },
        null,
        2,
      ),
    );
    return;
  }
  const fastest = new Map<string, number>();
  for (const r of engine.rows) {
    if (r.name.startsWith('this engine') || r.name === BASELINE_NAME) continue;
    fastest.set(r.workload, Math.min(fastest.get(r.workload) ?? Infinity, r.usPerStep));
  }
  const base = new Map(
    engine.rows.filter((r) => r.name === BASELINE_NAME).map((r) => [r.workload, r.usPerStep]),
  );
  console.log('\nSGD steps (µs per step; ratios from this run)\n');
  console.log(
    table(
      [
        'workload',
        'implementation',
        'version',
        'µs/step',
        '÷ fastest library',
        '÷ Float64Array loop',
        'steps timed',
      ],
      engine.rows.map((r) => [
        r.workload,
        r.name,
        r.version,
        fmt(r.usPerStep),
        fastest.has(r.workload) ? (r.usPerStep / fastest.get(r.workload)!).toFixed(2) : '–',
        (r.usPerStep / (base.get(r.workload) ?? NaN)).toFixed(2),
        r.stepsTimed === r.fullSteps ? `${r.fullSteps}` : `${r.stepsTimed} of ${r.fullSteps}`,
      ]),
    ),
  );
  console.log('\nTimeline and every formula (ms)\n');
  console.log(
    table(
      ['build', 'median ms', 'target ms', 'met'],
      timeline.map((t) => [t.name, t.ms.toFixed(2), String(t.target), t.ms < t.target ? 'yes' : 'NO']),
    ),
  );
  if (ui.length > 0) {
    console.log('\nUI step latency in Chromium (ms)\n');
    const rows = ui as UiBenchRow[];
    console.log(
      table(
        ['network', 'steps', 'p50', 'p95', 'max', 'target p95', 'met'],
        rows.map((r) => [
          r.name,
          String(r.steps),
          r.p50.toFixed(1),
          r.p95.toFixed(1),
          r.max.toFixed(1),
          r.target === undefined ? '–' : String(r.target),
          r.target === undefined ? '–' : r.p95 < r.target ? 'yes' : 'NO',
        ]),
      ),
    );
  }
  if (train.length > 0)
    console.log(`\nTraining throughput (million SGD steps per second)\n\n${printTrain(train)}`);
  if (trainUi.length > 0) {
    console.log('\nTrain view while training at full speed, to 10,000 epochs of history\n');
    console.log(printTrainUi(trainUi));
  }
  if (bundle) console.log(`\nBundle: ${JSON.stringify(bundle)}`);
  if (firstPaint) console.log(`\nFirst paint\n\n${printFirstPaint(firstPaint)}`);
  if (lighthouse) console.log(`\n${printLighthouse(lighthouse)}`);
  if (heapLarge) console.log(`\n${printHeapLarge(heapLarge)}`);
  console.log('\nEngine targets\n');
  console.log(
    table(
      ['target', 'this run', 'goal', 'met'],
      engine.checks.map((c) => [
        c.name,
        `${c.value.toFixed(2)} ${c.unit}`,
        `< ${c.target} ${c.unit}`,
        c.met ? 'yes' : 'NO',
      ]),
    ),
  );
}

await main();
