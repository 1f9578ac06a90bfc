import { line } from 'd3-shape';
import { gid, type EdgeId, type GraphId, type NodeId } from '../engine';
import { placeLabels, rectAround, type Point, type Rect } from './labels';

/** Nets with at most this many edges in a layer pair try to show every weight label of that pair. */
export const LABEL_EDGE_LIMIT = 30;
/** Estimated width of one character in em (digits of common sans-serif fonts are 0.55–0.64 em; generous). */
export const CHAR_EM = 0.64;
/** Height of a line of text in em. */
export const LINE_EM = 1.25;
/** Estimated width of `chars` characters at font size `font`. */
/** Label sizes tried, as fractions of the full size (never below minFont), until the labels fit. */
const LABEL_SHRINK = [1, 0.9, 0.8, 0.7, 0.6];
export const textWidth = (chars: number, font: number): number => chars * CHAR_EM * font;

export interface Box {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Largest node half-height r in box units (default 10% of the box's shorter side). */
  maxRadius?: number;
  /** Smallest font size of any text, in box units (default 12; the box is in CSS pixels when measured). */
  minFont?: number;
  /** Characters of a value shown inside a neuron, without its letter (default 7, e.g. −0.1234). */
  valueChars?: number;
  /** Characters of a neuron's symbol (default 3, e.g. a¹₁). */
  symbolChars?: number;
  /** Characters a weight label must hold per line (default 6). */
  labelChars?: number;
  /** Lines a weight label must hold; 2 leaves room for the updated weight w⁺ under w (default 2). */
  labelLines?: number;
  /** Whether to try placing every weight label (default: for layer pairs of at most LABEL_EDGE_LIMIT edges). */
  labels?: boolean;
  /** Characters of the target text beside each output neuron ("t₁ = 0.01"); 0 draws no targets (default 0). */
  targetChars?: number;
}

/**
 * How much text fits in a node: symbol above with z and a inside, symbol above with a inside, the symbol
 * inside only, the symbol above only (a long symbol over a small node), or nothing (large nets). Every text drawn is at least minFont.
 */
export type NodeDetail = 'full' | 'value' | 'symbol' | 'named' | 'none';

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
  /** Half-height; a circle of radius r when rx = r, else a stadium (pill) of half-width rx. */
  r: number;
  /** Half-width (≥ r). */
  rx: number;
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
  /** Centre of the weight label (placed without overlap when `labelled`, else the edge's middle). */
  label: Point;
  /** Whether the label has a place of its own that overlaps nothing (its layer pair is not too dense). */
  labelled: boolean;
}

/** Where the target t_j of output neuron j is written: left end and middle of its text. */
export interface TargetGeom {
  node: NodeId;
  index: number;
  x: number;
  y: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Neuron radius r (half-height of a stadium). */
  radius: number;
  /** Neuron half-width (≥ radius). */
  radiusX: number;
  /** Bias node radius. */
  biasRadius: number;
  detail: NodeDetail;
  /** Smallest font size used. */
  minFont: number;
  /** Font size of node symbols; values inside nodes use valueFontSize. */
  fontSize: number;
  valueFontSize: number;
  labelFontSize: number;
  /** Size of a weight label box (labelLines lines of labelChars). */
  labelSize: { width: number; height: number };
  /** Characters of a neuron's symbol and of a target's text, as laid out. */
  symbolChars: number;
  targetChars: number;
  /** Whether every weight label has its own place (no layer pair too dense). */
  showLabels: boolean;
  /** x of each layer's column. */
  columns: number[];
  nodes: NodeGeom[];
  edges: EdgeGeom[];
  targets: TargetGeom[];
  /** Where the word "targets" is written (left end and middle), above the first target. */
  targetHeading: Point | null;
  /** Nodes and edges by id; any graph id may be asked (an edge's id finds no node). */
  nodeById: Record<GraphId, NodeGeom>;
  edgeById: Record<GraphId, EdgeGeom>;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Coordinates to 1/100 of a unit: tidy attributes, nothing visible lost. */
const round = (v: number) => Math.round(v * 100) / 100;
const segment = line();

/** Whether the neuron's symbol is written above it (the symbol-only detail writes it inside). */
export const symbolAbove = (detail: NodeDetail): boolean =>
  detail === 'full' || detail === 'value' || detail === 'named';
/** Room a node's texts take beyond its shape: the symbol above and the δ badge below (full and value). */
const textAbove = (detail: NodeDetail, fs: number) => (symbolAbove(detail) ? fs * 1.4 : 0);
const textBelow = (detail: NodeDetail, vf: number) =>
  detail === 'full' || detail === 'value' ? vf * 0.8 : 0;

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
  const valueChars = (options.valueChars ?? 7) + 2;
  const symbolChars = options.symbolChars ?? 3;
  const targetChars = options.targetChars ?? 0;
  // Column l holds layer l's neurons and, with biases, the node bn:l+1 under them.
  const biasIn = (l: number) => useBias && l < last;
  const counts = sizes.map((s, l) => s + (biasIn(l) ? 1 : 0));
  const maxRadius = options.maxRadius ?? Math.min(width, height) * 0.1;
  const targetW = targetChars > 0 ? textWidth(targetChars, minFont) + minFont : 0;

  /** The largest r for this detail and these fonts: nodes stacked in the fullest column, columns across. */
  const radiusFor = (detail: NodeDetail, fs: number, vf: number) => {
    const above = textAbove(detail, fs);
    const below = textBelow(detail, vf);
    const gap = 4;
    let r = maxRadius;
    counts.forEach((count, l) => {
      const neurons = sizes[l];
      const bias = count - neurons;
      // neurons: 2r + above + below + gap each; a bias node 1.1r + gap
      const free = height - 2 * gap - neurons * (above + below + gap) - bias * gap;
      r = Math.min(r, free / (2 * neurons + 1.1 * bias));
    });
    const across = width - 8 - targetW;
    r = Math.min(r, last > 0 ? (0.2 * across) / (last + 0.4) : across / 2);
    return Math.max(1, r);
  };
  /** Half-width a node needs for its text at this detail (r when it fits in the circle). */
  const halfWidth = (detail: NodeDetail, r: number, vf: number, fs: number) => {
    if (detail === 'full' || detail === 'value') return Math.max(r, textWidth(valueChars, vf) / 2 + vf * 0.5);
    if (detail === 'symbol') return Math.max(r, textWidth(symbolChars, fs) / 2 + fs * 0.3);
    return r;
  };
  const maxHalfWidth = last > 0 ? (0.3 * (width - 8 - targetW)) / (last + 0.6) : width / 2;
  const fits = (detail: NodeDetail, r: number, fs: number, vf: number) => {
    if (detail === 'none') return true;
    if (halfWidth(detail, r, vf, fs) > maxHalfWidth) return false;
    if (detail === 'full') return r >= vf * LINE_EM * 1.25;
    if (detail === 'value') return r >= vf * 0.8;
    if (detail === 'named') return r >= 4 && textWidth(symbolChars, fs) / 2 <= maxHalfWidth * 1.6;
    return r >= fs * 0.7;
  };
  let detail: NodeDetail = 'none';
  let radius = radiusFor('none', minFont, minFont);
  let fontSize = minFont;
  let valueFontSize = minFont;
  for (const d of ['full', 'value', 'symbol', 'named'] as const) {
    const r = radiusFor(d, minFont, minFont);
    if (!fits(d, r, minFont, minFont)) continue;
    detail = d;
    radius = r;
    // larger text where there is room for it
    // never under minFont, even where minFont is above the usual largest size (presenter mode at 1080)
    const fs = clamp(r * 0.36, minFont, Math.max(20, minFont));
    const vf = clamp(r * 0.3, minFont, Math.max(16, minFont));
    const r2 = radiusFor(d, fs, vf);
    if (fits(d, r2, fs, vf) && r2 >= r * 0.9) [radius, fontSize, valueFontSize] = [r2, fs, vf];
    break;
  }
  radius = round(radius);
  fontSize = round(fontSize);
  valueFontSize = round(valueFontSize);
  const radiusX = round(Math.min(maxHalfWidth, halfWidth(detail, radius, valueFontSize, fontSize)));
  const biasRadius = round(radius * 0.55);
  const above = textAbove(detail, fontSize);
  const below = textBelow(detail, valueFontSize);

  const padX = radiusX + 4;
  const dx = last > 0 ? (width - 2 * padX - targetW) / last : 0;
  const columns = sizes.map((_, l) => round(last > 0 ? padX + l * dx : (width - targetW) / 2));
  // Rows of one column spread evenly over the height: slot heights 2r + texts (neurons), 1.1r (bias).
  const nodes: NodeGeom[] = [];
  sizes.forEach((size, l) => {
    const slots = [
      ...Array.from({ length: size }, () => 2 * radius + above + below),
      ...(biasIn(l) ? [2.2 * biasRadius] : []),
    ];
    const used = slots.reduce((a, b) => a + b, 0);
    const spacing = slots.length > 1 ? Math.min((height - 8 - used) / slots.length, radius * 2) : 0;
    let y = (height - used - spacing * (slots.length - 1)) / 2;
    slots.forEach((slot, i) => {
      const bias = i === size;
      const top = bias ? 0 : above;
      const r = bias ? biasRadius : radius;
      const cy = round(y + top + r);
      nodes.push({
        id: bias ? gid.biasNode(l + 1) : gid.node(l, i),
        layer: bias ? l + 1 : l,
        index: bias ? -1 : i,
        bias,
        x: columns[l],
        y: cy,
        r,
        rx: bias ? r : radiusX,
      });
      y += slot + spacing;
    });
  });
  const nodeById = Object.fromEntries(nodes.map((n) => [n.id, n]));

  const gap = Math.max(1, radius * 0.08);
  const connect = (id: EdgeId, l: number, j: number, k: number, source: NodeId): EdgeGeom => {
    const s = nodeById[source];
    const t = nodeById[gid.node(l, j)];
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const ux = (t.x - s.x) / len;
    const uy = (t.y - s.y) / len;
    const out = rim(s, ux, uy) + gap;
    const into = rim(t, ux, uy) + gap;
    const x1 = round(s.x + ux * out);
    const y1 = round(s.y + uy * out);
    const x2 = round(t.x - ux * into);
    const y2 = round(t.y - uy * into);
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
      label: { x: round((x1 + x2) / 2), y: round((y1 + y2) / 2) },
      labelled: false,
    };
  };
  const edges: EdgeGeom[] = [];
  for (let l = 1; l <= last; l++)
    for (let j = 0; j < sizes[l]; j++) {
      for (let k = 0; k < sizes[l - 1]; k++)
        edges.push(connect(gid.edge(l, j, k), l, j, k, gid.node(l - 1, k)));
      if (useBias) edges.push(connect(gid.biasEdge(l, j), l, j, -1, gid.biasNode(l)));
    }

  const symbolHalf = symbolAbove(detail) ? textWidth(symbolChars, fontSize) / 2 : 0;
  const targets: TargetGeom[] =
    targetChars > 0
      ? nodes
          .filter((n) => n.layer === last && !n.bias && last > 0)
          .map((n) => ({
            node: n.id,
            index: n.index,
            x: round(n.x + Math.max(n.rx, symbolHalf) + 6),
            y: n.y,
          }))
      : [];
  // the word "targets" above the first, level with the output neurons' symbols
  const targetHeading =
    targets.length > 0
      ? { x: targets[0].x, y: round(Math.max(minFont, targets[0].y - radius - fontSize * 0.8)) }
      : null;

  const lines = options.labelLines ?? 2;
  const chars = options.labelChars ?? 6;
  const sizeAt = (f: number) => ({
    width: textWidth(chars, f) + 0.8 * f,
    height: lines * LINE_EM * f + 0.4 * f,
  });
  const frame = { x0: 0, y0: 0, x1: width, y1: height };
  const obstacles = layoutObstacles({
    detail,
    fontSize,
    valueFontSize,
    minFont,
    targets,
    targetHeading,
    targetChars,
    symbolChars,
    nodes,
  });
  /** Places the labels of every layer pair tried, each pair whole or not at all; how many pairs fit. */
  const placeAll = (font: number) => {
    const size = sizeAt(font);
    const placed: Rect[] = [];
    const centres = new Map<number, Point[]>();
    for (let l = 1; l <= last; l++) {
      const pair = edges.filter((e) => e.layer === l);
      if (!(options.labels ?? pair.length <= LABEL_EDGE_LIMIT)) continue;
      const fit = placeLabels(pair, [...obstacles, ...placed], frame, size.width, size.height);
      if (fit.overlap > 0) continue;
      centres.set(l, fit.centres);
      fit.centres.forEach((p) => placed.push(rectAround(p, size.width, size.height)));
    }
    return centres;
  };
  // The largest label size (down to minFont) at which the most layer pairs have all their labels placed.
  const base = Math.max(minFont, clamp(radius * 0.32, 9, 14));
  let labelFontSize = round(base);
  let best = new Map<number, Point[]>();
  for (const shrink of LABEL_SHRINK) {
    const font = round(Math.max(minFont, base * shrink));
    const centres = placeAll(font);
    if (centres.size > best.size) [best, labelFontSize] = [centres, font];
    if (centres.size === last || font === minFont) break;
  }
  const labelSize = sizeAt(labelFontSize);
  for (const [l, centres] of best) {
    const pair = edges.filter((e) => e.layer === l);
    centres.forEach((p, i) => {
      pair[i].label = { x: round(p.x), y: round(p.y) };
      pair[i].labelled = true;
    });
  }
  const showLabels = best.size === last;

  return {
    width,
    height,
    radius,
    radiusX,
    biasRadius,
    detail,
    minFont,
    fontSize,
    valueFontSize,
    labelFontSize,
    labelSize,
    symbolChars,
    targetChars,
    showLabels,
    columns,
    nodes,
    edges,
    targets,
    targetHeading,
    nodeById,
    edgeById: Object.fromEntries(edges.map((e) => [e.id, e])),
  };
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

/** What a layout's text needs to know to find where its nodes and targets are drawn. */
type Drawn = Pick<
  NetworkLayout,
  | 'detail'
  | 'fontSize'
  | 'valueFontSize'
  | 'minFont'
  | 'targets'
  | 'targetHeading'
  | 'nodes'
  | 'targetChars'
  | 'symbolChars'
>;

/** The box a node's drawing occupies: its shape, symbol above, δ badge below. */
export function nodeFootprint(
  layout: Pick<NetworkLayout, 'detail' | 'fontSize' | 'valueFontSize'> &
    Partial<Pick<NetworkLayout, 'symbolChars'>>,
  n: NodeGeom,
): Rect {
  const full = symbolAbove(layout.detail);
  const above = !n.bias && full ? textAbove(layout.detail, layout.fontSize) : 0;
  const below = !n.bias && full ? textBelow(layout.detail, layout.valueFontSize) : 0;
  const symbol = !n.bias && full ? textWidth(layout.symbolChars ?? 3, layout.fontSize) / 2 : 0;
  const rx = Math.max(n.rx ?? n.r, symbol);
  return { x0: n.x - rx - 2, y0: n.y - n.r - above, x1: n.x + rx + 2, y1: n.y + n.r + below };
}

/** Boxes no weight label may cover: every node's footprint and every target's text. */
export function layoutObstacles(layout: Drawn): Rect[] {
  const out = layout.nodes.map((n) => nodeFootprint(layout, n));
  const tw = textWidth(layout.targetChars, layout.minFont);
  const around = (t: Point) => ({
    x0: t.x - 2,
    y0: t.y - layout.minFont,
    x1: t.x + tw + 2,
    y1: t.y + layout.minFont,
  });
  for (const t of layout.targets) out.push(around(t));
  if (layout.targetHeading) out.push(around(layout.targetHeading));
  return out;
}
