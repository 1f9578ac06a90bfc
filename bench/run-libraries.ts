// Times every library and the Float64Array baseline on both workloads.
// Run: npx tsx bench/run-libraries.ts [--json] [--workload iris|wide] [--only NAME] [--repeats N]
//        [--budget-ms MS]   (--workload and --only may be repeated; the baseline is always included)
import './esm-only';
import { parseArgs } from 'node:util';
import { BASELINE_NAME } from './baseline';
import { runLibraries, type Row } from './compare';
import { allWorkloads } from './workloads';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    workload: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    repeats: { type: 'string', default: '5' },
    'budget-ms': { type: 'string', default: '2000' },
  },
});

const workloads = allWorkloads().filter((w) => !args.workload || args.workload.includes(w.id));
const rows = runLibraries({
  workloads,
  only: args.only && [BASELINE_NAME, ...args.only],
  repeats: Number(args.repeats),
  budgetMs: Number(args['budget-ms']),
  onRow: (r) => process.stderr.write(`  ${r.workload}  ${r.name}: ${fmt(r.usPerStep)} µs/step\n`),
});

function fmt(us: number): string {
  return us >= 100 ? Math.round(us).toLocaleString('en-US') : us.toPrecision(2);
}

function table(rows: Row[]): string {
  const base = new Map(rows.filter((r) => r.name === BASELINE_NAME).map((r) => [r.workload, r.usPerStep]));
  const head = ['Workload', 'Implementation', 'Version', 'µs/step', '× baseline', 'steps timed'];
  const body = rows.map((r) => [
    r.workload,
    r.name,
    r.version,
    fmt(r.usPerStep),
    (r.usPerStep / (base.get(r.workload) ?? NaN)).toFixed(1),
    r.stepsTimed === r.fullSteps ? `${r.fullSteps} (all)` : `${r.stepsTimed} of ${r.fullSteps}`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((s, c) => (c >= 3 ? s.padStart(widths[c]) : s.padEnd(widths[c]))).join(' | ') + ' |';
  const rule =
    '|' + widths.map((n, c) => (c >= 3 ? '-'.repeat(n + 1) + ':' : '-'.repeat(n + 2))).join('|') + '|';
  return [line(head), rule, ...body.map(line)].join('\n');
}

console.log(args.json ? JSON.stringify(rows, null, 2) : table(rows));
