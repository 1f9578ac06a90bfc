/**
 * Draws a large net's edges on the offscreen twin of the graph's edge canvas, off the page's thread (see
 * GraphEdgeCanvas). The first message hands over the canvas (`{ canvas }`); each later one is a drawing.
 */
import { drawEdges, type EdgeDrawing } from './edgeDraw';

interface EdgeWorkerScope {
  onmessage: ((event: MessageEvent<{ canvas: OffscreenCanvas } | EdgeDrawing>) => void) | null;
}

let canvas: OffscreenCanvas | null = null;
const scope = self as unknown as EdgeWorkerScope;
scope.onmessage = (e) => {
  if ('canvas' in e.data) {
    canvas = e.data.canvas;
    return;
  }
  if (!canvas) return;
  const d = e.data;
  canvas.width = d.pixelWidth;
  canvas.height = d.pixelHeight;
  const ctx = canvas.getContext('2d');
  if (ctx) drawEdges(ctx, d);
};
