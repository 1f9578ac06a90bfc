/** Where a tooltip box goes: beside its element, on the side and height where it covers the least. */
import { overlapArea, type Rect } from './labels';

/** The element a tooltip describes: its left and right sides and its middle's height. */
export interface TooltipAnchor {
  left: number;
  right: number;
  y: number;
}

/** What covering a faint box (a dimmed neuron) costs, against 1 for any other box. */
const FAINT = 0.02;
/** Steps of the grid of places tried, as a fraction of the tooltip's size. */
const GRID = 0.25;

/**
 * Top-left corner of a w × h tooltip inside a `width` × `height` box. Tried first: right of the element,
 * then left of it, at its middle's height; then every place on a grid over the box. Of those covering none of
 * `obstacles` (the nodes, targets and labels drawn) and the element itself, the nearest to the element wins; if every place covers
 * something, the one covering the least area, where `faint` boxes (the dimmed neurons, out of the step) count
 for little: the tooltip covers them before anything of the step. Deterministic.
 */
export function placeTooltip(
  anchor: TooltipAnchor,
  w: number,
  h: number,
  box: { width: number; height: number },
  obstacles: Rect[],
  faint: Rect[] = [],
): { x: number; y: number } {
  return bestPlace(anchor, w, h, box, obstacles, faint, GRID).at;
}

/**
 * A place for a w × h box (presenter mode's step callout) inside `box` that covers none of `obstacles` (nor the
 * element), nearest to the element as placeTooltip chooses, on a grid of `grid` × its size; null when there is
 * none (the caller then shrinks the box or leaves it out).
 */
export function freeTooltipPlace(
  anchor: TooltipAnchor,
  w: number,
  h: number,
  box: { width: number; height: number },
  obstacles: Rect[],
  grid = 0.1,
): { x: number; y: number } | null {
  if (w + 4 > box.width || h + 4 > box.height) return null;
  const { at, cover } = bestPlace(anchor, w, h, box, obstacles, [], grid);
  return cover <= 1e-9 ? at : null;
}

function bestPlace(
  anchor: TooltipAnchor,
  w: number,
  h: number,
  box: { width: number; height: number },
  obstacles: Rect[],
  faint: Rect[],
  grid: number,
): { at: { x: number; y: number }; cover: number } {
  const maxX = Math.max(2, box.width - w - 2);
  const maxY = Math.max(2, box.height - h - 2);
  const clampX = (x: number) => Math.min(maxX, Math.max(2, x));
  const clampY = (y: number) => Math.min(maxY, Math.max(2, y));
  const cx = (anchor.left + anchor.right) / 2;
  const right = anchor.right + 6;
  const left = anchor.left - 6 - w;
  // the usual places first: beside the element, right if it fits, else left
  const candidates: { x: number; y: number }[] = [
    { x: right + w <= box.width ? right : clampX(left), y: clampY(anchor.y - h / 2) },
    { x: clampX(left), y: clampY(anchor.y - h / 2) },
  ];
  for (let y = 2; y <= maxY + 1e-9; y += h * grid)
    for (let x = 2; x <= maxX + 1e-9; x += w * grid) candidates.push({ x, y });
  for (const y of [2, maxY]) for (const x of [2, maxX]) candidates.push({ x, y });
  // the element itself is never covered either
  const avoid = [...obstacles, { x0: anchor.left, y0: anchor.y - 1, x1: anchor.right, y1: anchor.y + 1 }];
  const covered = (p: { x: number; y: number }) => {
    const r = { x0: p.x, y0: p.y, x1: p.x + w, y1: p.y + h };
    const hard = avoid.reduce((sum, o) => sum + overlapArea(r, o), 0);
    return hard + FAINT * faint.reduce((sum, o) => sum + overlapArea(r, o), 0);
  };
  const distance = (p: { x: number; y: number }) =>
    Math.hypot(Math.max(0, p.x - anchor.right, anchor.left - (p.x + w)), p.y + h / 2 - anchor.y) +
    Math.abs(p.x + w / 2 - cx) * 1e-3;
  let best = candidates[0];
  let bestCover = covered(best);
  let bestDistance = bestCover === 0 ? -1 : distance(best);
  for (const p of candidates.slice(1)) {
    const c = covered(p);
    const d = distance(p);
    if (c < bestCover - 1e-9 || (Math.abs(c - bestCover) <= 1e-9 && d < bestDistance)) {
      [best, bestCover, bestDistance] = [p, c, d];
    }
  }
  return { at: best, cover: bestCover };
}
