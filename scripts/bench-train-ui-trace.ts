/**
 * Reading the trace of scripts/bench-train-ui.ts: the renderer main thread's CPU time over the run, where it goes
 * by kind, every thread's CPU and wall time (who holds the cores), and the frames the compositor drew or dropped.
 * Pure functions over the events Chromium returns.
 */
import type { TraceEvent } from './bench-ui-trace';

/** The user-timing marks the page sets at the measured run's start and end. */
export const START = 'bench-train-start';
export const END = 'bench-train-end';

/** The run's start and end marks, µs (trace clock). */
function runSpan(events: TraceEvent[]): [number, number] | undefined {
  const a = events.find((e) => e.cat === 'blink.user_timing' && e.name === START);
  const b = events.find((e) => e.cat === 'blink.user_timing' && e.name === END);
  return a && b ? [a.ts, b.ts] : undefined;
}

const mainThread = (events: TraceEvent[]) =>
  events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');

/** Thread time of top-level tasks on the renderer's main thread between the two marks, ms. */
export function mainThreadMs(events: TraceEvent[]): number | undefined {
  const main = mainThread(events);
  const span = runSpan(events);
  if (!main || !span) return undefined;
  let us = 0;
  for (const e of events)
    if (e.pid === main.pid && e.tid === main.tid && isTask(e) && e.ts >= span[0] && e.ts <= span[1])
      us += e.tdur ?? e.dur ?? 0;
  return us / 1000;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask';

/** Main-thread thread time by trace event name (devtools.timeline), for --profile. */
export function byKind(events: TraceEvent[]): string {
  const main = mainThread(events);
  const sums = new Map<string, number>();
  for (const e of events)
    if (
      main &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ph === 'X' &&
      e.cat?.includes('devtools.timeline')
    )
      sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
}

/** One thread's top-level tasks over the run. */
export interface ThreadLoad {
  /** Process and thread name, e.g. "Renderer/CrRendererMain". */
  name: string;
  /** CPU (thread) time per second of the run, ms: 1000 is a whole core. */
  cpuMsPerS: number;
  /** Wall time over CPU time of its tasks: above 1 while the thread was ready but waited for a core. */
  waitRatio: number;
}

/**
 * Every thread's CPU time per second of the run (top-level tasks between the marks), busiest first: who holds
 * the machine's cores while the page draws.
 */
export function threadLoads(events: TraceEvent[]): ThreadLoad[] {
  const span = runSpan(events);
  if (!span) return [];
  const seconds = (span[1] - span[0]) / 1e6;
  const procs = new Map<number, string>();
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, e.args?.name ?? String(e.pid));
    else if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const sums = new Map<string, { cpu: number; wall: number }>();
  for (const e of events) {
    if (!isTask(e) || e.ts < span[0] || e.ts > span[1]) continue;
    const key = `${e.pid}:${e.tid}`;
    const s = sums.get(key) ?? { cpu: 0, wall: 0 };
    s.cpu += e.tdur ?? e.dur ?? 0;
    s.wall += e.dur ?? 0;
    sums.set(key, s);
  }
  const name = (key: string) => `${procs.get(Number(key.split(':')[0])) ?? '?'}/${threads.get(key) ?? key}`;
  return [...sums]
    .map(([key, s]) => ({
      name: name(key),
      cpuMsPerS: s.cpu / 1000 / seconds,
      waitRatio: s.wall / Math.max(1, s.cpu),
    }))
    .sort((a, b) => b.cpuMsPerS - a.cpuMsPerS);
}

/** The compositor's frames over the run from the trace's frame events (devtools.timeline.frame). */
export interface TraceFrames {
  /** Frames drawn (DrawFrame). */
  drawn: number;
  /** Frames the compositor began (BeginFrame): a begun frame not drawn was skipped or dropped. */
  begun: number;
  /** Frames reported dropped (DroppedFrame). */
  dropped: number;
  /** Begun frames whose main-thread part was not ready in time (BeginMainThreadFrame absent). */
  mainFrames: number;
}

export const FRAME_CATEGORY = 'disabled-by-default-devtools.timeline.frame';

export function traceFrames(events: TraceEvent[]): TraceFrames | undefined {
  const span = runSpan(events);
  if (!span) return undefined;
  const main = mainThread(events);
  const count = (name: string, pid?: number) =>
    events.filter(
      (e) => e.name === name && e.ts >= span[0] && e.ts <= span[1] && (pid === undefined || e.pid === pid),
    ).length;
  return {
    drawn: count('DrawFrame', main?.pid),
    begun: count('BeginFrame', main?.pid),
    dropped: count('DroppedFrame', main?.pid),
    mainFrames: count('BeginMainThreadFrame', main?.pid),
  };
}

/** The thread loads as lines for --threads. */
export function printThreadLoads(loads: ThreadLoad[], count = 10): string {
  return loads
    .slice(0, count)
    .map((t) => `  ${t.cpuMsPerS.toFixed(0).padStart(5)} ms/s  wait ×${t.waitRatio.toFixed(2)}  ${t.name}`)
    .join('\n');
}
