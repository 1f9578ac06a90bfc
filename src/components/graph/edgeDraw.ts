/**
 * Drawing a large net's edges beneath the SVG (GraphEdgeCanvas): the edges batched into one path per stroke
 * style, and those batches stroked on a 2D context. The page builds the batches; the strokes, which cost a
 * software-rasterised canvas hundreds of milliseconds for 37,440 edges, are drawn by edgeWorker.ts on the
 * canvas's offscreen twin where the browser allows it, else here on the page.
 */
import type { EdgeView } from './views';

/** Edges of one stroke style: the coordinates x1, y1, x2, y2 of each edge in turn (drawing coordinates). */
export interface EdgeBatch {
  colour: string;
  dash: number[];
  width: number;
  coords: Float64Array;
}

/** One drawing of the edges: the canvas's pixel size, the transform to it, the area cleared and the batches. */
export interface EdgeDrawing {
  pixelWidth: number;
  pixelHeight: number;
  transform: [number, number, number, number, number, number];
  clear: [number, number, number, number];
  batches: EdgeBatch[];
}

/** The part of a 2D context (on the page or offscreen) that drawEdges uses. */
export interface EdgeContext {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  setLineDash(dash: number[]): void;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: CanvasLineCap;
}

/**
 * The edges batched by stroke style (colour, dash, and width rounded to ¼ px), in the order each style first
 * appears, each batch's edges in the views' order.
 */
export function edgeBatches(views: readonly EdgeView[], colour: (sign: string) => string): EdgeBatch[] {
  // Batches by sign, then dash, then rounded width, in Maps keyed by those values themselves (no key text made
  // per edge: 37,440 of them at each iteration of a 10 × 64); each batch's edges counted first, then copied
  // straight into its array.
  type Draft = { sign: string; dash: string; width: number; count: number; at: number; coords: Float64Array };
  const bySign = new Map<string, Map<string, Map<number, Draft>>>();
  const order: Draft[] = [];
  const of = new Array<Draft>(views.length);
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    const width = Math.max(0.25, Math.round(v.width * 4) / 4);
    const dash = v.dash ?? '';
    let byDash = bySign.get(v.sign);
    if (!byDash) bySign.set(v.sign, (byDash = new Map()));
    let byWidth = byDash.get(dash);
    if (!byWidth) byDash.set(dash, (byWidth = new Map()));
    let b = byWidth.get(width);
    if (!b) {
      b = { sign: v.sign, dash, width, count: 0, at: 0, coords: EMPTY };
      byWidth.set(width, b);
      order.push(b);
    }
    b.count++;
    of[i] = b;
  }
  for (const b of order) b.coords = new Float64Array(b.count * 4);
  for (let i = 0; i < views.length; i++) {
    const b = of[i];
    const { x1, y1, x2, y2 } = views[i].geom;
    const c = b.coords;
    c[b.at] = x1;
    c[b.at + 1] = y1;
    c[b.at + 2] = x2;
    c[b.at + 3] = y2;
    b.at += 4;
  }
  return order.map((b) => ({
    colour: colour(b.sign),
    dash: b.dash
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
    width: b.width,
    coords: b.coords,
  }));
}

const EMPTY = new Float64Array(0);

/** Strokes a drawing on a context whose canvas has the drawing's pixel size. */
export function drawEdges(ctx: EdgeContext, d: EdgeDrawing): void {
  ctx.setTransform(...d.transform);
  ctx.clearRect(...d.clear);
  ctx.lineCap = 'butt';
  for (const b of d.batches) {
    ctx.strokeStyle = b.colour;
    ctx.lineWidth = b.width;
    ctx.setLineDash(b.dash);
    ctx.beginPath();
    const c = b.coords;
    for (let i = 0; i < c.length; i += 4) {
      ctx.moveTo(c[i], c[i + 1]);
      ctx.lineTo(c[i + 2], c[i + 3]);
    }
    ctx.stroke();
  }
}
