import { memo } from 'react';
import type { EdgeGeom } from '../../layout';
import { GraphEdgeCopy } from './GraphEdge';
import type { EdgeView } from './views';

/**
 * Above this many edges drawn again on top (a layer-detail step of a 64-wide layer lights 4,096), they are
 * drawn batched: one path per look instead of three elements per edge, whose style, layout and paint took most
 * of such a step (~12,000 elements, rebuilt at every step). The edge under the pointer or focus stays an element
 * of its own. No lesson shipped lights this many, so small nets draw exactly as before.
 */
export const BATCHED_EDGES = 256;

/** Widths are rounded to ¼ unit within a batch (as on the edge canvas), so a few dozen batches cover any net. */
const quarter = (w: number) => Math.max(0.25, Math.round(w * 4) / 4);

/** Paths of several edges as one path (each edge's path starts with its own move-to). */
const joined = (geoms: readonly EdgeGeom[]) => geoms.map((g) => g.d).join('');

interface Batch {
  className: string;
  width: number;
  dash?: string;
  geoms: EdgeGeom[];
}

function batch(map: Map<string, Batch>, key: string, make: () => Omit<Batch, 'geoms'>, geom: EdgeGeom) {
  let b = map.get(key);
  if (!b) map.set(key, (b = { ...make(), geoms: [] }));
  b.geoms.push(geom);
}

/**
 * The edges drawn again on top: lit by the step, on the chain-rule path, selected, or under the pointer or
 * focus (`active`). Each is a GraphEdgeCopy; past BATCHED_EDGES they are drawn batched, the halos first, then
 * the lines, with the same classes (so the same colours, halos and dashes) and widths to ¼ unit.
 */
export const GraphEdgeCopies = memo(function GraphEdgeCopies({
  copies,
  active,
}: {
  copies: readonly EdgeView[];
  active: string | null;
}) {
  if (copies.length <= BATCHED_EDGES)
    return copies.map((v) => <GraphEdgeCopy key={v.geom.id} view={v} active={v.geom.id === active} />);
  const halos = new Map<string, Batch>();
  const lines = new Map<string, Batch>();
  let single: EdgeView | null = null;
  for (const v of copies) {
    if (v.geom.id === active) {
      single = v;
      continue;
    }
    const width = quarter(v.width);
    const marks = [
      v.mark === 'highlighted' && 'is-highlighted',
      v.onPath && 'is-path',
      v.selected && 'is-selected',
    ].filter(Boolean);
    const cls = `graph-edge-copy graph-edge--${v.sign} ${marks.join(' ')}`.trim();
    if (marks.length > 0)
      batch(halos, `${cls}|${width}`, () => ({ className: cls, width: width + 6 }), v.geom);
    const dash = v.dash;
    batch(
      lines,
      `${v.sign}|${dash ?? ''}|${width}`,
      () => ({ className: `graph-edge-copy graph-edge--${v.sign}`, width, dash }),
      v.geom,
    );
  }
  return (
    <>
      {[...halos].map(([key, b]) => (
        <g key={`h${key}`} className={b.className}>
          <path className="graph-edge__halo" d={joined(b.geoms)} strokeWidth={b.width} />
        </g>
      ))}
      {[...lines].map(([key, b]) => (
        <g key={`l${key}`} className={b.className}>
          <path
            className="graph-edge__line"
            d={joined(b.geoms)}
            strokeWidth={b.width}
            strokeDasharray={b.dash}
          />
        </g>
      ))}
      {single && <GraphEdgeCopy view={single} active />}
    </>
  );
});

/**
 * The arrowhead the flow's marker draws at an edge's start (marker viewBox 0 0 10 10, ref 5 5, 4 stroke widths
 * wide, orient auto-start-reverse: pointing back along the edge), as a path in drawing units.
 */
export function arrowAt(g: Pick<EdgeGeom, 'x1' | 'y1' | 'x2' | 'y2'>, strokeWidth: number): string {
  const len = Math.hypot(g.x2 - g.x1, g.y2 - g.y1) || 1;
  // u: the marker's x axis (back along the edge), n: its y axis (u turned a quarter clockwise, as SVG's y is down)
  const ux = (g.x1 - g.x2) / len;
  const uy = (g.y1 - g.y2) / len;
  const nx = -uy;
  const ny = ux;
  const s = 0.4 * strokeWidth;
  const at = (mx: number, my: number) => {
    const x = g.x1 + s * ((mx - 5) * ux + (my - 5) * nx);
    const y = g.y1 + s * ((mx - 5) * uy + (my - 5) * ny);
    return `${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`;
  };
  return `M${at(0, 0)}L${at(10, 5)}L${at(0, 10)}Z`;
}

/**
 * The error flowing back along a backward step's edges, with an arrowhead at each edge's start; past
 * BATCHED_EDGES one path for the flows and one for their arrowheads (the dash pattern starts anew on each edge
 * as on an edge of its own).
 */
export const GraphFlows = memo(function GraphFlows({
  geoms,
  strokeWidth,
  markerId,
  animated,
}: {
  geoms: readonly EdgeGeom[];
  strokeWidth: number;
  markerId: string;
  animated: boolean;
}) {
  const className = `graph-flow${animated ? ' graph-flow--animated' : ''}`;
  if (geoms.length <= BATCHED_EDGES)
    return geoms.map((g) => (
      <path
        key={g.id}
        className={className}
        d={g.d}
        strokeWidth={strokeWidth}
        markerStart={`url(#${markerId})`}
      />
    ));
  return (
    <>
      <path className={className} d={joined(geoms)} strokeWidth={strokeWidth} />
      <path className="graph-flow__arrow" d={geoms.map((g) => arrowAt(g, strokeWidth)).join('')} />
    </>
  );
});
