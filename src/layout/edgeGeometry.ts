/** The edges' geometry: each edge from its source's rim to its target's rim, with its SVG path. */
import { gid, type EdgeId, type NodeId } from '../engine';
import { round, type EdgeGeom, type NodeGeom } from './networkTypes';

/**
 * One edge's geometry. Its SVG path `d` is written when first read: a 10 × 64 net has 37,440 edges, drawn on a
 * canvas from their end points, and writing every path's four coordinates as text took most of a new layout
 * (the graph narrowed by the chain-rule panel, a resize); only the few edges drawn as SVG read theirs.
 */
class Edge implements EdgeGeom {
  #d: string | undefined;
  constructor(
    readonly id: EdgeId,
    readonly layer: number,
    readonly to: number,
    readonly from: number,
    readonly source: NodeId,
    readonly target: NodeId,
    readonly x1: number,
    readonly y1: number,
    readonly x2: number,
    readonly y2: number,
    public label: EdgeGeom['label'],
    public labelled: boolean,
  ) {}
  /** The segment as d3-shape's line() writes it. */
  get d(): string {
    return (this.#d ??= `M${this.x1},${this.y1}L${this.x2},${this.y2}`);
  }
  /** As JSON, every field and the path (the prerendered page carries its layouts in its HTML). */
  toJSON(): EdgeGeom {
    const { id, layer, to, from, source, target, x1, y1, x2, y2, d, label, labelled } = this;
    return { id, layer, to, from, source, target, x1, y1, x2, y2, d, label, labelled };
  }
}

/** Every edge (and bias edge) of the net, layer pair by layer pair, target by target; labels at the middle. */
export function connectEdges(
  sizes: number[],
  useBias: boolean,
  nodeById: Record<string, NodeGeom>,
  radius: number,
): EdgeGeom[] {
  const last = sizes.length - 1;
  const gap = Math.max(1, radius * 0.08);
  const connect = (id: EdgeId, l: number, j: number, k: number, source: NodeId, t: NodeGeom): EdgeGeom => {
    const s = nodeById[source];
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const ux = (t.x - s.x) / len;
    const uy = (t.y - s.y) / len;
    const out = rim(s, ux, uy) + gap;
    const into = rim(t, ux, uy) + gap;
    const x1 = round(s.x + ux * out);
    const y1 = round(s.y + uy * out);
    const x2 = round(t.x - ux * into);
    const y2 = round(t.y - uy * into);
    const label = { x: round((x1 + x2) / 2), y: round((y1 + y2) / 2) };
    return new Edge(id, l, j, k, source, t.id, x1, y1, x2, y2, label, false);
  };
  const edges: EdgeGeom[] = [];
  for (let l = 1; l <= last; l++) {
    const sources = Array.from({ length: sizes[l - 1] }, (_, k) => gid.node(l - 1, k));
    for (let j = 0; j < sizes[l]; j++) {
      const t = nodeById[gid.node(l, j)];
      for (let k = 0; k < sizes[l - 1]; k++) edges.push(connect(gid.edge(l, j, k), l, j, k, sources[k], t));
      if (useBias) edges.push(connect(gid.biasEdge(l, j), l, j, -1, gid.biasNode(l), t));
    }
  }
  return edges;
}

/** Distance from a node's centre to its rim along the unit direction (ux, uy): circle or stadium. */
function rim(n: NodeGeom, ux: number, uy: number): number {
  const h = n.rx - n.r;
  if (h <= 0) return n.r;
  // the stadium is every point within r of the segment [−h, h] × {0}: bisect along the ray
  let lo = 0;
  let hi = n.rx + n.r;
  for (let i = 0; i < 24; i++) {
    const t = (lo + hi) / 2;
    const px = Math.abs(t * ux) - h;
    const d = Math.hypot(Math.max(0, px), t * uy);
    if (d < n.r) lo = t;
    else hi = t;
  }
  return lo;
}
