/** Where a layout's nodes and targets are drawn, as boxes no weight label may cover. */
import type { Point, Rect } from './labels';
import {
  symbolAbove,
  textAbove,
  textBelow,
  textWidth,
  type NetworkLayout,
  type NodeGeom,
} from './networkTypes';

/** What a layout's text needs to know to find where its nodes and targets are drawn. */
export type Drawn = Pick<
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

/** The box of a target's text (or of the word "targets") written from `t`, its left end and middle. */
export function targetBox(layout: Pick<Drawn, 'targetChars' | 'minFont'>, t: Point): Rect {
  const tw = textWidth(layout.targetChars, layout.minFont);
  return { x0: t.x - 2, y0: t.y - layout.minFont, x1: t.x + tw + 2, y1: t.y + layout.minFont };
}

/** Boxes no weight label may cover: every node's footprint and every target's text. */
export function layoutObstacles(layout: Drawn): Rect[] {
  const out = layout.nodes.map((n) => nodeFootprint(layout, n));
  for (const t of layout.targets) out.push(targetBox(layout, t));
  if (layout.targetHeading) out.push(targetBox(layout, layout.targetHeading));
  return out;
}
