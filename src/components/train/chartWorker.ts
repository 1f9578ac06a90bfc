/**
 * Draws the line charts' long series on the offscreen twins of their canvases, off the page's thread (see
 * chartCanvas.ts): each canvas is handed over once (`{ id, canvas }`), then drawn (`{ id, drawing }`, the
 * pictures of one frame in one array) until it leaves the page (`{ id, release }`).
 */
import { chartPainter, type PainterMessage } from './chartDraw';

interface ChartWorkerScope {
  onmessage: ((event: MessageEvent<PainterMessage | PainterMessage[]>) => void) | null;
}

const paint = chartPainter(
  () => new OffscreenCanvas(1, 1),
  (draw) => setTimeout(draw, 0),
);
(self as unknown as ChartWorkerScope).onmessage = (e) => {
  if (Array.isArray(e.data)) e.data.forEach(paint);
  else paint(e.data);
};
