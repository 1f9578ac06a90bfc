/**
 * Reading Chromium's trace and CPU profile for scripts/bench-ui.ts: per-step main-thread CPU time from the
 * user-timing marks the benchmark sets, where a step's time goes by kind, and which functions take it. Pure
 * functions over the JSON Chromium returns.
 */

/** One trace event (Chrome trace event format); times in µs. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) timestamp and duration: unlike ts and dur, they stand still while other processes run. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Prefix of the marks the benchmark sets at each timed step's start and end (`performance.mark` in the page). */
export const STEP_MARK = 'bench-step-';
/** The mark at timed step i's start or end. */
export const stepMark = (i: number, end: 'start' | 'end') => `${STEP_MARK}${i}-${end}`;

/**
 * Main-thread CPU time of each timed step, in ms: thread time between the step's start and end marks. Unlike
 * the wall-clock latency it does not grow when other processes share the CPU. Steps whose marks are missing
 * are left out.
 */
export function stepCpuTimes(events: TraceEvent[], count: number): number[] {
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.cat === 'blink.user_timing' && e.tts !== undefined) marks.set(e.name, e);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = marks.get(stepMark(i, 'start'));
    const b = marks.get(stepMark(i, 'end'));
    if (a && b && a.tid === b.tid) out.push((b.tts! - a.tts!) / 1000);
  }
  return out;
}

/** Trace events grouped into what a frame's main-thread time is spent on. */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  RunMicrotasks: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  MinorGC: 'gc',
  MajorGC: 'gc',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
};

/** The timed steps' spans [start, end] in trace time (µs), from their marks. */
function stepSpans(events: TraceEvent[], count: number): Array<[number, number]> {
  const marks = new Map<string, number>();
  for (const e of events) if (e.cat === 'blink.user_timing') marks.set(e.name, e.ts);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const a = marks.get(stepMark(i, 'start'));
    const b = marks.get(stepMark(i, 'end'));
    if (a !== undefined && b !== undefined) spans.push([a, b]);
  }
  return spans;
}

/**
 * Self CPU time per kind (script, gc, style, layout, paint) on the page's main thread within the timed steps
 * (work done between steps, ahead of the next one, is not counted), averaged over `steps`, in ms, one line per
 * kind. Needs the `devtools.timeline` category.
 */
export function mainThreadBreakdown(events: TraceEvent[], steps: number): string {
  const within = stepSpans(events, steps);
  const inStep = (e: TraceEvent) => within.some(([a, b]) => e.ts >= a && e.ts <= b);
  // The page's main thread: of the renderers' main threads, the busiest.
  const busy = new Map<string, number>();
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  for (const e of events) if (e.ph === 'X') busy.set(key(e), (busy.get(key(e)) ?? 0) + (e.dur ?? 0));
  const main = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (busy.get(key(b)) ?? 0) - (busy.get(key(a)) ?? 0))[0];
  if (!main) return '  (no renderer main thread in the trace)';
  const spans = events
    .filter((e) => e.ph === 'X' && key(e) === key(main) && e.dur !== undefined && inStep(e))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const add = (kind: string, us: number) => self.set(kind, (self.get(kind) ?? 0) + us);
  const stack: Array<{ end: number; kind: string }> = [];
  for (const e of spans) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const kind = KINDS[e.name] ?? (stack.length ? stack[stack.length - 1].kind : 'other');
    const cpu = e.tdur ?? e.dur!;
    if (stack.length) add(stack[stack.length - 1].kind, -cpu);
    add(kind, cpu);
    stack.push({ end: e.ts + e.dur!, kind });
  }
  return [...self]
    .filter(([kind]) => kind !== 'other')
    .sort((a, b) => b[1] - a[1])
    .map(
      ([kind, us]) =>
        `  ${kind.padEnd(7)} ${(us / 1000 / Math.max(1, within.length)).toFixed(2).padStart(8)} ms`,
    )
    .join('\n');
}

/** A V8 CPU profile (CDP `Profiler.stop`). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
  /** When the profile started, µs (the trace's clock). */
  startTime?: number;
}

/**
 * Where a CPU profile's time went: the `count` functions with the most self time, then the components
 * (functions named with a capital, as React components are) with the most total time, in ms and share. With
 * `within` (a span of trace time, µs, such as one task's), only the samples in it count, and the second list
 * holds every function's total time (what it and the functions it called took).
 */
export function topSelfTime(cpu: CpuProfile, count: number, within?: readonly [number, number]): string {
  const parent = new Map<number, number>();
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map(
    cpu.nodes.map((n) => {
      const f = n.callFrame;
      const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
      return [n.id, `${f.functionName || '(anonymous)'} ${where}`.trim()];
    }),
  );
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let at = cpu.startTime ?? 0;
  (cpu.samples ?? []).forEach((id, i) => {
    const dt = (cpu.timeDeltas?.[i] ?? 0) / 1000;
    at += cpu.timeDeltas?.[i] ?? 0;
    if (within && (at < within[0] || at > within[1])) return;
    all += dt;
    self.set(keyOf.get(id)!, (self.get(keyOf.get(id)!) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf.get(at)!);
    for (const k of seen) if (within || /^[A-Z]/.test(k)) total.set(k, (total.get(k) ?? 0) + dt);
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${k}`,
      )
      .join('\n');
  return `${list(self)}\n ${within ? 'functions' : 'components'}, total time:\n${list(total)}`;
}

/**
 * Where the samples whose own function is `name` (e.g. a native `postMessage`) were called from: the calling
 * function's name and place, with the sampled time under each, most first.
 */
export function callersOf(cpu: CpuProfile, name: string, count: number): string {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sums = new Map<string, number>();
  (cpu.samples ?? []).forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName !== name) return;
    const p = byId.get(parent.get(id) ?? -1)?.callFrame;
    const key = p
      ? `${p.functionName || '(anonymous)'} ${p.url.replace(/^.*\//, '')}:${p.lineNumber + 1}`
      : '?';
    sums.set(key, (sums.get(key) ?? 0) + (cpu.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');
}
