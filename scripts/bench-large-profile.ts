/**
 * Tracing and profiling the page's main thread for scripts/bench-ui-large.ts: a section of the benchmark runs
 * under a Chromium trace, which gives the CPU (thread) time of its longest task, of all its tasks and of style
 * and layout; with `profile`, also under a V8 CPU profile, whose functions with the most self time are logged
 * (those of the longest task alone, and the tasks over 30 ms). `BENCH_PROFILE_DIR=dir` saves each section's CPU
 * profile there (with the longest task's span).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { topSelfTime, type CpuProfile, type TraceEvent } from './bench-ui-trace';

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** What one traced section's main-thread tasks took, CPU ms. */
export interface SectionCpu {
  /** The longest task. */
  longest: number;
  /** All tasks, and of that, style and layout. */
  tasksCpu: number;
  layoutCpu: number;
  /** The span of the longest task (trace time, µs), null without tasks. */
  top: [number, number] | null;
  /** The tasks over 20 ms, in order (an action's urgent task, then what it deferred). */
  long: number[];
  /** The tasks over 80 ms: CPU ms and span (trace time, µs), in order. */
  slow: Array<[number, [number, number]]>;
}

/** The renderers' main threads in a trace (only the page's does work), as `pid:tid`. */
function mainThreads(events: TraceEvent[]): Set<string> {
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

/** The main thread's tasks in a trace: the longest, their sum, style and layout's sum (CPU time). */
export function sectionCpu(events: TraceEvent[]): SectionCpu {
  const mains = mainThreads(events);
  let top: TraceEvent | null = null;
  let total = 0;
  let layout = 0;
  const long: number[] = [];
  const slow: SectionCpu['slow'] = [];
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'RunTask') {
      if (!top || (e.tdur ?? 0) > (top.tdur ?? 0)) top = e;
      total += cpu;
      if (cpu > 20) long.push(Math.round(cpu));
      if (cpu > 80) slow.push([Math.round(cpu), [e.ts, e.ts + (e.dur ?? 0)]]);
    } else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') layout += cpu;
  }
  return {
    longest: round2(top ? (top.tdur ?? top.dur ?? 0) / 1000 : 0),
    tasksCpu: round2(total),
    layoutCpu: round2(layout),
    top: top ? [top.ts, top.ts + (top.dur ?? 0)] : null,
    long,
    slow,
  };
}

/**
 * Lines saying what the longest task holds: CPU time by trace event (nested events count in their parents too),
 * after the tasks over 30 ms in order.
 */
export function longestTaskLines(events: TraceEvent[], cpu: SectionCpu): string[] {
  const mains = mainThreads(events);
  const onMain = (e: TraceEvent) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`);
  const long = events
    .filter((e) => onMain(e) && e.name === 'RunTask' && (e.tdur ?? 0) > 30_000)
    .map((e) => Math.round((e.tdur ?? 0) / 1000));
  const lines = [`tasks over 30 ms CPU, in order: ${long.join(', ')}`];
  if (!cpu.top) return lines;
  const [from, to] = cpu.top;
  const by = new Map<string, number>();
  for (const e of events)
    if (onMain(e) && e.name !== 'RunTask' && e.ts >= from && e.ts < to)
      by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  const top = [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
    .join(', ');
  lines.push(`longest task ${cpu.longest} ms CPU: ${top}`);
  return lines;
}

/** Runs sections of the benchmark under a trace (and with `profile`, a CPU profile); see `section`. */
export class SectionTracer {
  /** The longest task of every section so far, CPU ms. */
  readonly longest: number[] = [];
  /** The last section's tasks. */
  last: SectionCpu = { longest: 0, tasksCpu: 0, layoutCpu: 0, top: null, long: [], slow: [] };

  constructor(
    private readonly cdp: CDPSession,
    private readonly profile: boolean,
    private readonly log: (s: string) => void,
  ) {}

  /** Starts the CPU profiler's sampling (call once, before the first section, with `profile`). */
  async enable(): Promise<void> {
    if (!this.profile) return;
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  }

  /** Runs `run` under a trace of the page's tasks (and a CPU profile with `profile`), named `what` in the log. */
  async section<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (this.profile) await this.cdp.send('Profiler.start');
    let events: TraceEvent[] = [];
    try {
      let result: T;
      [result, events] = await this.traced(run);
      this.last = sectionCpu(events);
      this.longest.push(this.last.longest);
      if (this.profile) for (const line of longestTaskLines(events, this.last)) this.log(line);
      return result;
    } finally {
      if (this.profile) await this.logProfile(what);
    }
  }

  private async traced<T>(run: () => Promise<T>): Promise<[T, TraceEvent[]]> {
    const { cdp } = this;
    const events: TraceEvent[] = [];
    const collect = (d: { value: unknown[] }) => events.push(...(d.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    try {
      return [await run(), events];
    } finally {
      const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
    }
  }

  private async logProfile(what: string): Promise<void> {
    const { profile: cpu } = (await this.cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const top = this.last.top;
    this.log(`profile, ${what}:\n${topSelfTime(cpu, 25)}`);
    if (top) this.log(`profile, ${what}, its longest task:\n${topSelfTime(cpu, 25, top)}`);
    // every task over 80 ms, each by the functions that take its time (a deferred drawing's later tasks)
    for (const [ms, span] of this.last.slow)
      this.log(`profile, ${what}, a task of ${ms} ms CPU:\n${topSelfTime(cpu, 12, span)}`);
    const dir = process.env.BENCH_PROFILE_DIR;
    if (dir)
      writeFileSync(
        join(dir, `${what.replace(/\W+/g, '-')}.json`),
        JSON.stringify({ task: top, profile: cpu }),
      );
  }
}
