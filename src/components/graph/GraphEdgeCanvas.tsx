import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useLessonStore } from '../../store';
import type { EdgeView } from './views';
import type { EdgeId } from '../../engine';

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

/** What one edge looks like beneath: the canvas redraws only when one of these changes (or size or theme). */
const lookOf = (v: EdgeView) => `${v.width}|${v.sign}|${v.dash ?? ''}`;

/** Draws the edges, batched into one path per stroke style (colour, dash and width rounded to ¼ px). */
function paint(
  canvas: HTMLCanvasElement,
  views: readonly EdgeView[],
  box: { x: number; y: number; width: number; height: number },
) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return; // no canvas (jsdom): the copies on top still show what the step lights
  const dpr = window.devicePixelRatio || 1;
  const client = { width: canvas.clientWidth, height: canvas.clientHeight };
  canvas.width = Math.max(1, Math.round(client.width * dpr));
  canvas.height = Math.max(1, Math.round(client.height * dpr));
  const { scale, dx, dy } = fitBox(box, client);
  // The view box's origin (x, y) maps to the fitted corner, as the SVG's viewBox does when zoomed or panned.
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * (dx - box.x * scale), dpr * (dy - box.y * scale));
  ctx.clearRect(box.x - dx / scale, box.y - dy / scale, client.width / scale, client.height / scale);
  const style = getComputedStyle(canvas);
  const colour = (sign: string) => style.getPropertyValue(`--graph-${sign}`).trim() || 'gray';
  const batches = new Map<string, { sign: string; dash: number[]; width: number; path: Path2D }>();
  for (const v of views) {
    const width = Math.max(0.25, Math.round(v.width * 4) / 4);
    const key = `${v.sign}|${v.dash ?? ''}|${width}`;
    let b = batches.get(key);
    if (!b) {
      const dash = (v.dash ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      b = { sign: v.sign, dash, width, path: new Path2D() };
      batches.set(key, b);
    }
    b.path.moveTo(v.geom.x1, v.geom.y1);
    b.path.lineTo(v.geom.x2, v.geom.y2);
  }
  ctx.lineCap = 'butt';
  for (const b of batches.values()) {
    ctx.strokeStyle = colour(b.sign);
    ctx.lineWidth = b.width;
    ctx.setLineDash(b.dash);
    ctx.stroke(b.path);
  }
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
  const drawn = useRef<{ groups: readonly EdgeView[][]; looks: string[][]; key: string } | null>(null);
  const views = useRef<EdgeView[]>([]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) }),
    );
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || size.width === 0) return;
    const key = `${size.width}x${size.height}/${x},${y},${width}x${height}/${theme}`;
    const last = drawn.current;
    // Redraw when the size, the theme or the look of an edge changed; a group whose array is the same as last
    // time has not changed at all (GraphViews keeps it), so only the others are compared.
    let changed = !last || last.key !== key || last.groups.length !== groups.length;
    const looks = groups.map((g, i) => {
      if (last && last.groups[i] === g) return last.looks[i];
      const look = g.map(lookOf);
      if (!changed && (last!.looks[i].length !== look.length || look.some((x, k) => x !== last!.looks[i][k])))
        changed = true;
      return look;
    });
    views.current = groups.flat();
    drawn.current = { groups, looks, key };
    if (changed) paint(canvas, views.current, { x, y, width, height });
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
