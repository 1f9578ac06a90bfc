/** The figures of scripts/bench-ui-large.ts: what each holds, their summary and how they are printed. */
import { round2 } from './bench-large-profile';

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

/** p50, p95 and max of a sample (nearest rank), rounded to 0.01. */
export function summary(xs: number[]): {
  p50: number;
  p95: number;
  max: number;
} {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    p50: round2(at(0.5)),
    p95: round2(at(0.95)),
    max: round2(sorted[sorted.length - 1]),
  };
}
export const single = (
  name: string,
  value: number,
  unit: 'ms' | 'MB',
  target?: number,
): LargeBenchFigure => ({
  name,
  p50: round2(value),
  p95: round2(value),
  max: round2(value),
  unit,
  steps: 1,
  ...(target !== undefined ? { target } : {}),
});

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
