/** Neuron and bias-node sizes, fonts and positions: the richest node detail whose text fits, in columns. */
import { gid } from '../engine';
import {
  clamp,
  LINE_EM,
  round,
  textAbove,
  textBelow,
  textWidth,
  type Box,
  type NodeDetail,
  type NodeGeom,
} from './networkTypes';

/** What sizeNodes needs: the layer sizes and the texts a node and a target must hold. */
export interface NodeNeeds {
  sizes: number[];
  useBias: boolean;
  minFont: number;
  /** Characters of a value inside a neuron, its letter and sign included. */
  valueChars: number;
  symbolChars: number;
  /** Width kept free right of the output column for the targets' text. */
  targetW: number;
  maxRadius: number;
}

/** The nodes' size and text: detail, radius, half-width, fonts. */
export interface NodeSize {
  detail: NodeDetail;
  radius: number;
  radiusX: number;
  biasRadius: number;
  fontSize: number;
  valueFontSize: number;
}

/**
 * The richest node detail whose text fits at minFont, its radius, and larger fonts where there is room for
 * them. Every text stays at least minFont (neurons widen into stadiums to hold their values).
 */
export function sizeNodes({ width, height }: Box, needs: NodeNeeds): NodeSize {
  const { sizes, useBias, minFont, valueChars, symbolChars, targetW, maxRadius } = needs;
  const last = sizes.length - 1;
  // Column l holds layer l's neurons and, with biases, the node bn:l+1 under them.
  const counts = sizes.map((s, l) => s + (useBias && l < last ? 1 : 0));

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
  return { detail, radius, radiusX, biasRadius: round(radius * 0.55), fontSize, valueFontSize };
}

/**
 * Column x of each layer and every node's centre: the rows of one column spread evenly over the height (slot
 * heights 2r + texts for a neuron, 1.1r for a bias node under them).
 */
export function placeNodes(
  { width, height }: Box,
  sizes: number[],
  useBias: boolean,
  size: NodeSize,
  targetW: number,
): { columns: number[]; nodes: NodeGeom[] } {
  const { detail, radius, radiusX, biasRadius, fontSize, valueFontSize } = size;
  const last = sizes.length - 1;
  const above = textAbove(detail, fontSize);
  const below = textBelow(detail, valueFontSize);
  const padX = radiusX + 4;
  const dx = last > 0 ? (width - 2 * padX - targetW) / last : 0;
  const columns = sizes.map((_, l) => round(last > 0 ? padX + l * dx : (width - targetW) / 2));
  const nodes: NodeGeom[] = [];
  sizes.forEach((count, l) => {
    const slots = [
      ...Array.from({ length: count }, () => 2 * radius + above + below),
      ...(useBias && l < last ? [2.2 * biasRadius] : []),
    ];
    const used = slots.reduce((a, b) => a + b, 0);
    const spacing = slots.length > 1 ? Math.min((height - 8 - used) / slots.length, radius * 2) : 0;
    let y = (height - used - spacing * (slots.length - 1)) / 2;
    slots.forEach((slot, i) => {
      const bias = i === count;
      const top = bias ? 0 : above;
      const r = bias ? biasRadius : radius;
      nodes.push({
        id: bias ? gid.biasNode(l + 1) : gid.node(l, i),
        layer: bias ? l + 1 : l,
        index: bias ? -1 : i,
        bias,
        x: columns[l],
        y: round(y + top + r),
        r,
        rx: bias ? r : radiusX,
      });
      y += slot + spacing;
    });
  });
  return { columns, nodes };
}
