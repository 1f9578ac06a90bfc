import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useLessonStore } from '../../store';
import type { EdgeView } from './views';
import type { EdgeId } from '../../engine';
import { drawEdges, edgeBatches, type EdgeDrawing } from './edgeDraw';

/**
 * Nets with more edges than this draw the edges beneath on a canvas instead of as SVG elements (a 10 × 64 net
 * has 37,440: as elements they cost seconds of style and layout whenever the page around them moves). The
 * lit, path, selected and hovered edges are still drawn on top as SVG (GraphEdgeCopy), as for any net.
 */
export const CANVAS_EDGES = 12_000;

/** How far from an edge (in CSS pixels) the pointer may be and still take it. */
const PICK_PX = 4;

/** The box the drawing's coordinates map to in a client area, as the SVG's `xMidYMid meet` maps them. */
export function fitBox(
  box: { width: number; height: number },
  client: { width: number; height: number },
): { scale: number; dx: number; dy: number } {
  const scale = Math.min(client.width / box.width, client.height / box.height);
  return { scale, dx: (client.width - box.width * scale) / 2, dy: (client.height - box.height * scale) / 2 };
}

/**
 * The edge nearest the point (drawing coordinates) within `reach` of its line, or null: the distance from the
 * point to each segment, the nearest first (ties go to the first edge).
 */
export function pickEdge(views: readonly EdgeView[], x: number, y: number, reach: number): EdgeId | null {
  let best: EdgeId | null = null;
  let bestD = Infinity;
  for (const v of views) {
    const { x1, y1, x2, y2 } = v.geom;
    const ex = x2 - x1;
    const ey = y2 - y1;
    const len2 = ex * ex + ey * ey;
    const s = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * ex + (y - y1) * ey) / len2));
    const dx = x1 + s * ex - x;
    const dy = y1 + s * ey - y;
    const d = Math.sqrt(dx * dx + dy * dy) - v.width / 2;
    if (d < bestD) {
      bestD = d;
      best = v.geom.id;
    }
  }
  return bestD <= reach ? best : null;
}

/**
 * Whether two groups of edges look the same beneath (stroke width, sign and dash of each edge in turn): the
 * canvas redraws only when one of these changes (or size or theme). A group kept as is (the same array) is
 * not looked into; the first difference ends the comparison.
 */
export function sameLooks(a: readonly EdgeView[], b: readonly EdgeView[] | undefined): boolean {
  if (a === b) return true;
  if (!b || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const u = a[k];
    const v = b[k];
    if (u.width !== v.width || u.sign !== v.sign || (u.dash ?? '') !== (v.dash ?? '')) return false;
  }
  return true;
}

/** The edges each canvas shows and the colour of each sign there, for a picture of it (edgeCanvasPicture). */
const shown = new WeakMap<HTMLCanvasElement, readonly EdgeView[]>();

/**
 * The edges drawn on a graph's canvas as SVG paths (one per stroke style, as they are stroked; coordinates in the
 * drawing's units, to 2 decimals), for the graph's SVG and PNG export; null for a canvas that shows none.
 */
export function edgeCanvasPaths(
  canvas: HTMLCanvasElement,
): { colour: string; width: number; dash: number[]; d: string }[] | null {
  const views = shown.get(canvas);
  if (!views || views.length === 0) return null;
  const style = getComputedStyle(canvas);
  const colour = (sign: string) => style.getPropertyValue(`--graph-${sign}`).trim() || 'gray';
  const r = (v: number) => String(Math.round(v * 100) / 100);
  return edgeBatches(views, colour).map((b) => {
    const parts: string[] = [];
    const c = b.coords;
    for (let i = 0; i < c.length; i += 4)
      parts.push(`M${r(c[i])} ${r(c[i + 1])}L${r(c[i + 2])} ${r(c[i + 3])}`);
    return { colour: b.colour, width: b.width, dash: b.dash, d: parts.join('') };
  });
}

/** The workers drawing on canvases handed over to them (edgeWorker.ts); null where one cannot be had. */
const painters = new WeakMap<HTMLCanvasElement, Worker | null>();

/**
 * The worker that draws on `canvas`, handing the canvas over on first use; null where the browser cannot draw
 * off the page's thread (the canvas is then drawn here).
 */
function painterOf(canvas: HTMLCanvasElement): Worker | null {
  const known = painters.get(canvas);
  if (known !== undefined) return known;
  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function') {
    try {
      worker = new Worker(new URL('./edgeWorker.ts', import.meta.url), { type: 'module' });
      const offscreen = canvas.transferControlToOffscreen();
      worker.postMessage({ canvas: offscreen }, [offscreen]);
    } catch {
      worker?.terminate();
      worker = null;
    }
  }
  painters.set(canvas, worker);
  return worker;
}

/** Stops the worker of a canvas that has left the page (kept while React only re-runs its effects). */
function releasePainter(canvas: HTMLCanvasElement): void {
  window.setTimeout(() => {
    if (canvas.isConnected) return;
    painters.get(canvas)?.terminate();
    painters.delete(canvas);
  }, 0);
}

/** The colour of each sign's edges on a canvas, read from its style (the theme's custom properties). */
function signColours(canvas: HTMLCanvasElement): (sign: string) => string {
  const style = getComputedStyle(canvas);
  const bySign = new Map<string, string>();
  return (sign) => {
    let c = bySign.get(sign);
    if (c === undefined) bySign.set(sign, (c = style.getPropertyValue(`--graph-${sign}`).trim() || 'gray'));
    return c;
  };
}

/**
 * Draws the edges, batched into one path per stroke style (colour, dash and width rounded to ¼ px): in the
 * canvas's worker where there is one (rasterising 37,440 edges in software takes the thread hundreds of
 * milliseconds), else here. `client` is the canvas's size in CSS pixels as its ResizeObserver last saw it and
 * `colour` the colour of each sign: reading either from the page here would lay out the page after every
 * change React just made (tens of milliseconds on a 10 × 64 net).
 */
export function paint(
  canvas: HTMLCanvasElement,
  views: readonly EdgeView[],
  box: { x: number; y: number; width: number; height: number },
  client: { width: number; height: number },
  colour: (sign: string) => string,
) {
  const painter = painterOf(canvas);
  const ctx = painter ? null : canvas.getContext('2d');
  if (!painter && !ctx) return; // no canvas (jsdom): the copies on top still show what the step lights
  const dpr = window.devicePixelRatio || 1;
  const { scale, dx, dy } = fitBox(box, client);
  const drawing: EdgeDrawing = {
    pixelWidth: Math.max(1, Math.round(client.width * dpr)),
    pixelHeight: Math.max(1, Math.round(client.height * dpr)),
    // The view box's origin (x, y) maps to the fitted corner, as the SVG's viewBox does when zoomed or panned.
    transform: [dpr * scale, 0, 0, dpr * scale, dpr * (dx - box.x * scale), dpr * (dy - box.y * scale)],
    clear: [box.x - dx / scale, box.y - dy / scale, client.width / scale, client.height / scale],
    batches: edgeBatches(views, colour),
  };
  if (painter) {
    painter.postMessage(
      drawing,
      drawing.batches.map((b) => b.coords.buffer),
    );
    return;
  }
  canvas.width = drawing.pixelWidth;
  canvas.height = drawing.pixelHeight;
  drawEdges(ctx!, drawing);
}

/**
 * Every edge of a large net on one canvas, beneath the SVG on top (see CANVAS_EDGES). The pointer is matched
 * to the nearest edge's line: hovering one shows its tooltip (`onActive`) and a click selects it (`onChoose`),
 * as on an SVG edge.
 */
export function GraphEdgeCanvas({
  groups,
  x = 0,
  y = 0,
  width,
  height,
  onActive,
  onChoose,
}: {
  groups: readonly EdgeView[][];
  /** The view box drawn (drawing coordinates), as the SVG layers' viewBox. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  onActive: (id: EdgeId | null) => void;
  onChoose: (id: EdgeId) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useLessonStore((s) => s.theme);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const drawn = useRef<{ groups: readonly EdgeView[][]; key: string } | null>(null);
  const views = useRef<EdgeView[]>([]);
  /** The sign colours of the theme last drawn in (read from the page once per theme). */
  const colours = useRef<{ theme: string; colour: (sign: string) => string } | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }),
    );
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      releasePainter(canvas);
    };
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || size.width === 0) return;
    const key = `${size.width}x${size.height}/${x},${y},${width}x${height}/${theme}`;
    const last = drawn.current;
    // Redraw when the size, the theme or the look of an edge changed; a group whose array is the same as last
    // time has not changed at all (GraphViews keeps it), so only the others are compared.
    const changed =
      !last ||
      last.key !== key ||
      last.groups.length !== groups.length ||
      groups.some((g, i) => !sameLooks(g, last.groups[i]));
    views.current = groups.flat();
    shown.set(canvas, views.current);
    drawn.current = { groups, key };
    if (!changed) return;
    if (colours.current?.theme !== theme) colours.current = { theme, colour: signColours(canvas) };
    paint(canvas, views.current, { x, y, width, height }, size, colours.current.colour);
  }, [groups, size, x, y, width, height, theme]);

  const pick = (ev: MouseEvent) => {
    const canvas = ref.current;
    if (!canvas) return null;
    const r = canvas.getBoundingClientRect();
    const { scale, dx, dy } = fitBox({ width, height }, r);
    const px = x + (ev.clientX - r.left - dx) / scale;
    const py = y + (ev.clientY - r.top - dy) / scale;
    return pickEdge(views.current, px, py, PICK_PX / scale);
  };

  return (
    <canvas
      ref={ref}
      className="graph-layer graph-layer--edges graph-edge-canvas"
      data-testid="edge-canvas"
      aria-hidden="true"
      onMouseMove={(ev) => onActive(pick(ev))}
      onClick={(ev) => {
        const id = pick(ev);
        if (id) onChoose(id);
      }}
    />
  );
}
