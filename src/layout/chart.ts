import { scaleLinear, type LinearScale } from './linearScale';
import { line } from 'd3-shape';

// Line charts of values per epoch (or iteration): scales, ticks and paths computed here, drawn by React.

/** A point to draw: its index in the series (epoch or iteration = i + 1) and value. */
export interface ChartPoint {
  i: number;
  v: number;
}

/** Whether a value is drawn (a finite number). */
const drawn = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** Appends first, lowest, highest and last index of the drawn values in values[start … end) (−1s when none). */
function summarise(values: ArrayLike<number | undefined>, start: number, end: number, out: number[]): void {
  let first = -1;
  let last = -1;
  let lo = -1;
  let hi = -1;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (!drawn(v)) continue;
    if (first === -1) first = i;
    last = i;
    if (lo === -1 || v < (values[lo] as number)) lo = i;
    if (hi === -1 || v > (values[hi] as number)) hi = i;
  }
  out.push(first, lo, hi, last);
}

/** The points of bucket summaries (four indices each, see summarise), in order, each index once. */
function pointsOf(
  values: ArrayLike<number | undefined>,
  marks: number[],
  out: ChartPoint[] = [],
  from = 0,
): ChartPoint[] {
  for (let k = from; k < marks.length; k += 4) {
    if (marks[k] === -1) continue;
    const idx = [marks[k], marks[k + 1], marks[k + 2], marks[k + 3]].sort((x, y) => x - y);
    for (let j = 0; j < 4; j++)
      if (j === 0 || idx[j] !== idx[j - 1]) out.push({ i: idx[j], v: values[idx[j]] as number });
  }
  return out;
}

/**
 * The drawn points of a series in buckets of `size` consecutive values (a fraction: bucket b is
 * [⌊b·size⌋, ⌊(b + 1)·size⌋)): per bucket its first, lowest, highest and last point. The plain version of both
 * decimations below (decimateGrowing is tested against it).
 */
export function bucketPoints(values: ArrayLike<number | undefined>, size: number): ChartPoint[] {
  const n = values.length;
  const marks: number[] = [];
  for (let b = 0; Math.floor(b * size) < n; b++)
    summarise(values, Math.floor(b * size), Math.min(n, Math.floor((b + 1) * size)), marks);
  return pointsOf(values, marks);
}

/**
 * The points of a series worth drawing in `buckets` columns: per column its first, lowest, highest and last
 * point, so every peak and dip survives; the last point of the series is always kept. Missing (undefined or
 * non-finite) values are skipped. Below 4 × buckets points, every point is kept.
 */
export function decimate(values: ArrayLike<number | undefined>, buckets: number): ChartPoint[] {
  const n = values.length;
  return n <= 4 * buckets ? bucketPoints(values, 1) : bucketPoints(values, n / buckets);
}

/** Column summaries of a growing series: per complete bucket of `size` values, its first, lowest, highest and last. */
interface GrowingDecimation {
  /** The buffer summarised (a new buffer starts afresh). */
  buffer: ArrayBufferLike;
  buckets: number;
  size: number;
  /** Values summarised so far (a multiple of size). */
  done: number;
  /** Four indices per complete bucket (first, lo, hi, last; -1 for a bucket without a value). */
  marks: number[];
  /** The points of the complete buckets (pointsOf marks), kept as the buckets are added. */
  points: ChartPoint[];
}

/** What decimateGrowing keeps of one growing series between calls; the series' owner keeps it (`{}` to start). */
export interface GrowingMemo {
  summary?: GrowingDecimation;
}

/**
 * `decimate` for a series that only grows (a view at the start of a buffer whose first values never change):
 * bucketPoints with buckets of a power-of-two size, complete ones summarised once and kept in `memo`, merged
 * in pairs as the series doubles; only new values and the last, partial bucket are read. Same guarantees: every
 * column's extremes, the last point, at most 4 points a bucket.
 */
export function decimateGrowing(values: Float64Array, buckets: number, memo: GrowingMemo): ChartPoint[] {
  const n = values.length;
  if (n <= 4 * buckets) return decimate(values, buckets);
  let size = 1;
  while (n / size > buckets) size *= 2;
  let c = memo.summary;
  if (!c || c.buffer !== values.buffer || c.buckets !== buckets || c.done > n || c.size > size) {
    c = { buffer: values.buffer, buckets, size, done: 0, marks: [], points: [] };
    memo.summary = c;
  }
  while (c.size < size) {
    // two buckets into one: first of the first, the extremes of both, last of the second
    const merged: number[] = [];
    const m = c.marks;
    const pairs = Math.floor(m.length / 8);
    for (let p = 0; p < pairs; p++) {
      const a = m.slice(8 * p, 8 * p + 4);
      const b = m.slice(8 * p + 4, 8 * p + 8);
      const pick = (x: number, y: number, lower: boolean) =>
        x === -1 ? y : y === -1 ? x : (lower ? values[y] < values[x] : values[y] > values[x]) ? y : x;
      merged.push(
        a[0] !== -1 ? a[0] : b[0],
        pick(a[1], b[1], true),
        pick(a[2], b[2], false),
        b[3] !== -1 ? b[3] : a[3],
      );
    }
    c.size *= 2;
    c.marks = merged;
    c.points = pointsOf(values, merged);
    c.done = pairs * c.size;
  }
  const complete = Math.floor(n / size) * size;
  const known = c.marks.length;
  for (let start = c.done; start < complete; start += size) summarise(values, start, start + size, c.marks);
  c.done = complete;
  pointsOf(values, c.marks, c.points, known);
  const tail: number[] = [];
  if (complete < n) summarise(values, complete, n, tail);
  return pointsOf(values, tail, c.points.slice());
}

export interface ChartSeries {
  key: string;
  /** values[i] is the value at x = i + 1 (epoch or iteration), or at xs[i]; undefined where there is none. */
  values: ArrayLike<number | undefined>;
  /** The x of each value, in increasing order (default i + 1). */
  xs?: ArrayLike<number>;
  /**
   * The values are a Float64Array view at the start of a buffer that is only ever appended to (its first values
   * never change): decimated incrementally (decimateGrowing), its summary kept in this memo.
   */
  growing?: GrowingMemo;
}

/** A mark across the plot at one x (e.g. where η changed), with its label. */
export interface ChartMark {
  x: number;
  /** Short, drawn on the chart (e.g. "η = 0.1"). */
  label: string;
  /** In words, for assistive technology (e.g. "Learning rate changed to 0.1 after epoch 12"). */
  description: string;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Tick {
  value: number;
  /** Position along its axis, in the chart's coordinates. */
  at: number;
}

export interface ChartGeometry {
  x: LinearScale;
  y: LinearScale;
  xTicks: Tick[];
  yTicks: Tick[];
  /**
   * One path per series (empty when it has no point), with its last point. A series longer than the
   * `canvasAbove` option has no path string but its points' pixels (x, y pairs) for a canvas: d is then ''.
   */
  paths: {
    key: string;
    d: string;
    pixels: Float64Array | null;
    last: { x: number; y: number } | null;
    drawn: number;
  }[];
  /** Count of x positions (the longest series). */
  count: number;
  /** The x of index i (of the longest series). */
  xOf: (i: number) => number;
}

/**
 * The end of the x axis for data ending at `last`: `last` itself while a pixel of the plot spans less than two
 * x units, else `last` rounded up to a multiple of the largest power of two not above a pixel's span (so at most
 * a pixel past the data). A history growing by a few epochs a frame then moves its axis and ticks only every
 * few frames, not every frame. With `slack` > 1 the same holds of `slack` pixels: the axis ends at most that many
 * pixels past the data, in steps of up to that many pixels' span (a run at full speed, tens of epochs a frame,
 * then moves the axis, and so every pixel of its lines, every few frames instead of every frame).
 */
export function xEnd(first: number, last: number, plotWidth: number, slack = 1): number {
  // with `slack` pixels of room (a run going on), the axis steps by up to that many pixels' span
  const perPixel = ((last - first) / Math.max(1, plotWidth)) * Math.max(1, slack);
  if (!(perPixel >= 2)) return last;
  const step = 2 ** Math.floor(Math.log2(perPixel));
  return Math.ceil(last / step) * step;
}

/**
 * Scales, ticks and paths of a line chart. x runs over 1 … count (at least 1 … 2; past count by under a pixel
 * for long series, see xEnd); y over `yDomain` or the
 * values' range (padded when flat). Each series is decimated to about one point per horizontal pixel, and its
 * path written to a tenth of a pixel.
 */
export function lineChart(
  series: readonly ChartSeries[],
  box: ChartBox,
  options: {
    yDomain?: [number, number];
    xTicks?: number;
    yTicks?: number;
    canvasAbove?: number;
    /** Pixels the x axis may end past the data (see xEnd; default 1). */
    xSlack?: number;
  } = {},
): ChartGeometry {
  const { width, height, margin } = box;
  const count = Math.max(0, ...series.map((s) => s.values.length));
  const longest = series.find((s) => s.values.length === count);
  const xs = longest?.xs;
  const xOf = xs ? (i: number) => xs[i] : (i: number) => i + 1;
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const x0 = count > 0 ? Math.min(1, xOf(0)) : 1;
  const x1 = xEnd(x0, count > 0 ? Math.max(x0 + 1, xOf(count - 1)) : 2, plotWidth, options.xSlack);
  const x = scaleLinear()
    .domain([x0, x1])
    .range([margin.left, width - margin.right]);
  // up to 4 points per bucket of 3 px: every peak and dip a pixel column can show, no more
  const buckets = Math.max(8, Math.ceil(plotWidth / 3));
  const points = series.map((s) =>
    s.growing && s.values instanceof Float64Array
      ? decimateGrowing(s.values, buckets, s.growing)
      : decimate(s.values, buckets),
  );
  let domain = options.yDomain;
  if (!domain) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const ps of points)
      for (const p of ps) {
        if (p.v < lo) lo = p.v;
        if (p.v > hi) hi = p.v;
      }
    if (lo === Infinity) domain = [0, 1];
    else if (lo === hi) domain = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
    else domain = [Math.min(0, lo) === 0 && lo >= 0 ? 0 : lo, hi];
  }
  const y = scaleLinear()
    .domain(domain)
    .range([height - margin.bottom, margin.top])
    .nice(options.yTicks ?? 5);
  const xTicks = x
    .ticks(options.xTicks ?? 6)
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, at: x(value) }));
  const yTicks = y.ticks(options.yTicks ?? 5).map((value) => ({ value, at: y(value) }));
  const paths = series.map((s, n) => {
    const ps = points[n];
    const sx = s.xs;
    const at = sx ? (p: ChartPoint) => x(sx[p.i]) : (p: ChartPoint) => x(p.i + 1);
    const path = line<ChartPoint>()
      .x(at)
      .y((p) => y(p.v))
      .digits(1);
    const lastPoint = ps[ps.length - 1];
    const onCanvas = s.values.length > (options.canvasAbove ?? Infinity);
    return {
      key: s.key,
      d: ps.length > 0 && !onCanvas ? (path(ps) ?? '') : '',
      pixels: onCanvas ? pixelsOf(ps, at, y) : null,
      last: lastPoint ? { x: at(lastPoint), y: y(lastPoint.v) } : null,
      drawn: ps.length,
    };
  });
  return { x, y, xTicks, yTicks, paths, count, xOf };
}

/**
 * The pixels of a series' drawn points for a canvas, in the chart's coordinates: x0, y0, x1, y1, … in the points'
 * order (so the last pair is the series' last point).
 */
export function pixelsOf(
  points: readonly ChartPoint[],
  at: (p: ChartPoint) => number,
  y: (v: number) => number,
): Float64Array {
  const out = new Float64Array(2 * points.length);
  for (let k = 0; k < points.length; k++) {
    out[2 * k] = at(points[k]);
    out[2 * k + 1] = y(points[k].v);
  }
  return out;
}

/** The index whose x is nearest to a horizontal position, within 0 … count − 1; null for an empty chart. */
export function indexAt(
  geometry: Pick<ChartGeometry, 'x' | 'count'> & Partial<Pick<ChartGeometry, 'xOf'>>,
  px: number,
): number | null {
  const { count, xOf } = geometry;
  if (count === 0) return null;
  const v = geometry.x.invert(px);
  if (!xOf) return Math.min(count - 1, Math.max(0, Math.round(v) - 1));
  // the xs increase: the first at or past v, or the one before it if nearer
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xOf(mid) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && v - xOf(lo - 1) < xOf(lo) - v ? lo - 1 : lo;
}

/** Whether two lists of pixels hold the same numbers. */
export function samePixels(
  a: readonly (Float64Array | null)[],
  b: readonly (Float64Array | null)[],
): boolean {
  if (a.length !== b.length) return false;
  for (let n = 0; n < a.length; n++) {
    const p = a[n];
    const q = b[n];
    if (p === q) continue;
    if (!p || !q || p.length !== q.length) return false;
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return false;
  }
  return true;
}

/** Whether the first `points` points (x, y pairs) of two pixel lists are the same. */
export function samePrefix(a: Float64Array, b: Float64Array, points: number): boolean {
  if (a.length < 2 * points || b.length < 2 * points) return false;
  for (let k = 0; k < 2 * points; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The length of the polyline through the first `points` points of a pixel list. */
export function polylineLength(px: Float64Array, points: number): number {
  let length = 0;
  for (let k = 2; k < 2 * points; k += 2) length += Math.hypot(px[k] - px[k - 2], px[k + 1] - px[k - 1]);
  return length;
}
