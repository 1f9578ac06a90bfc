import { placeNodes, sizeNodes } from './nodePlacement';
import { connectEdges } from './edgeGeometry';
import { layoutObstacles } from './obstacles';
import { placeTargets } from './targets';
import { placeWeightLabels } from './weightLabels';
import { textWidth, type Box, type EdgeGeom, type LayoutOptions, type NetworkLayout } from './networkTypes';
import type { GraphId } from '../engine';

export * from './networkTypes';
export { nodeFootprint, layoutObstacles } from './obstacles';

/**
 * Positions of every neuron and bias node of a net with layer sizes `sizes` inside `box`, edges with their
 * paths and weight-label places, and where the targets go. Every text is at least `minFont`: the richest node
 * detail whose text fits at that size is chosen (neurons widen into stadiums to hold their values), and a
 * layer pair whose labels cannot all be placed without overlap leaves them to be placed on demand
 * (placeSomeLabels). Pure: the same arguments give equal layouts.
 */
export function layoutNetwork(
  sizes: number[],
  useBias: boolean,
  box: Box,
  options: LayoutOptions = {},
): NetworkLayout {
  const { width, height } = box;
  const last = sizes.length - 1;
  const minFont = options.minFont ?? 12;
  const symbolChars = options.symbolChars ?? 3;
  const targetChars = options.targetChars ?? 0;
  const targetW = targetChars > 0 ? textWidth(targetChars, minFont) + minFont : 0;
  const size = sizeNodes(box, {
    sizes,
    useBias,
    minFont,
    valueChars: (options.valueChars ?? 7) + 2,
    symbolChars,
    targetW,
    maxRadius: options.maxRadius ?? Math.min(width, height) * 0.1,
  });
  const { columns, nodes } = placeNodes(box, sizes, useBias, size, targetW);
  const nodeById = Object.fromEntries(nodes.map((n) => [n.id, n]));
  const edges = connectEdges(sizes, useBias, nodeById, size.radius);
  const drawn = { ...size, minFont, symbolChars, targetChars, nodes };
  const { targets, targetHeading } = placeTargets(drawn, last, targetChars);
  const obstacles = layoutObstacles({ ...drawn, targets, targetHeading });
  const labels = placeWeightLabels(edges, obstacles, {
    width,
    height,
    last,
    radius: size.radius,
    minFont,
    chars: options.labelChars ?? 6,
    lines: options.labelLines ?? 2,
    labels: options.labels,
  });
  return {
    width,
    height,
    ...size,
    minFont,
    ...labels,
    symbolChars,
    targetChars,
    columns,
    nodes,
    edges,
    targets,
    targetHeading,
    nodeById,
    edgeById: byId(edges),
  };
}

/** Edges by id (filled in one loop: a 10 × 64 net's 37,440 entries as [id, edge] pairs cost more than the map). */
function byId(edges: readonly EdgeGeom[]): Record<GraphId, EdgeGeom> {
  const out: Record<GraphId, EdgeGeom> = {};
  for (const e of edges) out[e.id] = e;
  return out;
}
