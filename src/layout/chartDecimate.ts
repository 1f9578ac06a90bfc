// Decimation of a line chart's series: per column of values its first, lowest, highest and last point.

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
