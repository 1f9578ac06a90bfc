// Checks every implementation starts from the workload's initial weights, really learns, and (synaptic aside)
// ends where the Float64Array baseline ends.
// Run: npx tsx bench/selfcheck.ts   (exits 1 if a check fails)
import { baselineRunner, BASELINE_NAME } from './baseline';
import { adapters } from './libraries';
import { allWorkloads, meanLoss, type Runner, type Workload } from './workloads';

const CHECK_STEPS: Record<string, number> = { iris: 10 * 130, wide: 300 };
const SAME_START = 1e-5; // float32 libraries round the initial weights
const SAME_END = 1e-4; // the same SGD from the same start stays together (float32 drift is ~1e-7)
// synaptic's update differs by design: no σ′ at the output, δ passed back through already-updated weights.
const OWN_RULE = new Set(['synaptic']);

const entries: { name: string; setup: (w: Workload) => Runner }[] = [
  { name: BASELINE_NAME, setup: baselineRunner },
  ...adapters.map((a) => ({ name: a.name, setup: (w: Workload) => a.setup(w) })),
];

/** Largest |a − b| between two runners' outputs over the workload's samples. */
function maxGap(a: Runner, b: Runner, w: Workload): number {
  let gap = 0;
  for (const x of w.data.inputs) {
    const ya = a.predict(x),
      yb = b.predict(x);
    ya.forEach((v, j) => (gap = Math.max(gap, Math.abs(v - yb[j]))));
  }
  return gap;
}

let failed = false;
for (const w of allWorkloads()) {
  const steps = CHECK_STEPS[w.id];
  console.log(
    `\n${w.title}: mean ½Σ(t−a)² over ${w.data.inputs.length} samples, before and after ${steps} steps`,
  );
  const fresh = baselineRunner(w);
  const trained = baselineRunner(w);
  trained.run(steps);
  for (const e of entries) {
    const r = e.setup(w);
    const startGap = maxGap(r, fresh, w);
    const before = meanLoss(r.predict, w.data);
    r.run(steps);
    const after = meanLoss(r.predict, w.data);
    const endGap = maxGap(r, trained, w);
    r.dispose?.();
    const ok = startGap < SAME_START && after < before && (OWN_RULE.has(e.name) || endGap < SAME_END);
    failed ||= !ok;
    console.log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${e.name.padEnd(30)} loss ${before.toFixed(5)} → ${after.toFixed(5)}` +
        `   |Δ output| vs baseline: start ${startGap.toExponential(1)}, end ${endGap.toExponential(1)}`,
    );
  }
}
process.exit(failed ? 1 : 0);
