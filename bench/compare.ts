import { baselineRunner, BASELINE_NAME } from './baseline';
import { engineEntries } from './engine';
import { adapters, versionOf } from './libraries';
import { allWorkloads, type Runner, type Workload } from './workloads';

export interface TimeOptions {
  warmupSteps: number;
  repeats: number;
}

/**
 * µs per step: runs `warmupSteps` untimed, then `repeats` timed runs of `steps`; returns the median.
 * Call it from an entry script that imports './esm-only' first (see README).
 */
export function timeRunner(
  run: (steps: number) => void,
  steps: number,
  { warmupSteps, repeats }: TimeOptions,
): number {
  if (warmupSteps > 0) run(warmupSteps);
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run(steps);
    samples.push(((performance.now() - t0) * 1000) / steps);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  return samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

/**
 * How many steps one timed repeat should take to last about `budgetMs` (at most `fullSteps`). Probes with
 * 1, 2, 4, … steps until a run lasts 50 ms, then runs that many twice more and keeps the fastest (a probe can
 * catch a JIT compile or a GC). One untimed step goes first: synaptic compiles its network then.
 */
export function planSteps(run: (steps: number) => void, fullSteps: number, budgetMs: number): number {
  const msFor = (n: number) => {
    const t0 = performance.now();
    run(n);
    return performance.now() - t0;
  };
  run(1);
  let n = 1;
  let ms = msFor(n);
  while (ms < 50 && n < fullSteps) ms = msFor((n *= 2));
  for (let i = 0; i < 2; i++) ms = Math.min(ms, msFor(n));
  return Math.max(1, Math.min(fullSteps, Math.floor((budgetMs * n) / ms)));
}

export interface Row {
  workload: string;
  name: string;
  version: string;
  usPerStep: number;
  /** Steps per timed repeat; fewer than fullSteps for the slow libraries (µs/step is what is compared). */
  stepsTimed: number;
  fullSteps: number;
}

export interface RunOptions {
  workloads?: Workload[];
  /** Keep only implementations whose name contains one of these (case-insensitive). */
  only?: string[];
  repeats?: number;
  /** Target duration of one timed repeat. */
  budgetMs?: number;
  onRow?: (row: Row) => void;
}

interface Entry {
  name: string;
  version: string;
  setup: (w: Workload) => Runner;
}

export const entries: Entry[] = [
  { name: BASELINE_NAME, version: `node ${process.versions.node}`, setup: baselineRunner },
  ...engineEntries.map((e) => ({ ...e, version: 'this repo' })),
  ...adapters.map((a) => ({ name: a.name, version: versionOf(a.pkg), setup: (w: Workload) => a.setup(w) })),
];

/** Times the baseline and every library on every workload, each from a fresh runner. */
export function runLibraries(options: RunOptions = {}): Row[] {
  const { workloads = allWorkloads(), only, repeats = 5, budgetMs = 2000, onRow } = options;
  const picked = entries.filter(
    (e) => !only || only.some((s) => e.name.toLowerCase().includes(s.toLowerCase())),
  );
  const rows: Row[] = [];
  for (const w of workloads) {
    for (const e of picked) {
      const runner = e.setup(w);
      const run = (steps: number) => runner.run(steps);
      const steps = planSteps(run, w.steps, budgetMs);
      const usPerStep = timeRunner(run, steps, { warmupSteps: steps, repeats });
      runner.dispose?.();
      const row = {
        workload: w.title,
        name: e.name,
        version: e.version,
        usPerStep,
        stepsTimed: steps,
        fullSteps: w.steps,
      };
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
}
