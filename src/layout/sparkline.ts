import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/** The SVG path of a small line chart of `values` in a width × height box (with a margin), and its last point. */
export function sparklinePath(
  values: readonly number[],
  width: number,
  height: number,
  margin = 3,
): { d: string; last: { x: number; y: number } | null } {
  if (values.length === 0) return { d: '', last: null };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([margin, width - margin]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - margin, margin]);
  const d = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v))(values as number[]);
  const i = values.length - 1;
  return { d: d ?? '', last: { x: x(i), y: y(values[i]) } };
}
