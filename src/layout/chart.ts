import { scaleLinear, type LinearScale } from './linearScale';
import { line } from 'd3-shape';
import { tickIncrement } from 'd3-array';
import { decimate, decimateGrowing, type ChartPoint, type GrowingMemo } from './chartDecimate';

export { bucketPoints, decimate, decimateGrowing, type ChartPoint, type GrowingMemo } from './chartDecimate';
export { polylineLength, samePixels, samePrefix } from './chartPixels';

// Line charts of values per epoch (or iteration): scales, ticks and paths computed here, drawn by React.

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
 * a pixel past the data).
 */
export function xEnd(first: number, last: number, plotWidth: number): number {
  const perPixel = (last - first) / Math.max(1, plotWidth);
  if (!(perPixel >= 2)) return last;
  const step = 2 ** Math.floor(Math.log2(perPixel));
  return Math.ceil(last / step) * step;
}

/** Round steps per axis while the data grows (see xEndGrowing). */
const GROWING_STEPS = 3;

/**
 * The end of the x axis while the data grows (a run going on): `last` rounded up to a multiple of a round step
 * about a third of the axis (d3's tick step for three ticks over first … last: 1, 2 or 5 × 10ᵏ, at least 1). The
 * axis ends on a round number, at most about a third past the data, and moves only when the data passes it: a
 * few times each tenfold growth, not every frame (a run at full speed adds tens of epochs a frame).
 */
export function xEndGrowing(first: number, last: number): number {
  const step = Math.max(1, tickIncrement(first, last, GROWING_STEPS));
  return Math.ceil(last / step) * step;
}

/**
 * Scales, ticks and paths of a line chart. x runs over 1 … count (at least 1 … 2; past count by under a pixel
 * for long series, see xEnd; to a round number past it while the data grows, see xEndGrowing); y over `yDomain` or the
 * values' range (padded when flat). Each series is decimated to at most one point per pixel column, and its
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
    /** The data grows (a run going on): the x axis ends at a round number past it (xEndGrowing). */
    xGrowing?: boolean;
  } = {},
): ChartGeometry {
  const { width, height, margin } = box;
  const count = Math.max(0, ...series.map((s) => s.values.length));
  const longest = series.find((s) => s.values.length === count);
  const xs = longest?.xs;
  const xOf = xs ? (i: number) => xs[i] : (i: number) => i + 1;
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const x0 = count > 0 ? Math.min(1, xOf(0)) : 1;
  const xLast = count > 0 ? Math.max(x0 + 1, xOf(count - 1)) : 2;
  const x1 = options.xGrowing ? xEndGrowing(x0, xLast) : xEnd(x0, xLast, plotWidth);
  const x = scaleLinear()
    .domain([x0, x1])
    .range([margin.left, width - margin.right]);
  // up to 4 points (first, lowest, highest, last) per bucket of at least 4 px: no more points than pixel
  // columns, every bucket's peak and dip kept
  const buckets = Math.max(2, Math.floor(plotWidth / 4));
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
