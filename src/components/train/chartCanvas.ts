/**
 * The page's side of a line chart's canvas: the series' styles read from their SVG paths, and each picture
 * handed to the chart worker (chartWorker.ts, drawing on the canvas's offscreen twin) where the browser can
 * draw off the page's thread, else drawn here (chartDraw.ts, the same code).
 */
import { samePixels, type ChartBox, type ChartGeometry } from '../../layout';
import {
  drawChart,
  type ChartDrawing,
  type ChartMemo,
  type LineStyle,
  type PainterMessage,
} from './chartDraw';
import type { LineSeries } from './LineChart';

/**
 * What the page keeps of a chart's canvas: the stroke colour and width of each series' (empty) SVG path, read
 * once per theme, and the last picture sent (so an unchanged picture is neither sent nor drawn again).
 */
export interface Strokes {
  theme: number;
  styles: { color: string; width: number }[];
  sent?: { canvas: HTMLCanvasElement; drawing: ChartDrawing };
}

/** The worker drawing the charts (null where none can be had); created with the first canvas handed over. */
let worker: Worker | null | undefined;
let nextId = 1;
/** Each canvas handed over, by its id in the worker; null for one drawn here. */
const handed = new WeakMap<HTMLCanvasElement, number | null>();
/** What drawChart keeps of each canvas drawn here. */
const memos = new WeakMap<HTMLCanvasElement, ChartMemo>();

const post = (m: PainterMessage, transfer: Transferable[] = []) => worker?.postMessage(m, transfer);

/**
 * Pictures drawn in the current task, posted together at its end: one message (and one wake-up of the worker's
 * thread) a frame for all the charts, not one per chart.
 */
let pictures: PainterMessage[] = [];
function postPicture(m: PainterMessage): void {
  if (pictures.length === 0)
    queueMicrotask(() => {
      worker?.postMessage(pictures);
      pictures = [];
    });
  pictures.push(m);
}

/** The canvas's id in the worker, handing it over on first use; null where it is drawn on the page. */
function workerIdOf(canvas: HTMLCanvasElement): number | null {
  const known = handed.get(canvas);
  if (known !== undefined) return known;
  let id: number | null = null;
  if (typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function') {
    try {
      worker ??= new Worker(new URL('./chartWorker.ts', import.meta.url), { type: 'module' });
      const offscreen = canvas.transferControlToOffscreen();
      id = nextId++;
      post({ id, canvas: offscreen }, [offscreen]);
    } catch {
      id = null;
      worker ??= null;
    }
  }
  handed.set(canvas, id);
  return id;
}

/** Lets the worker drop a canvas that has left the page (kept while React only re-runs its effects). */
export function releaseChartCanvas(canvas: HTMLCanvasElement): void {
  window.setTimeout(() => {
    if (canvas.isConnected) return;
    const id = handed.get(canvas);
    if (id) post({ id, release: true });
    handed.delete(canvas);
    memos.delete(canvas);
  }, 0);
}

/**
 * Draws the series that have pixels (the long ones) on the canvas laid under the SVG, at the device's pixel
 * ratio, each in its SVG path's computed stroke colour and width, so themes apply as to the short ones. Sized
 * from the chart's box (the SVG is drawn at its box's width in CSS pixels) and styled from `strokes` (read again
 * only when the theme changes): no layout or style is read while the history grows. `storeOnMove`: see
 * drawChart.
 */
export function drawCanvas(
  canvas: HTMLCanvasElement,
  svg: SVGSVGElement,
  geometry: ChartGeometry,
  box: ChartBox,
  series: readonly LineSeries[],
  strokes: { current: Strokes | null },
  theme: number,
  storeOnMove: boolean,
): void {
  if (strokes.current?.theme !== theme || strokes.current.styles.length !== geometry.paths.length) {
    const groups = svg.querySelectorAll('g.series');
    strokes.current = {
      theme,
      styles: geometry.paths.map((_, n) => {
        const path = groups[n]?.querySelector('path');
        const style = path ? getComputedStyle(path) : null;
        return { color: style?.stroke ?? '', width: parseFloat(style?.strokeWidth ?? '') || 1.8 };
      }),
    };
  }
  const ratio = window.devicePixelRatio || 1;
  const styles: LineStyle[] = strokes.current.styles.map((s, n) => ({
    ...s,
    dashed: series[n]?.dashed === true,
  }));
  const drawing: ChartDrawing = {
    pixelWidth: Math.round(box.width * ratio),
    pixelHeight: Math.round(box.height * ratio),
    width: box.width,
    height: box.height,
    pixels: geometry.paths.map((p) => p.pixels),
    styles,
    storeOnMove,
  };
  const sent = strokes.current.sent;
  if (
    sent?.canvas === canvas &&
    sent.drawing.pixelWidth === drawing.pixelWidth &&
    sent.drawing.pixelHeight === drawing.pixelHeight &&
    sent.drawing.width === drawing.width &&
    JSON.stringify(sent.drawing.styles) === JSON.stringify(styles) &&
    samePixels(sent.drawing.pixels, drawing.pixels)
  )
    return;
  strokes.current.sent = { canvas, drawing };
  const id = workerIdOf(canvas);
  if (id !== null) {
    postPicture({ id, drawing });
    return;
  }
  let memo = memos.get(canvas);
  if (!memo) memos.set(canvas, (memo = {}));
  drawChart(canvas, drawing, memo, () => document.createElement('canvas'));
}
