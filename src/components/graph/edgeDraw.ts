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
  const batches = new Map<string, { sign: string; dash: number[]; width: number; coords: number[] }>();
  for (const v of views) {
    const width = Math.max(0.25, Math.round(v.width * 4) / 4);
    const key = `${v.sign}|${v.dash ?? ''}|${width}`;
    let b = batches.get(key);
    if (!b) {
      const dash = (v.dash ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      b = { sign: v.sign, dash, width, coords: [] };
      batches.set(key, b);
    }
    b.coords.push(v.geom.x1, v.geom.y1, v.geom.x2, v.geom.y2);
  }
  return [...batches.values()].map((b) => ({
    colour: colour(b.sign),
    dash: b.dash,
    width: b.width,
    coords: Float64Array.from(b.coords),
  }));
}

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
