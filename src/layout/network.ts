import { line } from 'd3-shape';
import type { EdgeId, NodeId } from '../steps/types';
import { biasEdgeId, biasNodeId, edgeId, nodeId } from './ids';
import { placeLabels, type Point, type Rect } from './labels';

/** Nets with at most this many edges (bias edges included) show every weight label. */
export const LABEL_EDGE_LIMIT = 30;
/** Label sizes tried, as fractions of the full size, until the labels fit. */
const LABEL_SHRINK = [1, 0.9, 0.8, 0.7, 0.6];

export interface Box {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Largest node radius r in box units (default 9% of the box's shorter side). */
  maxRadius?: number;
  /** Characters a weight label must hold per line (default 6). */
  labelChars?: number;
  /** Lines a weight label must hold; 2 leaves room for the updated weight w⁺ under w (default 2). */
  labelLines?: number;
  /** Whether to place weight labels (default: when the net has at most LABEL_EDGE_LIMIT edges). */
  labels?: boolean;
  /** Every type size times this, and the neurons' largest radius to hold it (presenter mode; default 1). */
  textScale?: number;
  /** Whether weight labels may shrink (to 60%) to fit without overlapping (default true). */
  shrinkLabels?: boolean;
}

/** How much text fits in a node: symbol and values, the symbol only, or nothing (large nets). */
export type NodeDetail = 'full' | 'symbol' | 'none';

/** A neuron `n:l:j` or a bias node `bn:l` (drawn in column l − 1). */
export interface NodeGeom {
  id: NodeId;
  /** Layer l of a neuron; for a bias node, the layer it feeds. */
  layer: number;
  /** Neuron j; −1 for a bias node. */
  index: number;
  bias: boolean;
  x: number;
  y: number;
  r: number;
}

/** An edge `e:l:j:k` (or bias edge `eb:l:j`) from its source's rim to its target's rim. */
export interface EdgeGeom {
  id: EdgeId;
  /** Layer l the edge leads into. */
  layer: number;
  /** Neuron j of layer l. */
  to: number;
  /** Neuron k of layer l − 1; −1 for a bias edge. */
  from: number;
  source: NodeId;
  target: NodeId;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path from source to target (d3-shape line). */
  d: string;
  /** Centre of the weight label. */
  label: Point;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Neuron radius r. */
  radius: number;
  /** Bias node radius. */
  biasRadius: number;
  detail: NodeDetail;
  /** Font size of node symbols; values inside nodes use valueFontSize. */
  fontSize: number;
  valueFontSize: number;
  labelFontSize: number;
  /** Size of a weight label box (labelLines lines of labelChars). */
  labelSize: { width: number; height: number };
  /** Whether every weight label is shown (small nets). */
  showLabels: boolean;
  /** x of each layer's column. */
  columns: number[];
  nodes: NodeGeom[];
  edges: EdgeGeom[];
  nodeById: Record<NodeId, NodeGeom>;
  edgeById: Record<EdgeId, EdgeGeom>;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Coordinates to 1/100 of a unit: tidy attributes, nothing visible lost. */
const round = (v: number) => Math.round(v * 100) / 100;
const segment = line();

/**
 * Positions of every neuron and bias node of a net with layer sizes `sizes` inside `box`, edges with their
 * paths and weight-label anchors. Pure: the same arguments give equal layouts.
 */
export function layoutNetwork(
  sizes: number[],
  useBias: boolean,
  box: Box,
  options: LayoutOptions = {},
): NetworkLayout {
  const { width, height } = box;
  const last = sizes.length - 1;
  // Column l holds layer l's neurons and, with biases, the node bn:l+1 under them.
  const biasIn = (l: number) => useBias && l < last;
  const counts = sizes.map((s, l) => s + (biasIn(l) ? 1 : 0));
  const maxCount = Math.max(1, ...counts);
  const ts = options.textScale ?? 1;
  const maxRadius = options.maxRadius ?? Math.min(width, height) * 0.09 * ts;
  const fit = (padX: number, padY: number) => {
    const pitch = maxCount > 1 ? (height - 2 * padY) / (maxCount - 1) : height;
    const dx = last > 0 ? (width - 2 * padX) / last : width;
    return { pitch, dx, r: Math.max(1, Math.min(maxRadius, 0.34 * pitch, 0.2 * dx)) };
  };
  // Two passes: margins sized for the radius leave room for the symbol above and the δ badge below.
  const r0 = fit(width * 0.05, height * 0.1).r;
  const padX = r0 * 1.3 + 4;
  const padY = r0 * 1.6 + 4;
  const { pitch, dx, r: r1 } = fit(padX, padY);
  const radius = round(Math.min(r0, r1));
  const biasRadius = round(radius * 0.55);
  const detail: NodeDetail = radius >= 20 ? 'full' : radius >= 9 ? 'symbol' : 'none';
  const fontSize = round(clamp(radius * 0.36, 7, 20) * ts);
  const valueFontSize = round(clamp(radius * 0.3, 7, 16) * ts);

  const columns = sizes.map((_, l) => round(last > 0 ? padX + l * dx : width / 2));
  const rowY = (l: number, i: number) => round(height / 2 + (i - (counts[l] - 1) / 2) * pitch);
  const nodes: NodeGeom[] = [];
  sizes.forEach((size, l) => {
    for (let j = 0; j < size; j++)
      nodes.push({
        id: nodeId(l, j),
        layer: l,
        index: j,
        bias: false,
        x: columns[l],
        y: rowY(l, j),
        r: radius,
      });
    if (biasIn(l))
      nodes.push({
        id: biasNodeId(l + 1),
        layer: l + 1,
        index: -1,
        bias: true,
        x: columns[l],
        y: rowY(l, size),
        r: biasRadius,
      });
  });
  const nodeById = Object.fromEntries(nodes.map((n) => [n.id, n]));

  const gap = Math.max(1, radius * 0.08);
  const connect = (id: EdgeId, l: number, j: number, k: number, source: NodeId): EdgeGeom => {
    const s = nodeById[source];
    const t = nodeById[nodeId(l, j)];
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const ux = (t.x - s.x) / len;
    const uy = (t.y - s.y) / len;
    const x1 = round(s.x + ux * (s.r + gap));
    const y1 = round(s.y + uy * (s.r + gap));
    const x2 = round(t.x - ux * (t.r + gap));
    const y2 = round(t.y - uy * (t.r + gap));
    const d =
      segment([
        [x1, y1],
        [x2, y2],
      ]) ?? '';
    return {
      id,
      layer: l,
      to: j,
      from: k,
      source,
      target: t.id,
      x1,
      y1,
      x2,
      y2,
      d,
      label: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
    };
  };
  const edges: EdgeGeom[] = [];
  for (let l = 1; l <= last; l++)
    for (let j = 0; j < sizes[l]; j++) {
      for (let k = 0; k < sizes[l - 1]; k++) edges.push(connect(edgeId(l, j, k), l, j, k, nodeId(l - 1, k)));
      if (useBias) edges.push(connect(biasEdgeId(l, j), l, j, -1, biasNodeId(l)));
    }

  const showLabels = options.labels ?? edges.length <= LABEL_EDGE_LIMIT;
  const lines = options.labelLines ?? 2;
  const chars = options.labelChars ?? 6;
  const sizeAt = (f: number) => ({ width: chars * 0.6 * f + 0.8 * f, height: lines * 1.2 * f + 0.4 * f });
  let labelFontSize = round(clamp(radius * 0.32, 9, 14) * ts);
  if (showLabels) {
    // Shrink the labels (down to 60%) until they fit without overlapping.
    const obstacles = nodes.map((n) => nodeFootprint({ detail, fontSize, valueFontSize }, n));
    const frame = { x0: 0, y0: 0, x1: width, y1: height };
    let fit = { font: labelFontSize, centres: edges.map((e) => e.label), overlap: Infinity };
    for (const shrink of options.shrinkLabels === false ? [1] : LABEL_SHRINK) {
      const font = round(labelFontSize * shrink);
      const { width: w, height: h } = sizeAt(font);
      const placed = placeLabels(edges, obstacles, frame, w, h);
      if (placed.overlap < fit.overlap) fit = { font, ...placed };
      if (placed.overlap === 0) break;
    }
    labelFontSize = fit.font;
    fit.centres.forEach((p, i) => (edges[i].label = { x: round(p.x), y: round(p.y) }));
  }
  const labelSize = sizeAt(labelFontSize);

  return {
    width,
    height,
    radius,
    biasRadius,
    detail,
    fontSize,
    valueFontSize,
    labelFontSize,
    labelSize,
    showLabels,
    columns,
    nodes,
    edges,
    nodeById,
    edgeById: Object.fromEntries(edges.map((e) => [e.id, e])),
  };
}

/** The box a node's drawing occupies: circle, symbol above, δ badge below. */
export function nodeFootprint(
  layout: Pick<NetworkLayout, 'detail' | 'fontSize' | 'valueFontSize'>,
  n: NodeGeom,
): Rect {
  const above = !n.bias && layout.detail === 'full' ? layout.fontSize * 1.3 : 0;
  const below = !n.bias && layout.detail !== 'none' ? layout.valueFontSize * 0.9 : 0;
  return { x0: n.x - n.r - 2, y0: n.y - n.r - above, x1: n.x + n.r + 2, y1: n.y + n.r + below };
}
