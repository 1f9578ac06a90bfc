import { line } from 'd3-shape';
import { gid, parseNodeId, type EdgeId, type NodeId } from '../engine';
import type { NetworkLayout } from './network';

/** The edges joining consecutive nodes of a path (e.g. n:0:1 → n:1:0 → n:2:1 gives e:1:0:1, e:2:1:0). */
export function edgesAlong(nodes: NodeId[]): EdgeId[] {
  const out: EdgeId[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const a = parseNodeId(nodes[i - 1]);
    const b = parseNodeId(nodes[i]);
    if (!a || !b || b.bias || b.layer !== (a.bias ? a.layer : a.layer + 1)) continue;
    out.push(a.bias ? gid.biasEdge(b.layer, b.index) : gid.edge(b.layer, b.index, a.index));
  }
  return out;
}

const polyline = line();

/**
 * Geometry for highlighting paths through the net (the chain-rule view): for each path of node ids, its
 * edges and one polyline through the node centres. Unknown ids are skipped.
 */
export function pathsGeometry(layout: NetworkLayout, paths: NodeId[][]): { edges: EdgeId[]; d: string }[] {
  return paths.map((nodes) => {
    const points = nodes.filter((id) => layout.nodeById[id]).map((id) => layout.nodeById[id]);
    const d = points.length > 1 ? (polyline(points.map((n) => [n.x, n.y])) ?? '') : '';
    return { edges: edgesAlong(nodes).filter((id) => layout.edgeById[id]), d };
  });
}
