/** Weight-label placement: each label slides along its edge to the first spot that overlaps nothing. */

export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle: left, top, right, bottom. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A segment a label can sit on: its visible ends. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Fractions along an edge tried in order: the middle first, then outwards in steps of 1/40, to 0.15 and 0.85. */
export const LABEL_FRACTIONS: readonly number[] = [0.5].concat(
  ...Array.from({ length: 14 }, (_, i) => [0.5 - (i + 1) / 40, 0.5 + (i + 1) / 40]),
);

/** Rounds of re-placing labels that still overlap something, each given all the others. */
const REPAIR_ROUNDS = 6;

export const rectAround = (p: Point, w: number, h: number): Rect => ({
  x0: p.x - w / 2,
  y0: p.y - h / 2,
  x1: p.x + w / 2,
  y1: p.y + h / 2,
});

/** Area two rectangles share (0 when they only touch). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of `r` lying outside `box`. */
function outsideArea(r: Rect, box: Rect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0) - overlapArea(r, box);
}

const along = (s: Segment, f: number): Point => ({
  x: s.x1 + (s.x2 - s.x1) * f,
  y: s.y1 + (s.y2 - s.y1) * f,
});

/**
 * Centres for labels of size w × h, one per segment. Greedy first: a label takes the first fraction in
 * LABEL_FRACTIONS where it overlaps no placed label, no obstacle (the nodes) and stays inside `box`, else
 * the least-overlapping one; then labels still overlapping are moved again, given all the others.
 * Deterministic: same inputs, same centres. `overlap` is the area still overlapping (0 when all fit).
 */
export function placeLabels(
  segments: Segment[],
  obstacles: Rect[],
  box: Rect,
  w: number,
  h: number,
): { centres: Point[]; overlap: number } {
  const rects: (Rect | null)[] = segments.map(() => null);
  const cost = (r: Rect, self: number) => {
    let c = outsideArea(r, box);
    for (const o of obstacles) c += overlapArea(r, o);
    rects.forEach((o, i) => {
      if (o && i !== self) c += overlapArea(r, o);
    });
    return c;
  };
  const best = (i: number) => {
    let pick = rectAround(along(segments[i], 0.5), w, h);
    let least = Infinity;
    for (const f of LABEL_FRACTIONS) {
      const r = rectAround(along(segments[i], f), w, h);
      const c = cost(r, i);
      if (c < least - 1e-9) [pick, least] = [r, c];
      if (c === 0) break;
    }
    rects[i] = pick;
  };
  segments.forEach((_, i) => best(i));
  const stuck = () => rects.map((r, i) => (cost(r!, i) > 0 ? i : -1)).filter((i) => i >= 0);
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const left = stuck();
    if (left.length === 0) break;
    left.forEach(best);
  }
  return {
    centres: rects.map((r) => ({ x: (r!.x0 + r!.x1) / 2, y: (r!.y0 + r!.y1) / 2 })),
    overlap: rects.reduce((sum, r, i) => sum + cost(r!, i), 0),
  };
}

/**
 * Places labels of size w × h for some segments only (the lit or hovered edges of a dense layer pair), each at
 * the first fraction in LABEL_FRACTIONS where it overlaps no obstacle, no label placed before it and stays in
 * `box`. A label with no such place is left out: labels never overlap. Returns the centres by index.
 */
export function placeSomeLabels(
  segments: Segment[],
  obstacles: Rect[],
  box: Rect,
  w: number,
  h: number,
): (Point | null)[] {
  const taken: Rect[] = [];
  return segments.map((s) => {
    for (const f of LABEL_FRACTIONS) {
      const r = rectAround(along(s, f), w, h);
      if (outsideArea(r, box) > 0) continue;
      if (obstacles.some((o) => overlapArea(r, o) > 0) || taken.some((o) => overlapArea(r, o) > 0)) continue;
      taken.push(r);
      return { x: (r.x0 + r.x1) / 2, y: (r.y0 + r.y1) / 2 };
    }
    return null;
  });
}
