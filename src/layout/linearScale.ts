import { tickIncrement, ticks as ticksOf } from 'd3-array';

/**
 * A linear scale from a domain [d0, d1] onto a range [r0, r1], with the parts of d3-scale's `scaleLinear` the
 * graph and the charts use: domain and range, clamping, nice bounds and ticks (d3-array's tick steps, as
 * d3-scale computes them), and the inverse. d3-scale's own scale also interpolates colours and formats tick
 * labels, which brings d3-interpolate, d3-color and d3-format (about 8 kB gzip) into the first page load.
 */
export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  domain(domain: readonly [number, number] | readonly number[]): LinearScale;
  range(): [number, number];
  range(range: readonly [number, number] | readonly number[]): LinearScale;
  clamp(clamp: boolean): LinearScale;
  /** Extends the domain to round values, as d3-scale's `nice(count)` does. */
  nice(count?: number): LinearScale;
  /** About `count` round values within the domain (d3-array's ticks). */
  ticks(count?: number): number[];
  /** The domain value of a range value (clamped to the domain when the scale clamps). */
  invert(value: number): number;
}

/**
 * The map from [a0, a1] onto [b0, b1] as d3-scale builds it (a reversed `a` is turned round with `b`, so the
 * last bit agrees); a flat `a` maps to the middle of `b`.
 */
function between(a0: number, a1: number, b0: number, b1: number): (x: number) => number {
  if (a1 < a0) [a0, a1, b0, b1] = [a1, a0, b1, b0];
  const span = a1 - a0;
  return (x) => {
    const t = span ? (x - a0) / span : 0.5;
    return b0 * (1 - t) + b1 * t; // d3-interpolate's interpolateNumber
  };
}

/** `x` within the interval of a and b (in either order). */
const within = (x: number, a: number, b: number) => Math.min(Math.max(a, b), Math.max(Math.min(a, b), x));

/** A new linear scale: domain and range [0, 1], not clamped (d3-scale's defaults). */
export function scaleLinear(): LinearScale {
  let d: [number, number] = [0, 1];
  let r: [number, number] = [0, 1];
  let clamped = false;
  // the map of the current domain and range, made again only when either changes (a chart maps thousands of
  // values a frame)
  let map = between(d[0], d[1], r[0], r[1]);
  const scale = ((v: number) => map(clamped ? within(v, d[0], d[1]) : v)) as LinearScale;
  scale.domain = ((next?: readonly number[]) => {
    if (next === undefined) return [...d];
    d = [+next[0], +next[1]];
    map = between(d[0], d[1], r[0], r[1]);
    return scale;
  }) as LinearScale['domain'];
  scale.range = ((next?: readonly number[]) => {
    if (next === undefined) return [...r];
    r = [+next[0], +next[1]];
    map = between(d[0], d[1], r[0], r[1]);
    return scale;
  }) as LinearScale['range'];
  scale.clamp = (on) => {
    clamped = on;
    return scale;
  };
  scale.nice = (count = 10) => {
    // d3-scale's own loop: widen to multiples of the tick step until the step settles (10 rounds at most)
    const flip = d[1] < d[0];
    let [start, stop] = flip ? [d[1], d[0]] : d;
    let previous: number | undefined;
    for (let round = 0; round < 10; round++) {
      const step = tickIncrement(start, stop, count);
      if (step === previous) {
        d = flip ? [stop, start] : [start, stop];
        map = between(d[0], d[1], r[0], r[1]);
        break;
      } else if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      previous = step;
    }
    return scale;
  };
  scale.ticks = (count = 10) => ticksOf(d[0], d[1], count);
  scale.invert = (v: number) => {
    const x = between(r[0], r[1], d[0], d[1])(v);
    return clamped ? within(x, d[0], d[1]) : x;
  };
  return scale;
}
