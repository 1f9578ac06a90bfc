/** Each layer pair's weight labels: placed along their edges, without overlap, at the largest size that fits. */
import { placeLabels, rectAround, type Point, type Rect } from './labels';
import { clamp, LABEL_EDGE_LIMIT, LINE_EM, round, textWidth, type EdgeGeom } from './networkTypes';

/** Label sizes tried, as fractions of the full size (never below minFont), until the labels fit. */
const LABEL_SHRINK = [1, 0.9, 0.8, 0.7, 0.6];

export interface LabelNeeds {
  /** The box the labels must stay inside. */
  width: number;
  height: number;
  /** Index of the output layer. */
  last: number;
  radius: number;
  minFont: number;
  /** Characters per line and lines a label must hold. */
  chars: number;
  lines: number;
  /** Whether to try every layer pair (default: those of at most LABEL_EDGE_LIMIT edges). */
  labels?: boolean;
}

/**
 * Places the weight labels of every layer pair that fits whole, each label sliding along its edge to a spot
 * that overlaps no obstacle and no other label, at the largest size (down to minFont) at which the most layer
 * pairs fit. Sets `label` and `labelled` on the edges of the pairs placed; returns the labels' font and size.
 */
export function placeWeightLabels(
  edges: EdgeGeom[],
  obstacles: Rect[],
  needs: LabelNeeds,
): { labelFontSize: number; labelSize: { width: number; height: number }; showLabels: boolean } {
  const { width, height, last, radius, minFont, chars, lines } = needs;
  const sizeAt = (f: number) => ({
    width: textWidth(chars, f) + 0.8 * f,
    height: lines * LINE_EM * f + 0.4 * f,
  });
  const frame = { x0: 0, y0: 0, x1: width, y1: height };
  // each layer pair's edges, gathered once (a 10 × 64 net has 37,440 edges, tried at several sizes)
  const pairs = new Map<number, EdgeGeom[]>();
  for (const e of edges) {
    const pair = pairs.get(e.layer);
    if (pair) pair.push(e);
    else pairs.set(e.layer, [e]);
  }
  const pairOf = (l: number) => pairs.get(l) ?? [];
  /** Places the labels of every layer pair tried, each pair whole or not at all; how many pairs fit. */
  const placeAll = (font: number) => {
    const size = sizeAt(font);
    const placed: Rect[] = [];
    const centres = new Map<number, Point[]>();
    for (let l = 1; l <= last; l++) {
      const pair = pairOf(l);
      if (!(needs.labels ?? pair.length <= LABEL_EDGE_LIMIT)) continue;
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
  for (const [l, centres] of best) {
    const pair = pairOf(l);
    centres.forEach((p, i) => {
      pair[i].label = { x: round(p.x), y: round(p.y) };
      pair[i].labelled = true;
    });
  }
  return { labelFontSize, labelSize: sizeAt(labelFontSize), showLabels: best.size === last };
}
