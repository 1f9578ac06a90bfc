import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawEdges, edgeBatches, type EdgeContext } from '../../../src/components/graph/edgeDraw';
import type { EdgeView } from '../../../src/components/graph/views';

/** A context that writes down what is drawn: each stroke with its style and its segments. */
function recorder() {
  const strokes: Array<{
    colour: unknown;
    width: number;
    dash: number[];
    cap: string;
    segments: number[][];
  }> = [];
  let segments: number[][] = [];
  let from: number[] = [];
  let dash: number[] = [];
  const ctx: EdgeContext & { calls: unknown[] } = {
    calls: [],
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'round',
    setTransform: (...m) => ctx.calls.push(['transform', ...m]),
    clearRect: (...r) => ctx.calls.push(['clear', ...r]),
    beginPath: () => (segments = []),
    moveTo: (x, y) => (from = [x, y]),
    lineTo: (x, y) => segments.push([...from, x, y]),
    setLineDash: (d) => (dash = d),
    stroke: () =>
      strokes.push({ colour: ctx.strokeStyle, width: ctx.lineWidth, dash, cap: ctx.lineCap, segments }),
  };
  return { ctx, strokes };
}

/**
 * What the canvas drew before the strokes moved to a worker (GraphEdgeCanvas's paint, its batching kept here
 * as written then): one Path2D per stroke style, keyed by sign, dash and width rounded to ¼ px.
 */
function reference(views: readonly EdgeView[], colour: (sign: string) => string) {
  const batches = new Map<string, { sign: string; dash: number[]; width: number; segments: number[][] }>();
  for (const v of views) {
    const width = Math.max(0.25, Math.round(v.width * 4) / 4);
    const key = `${v.sign}|${v.dash ?? ''}|${width}`;
    let b = batches.get(key);
    if (!b) {
      const dash = (v.dash ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      b = { sign: v.sign, dash, width, segments: [] };
      batches.set(key, b);
    }
    b.segments.push([v.geom.x1, v.geom.y1, v.geom.x2, v.geom.y2]);
  }
  return [...batches.values()].map((b) => ({
    colour: colour(b.sign),
    width: b.width,
    dash: b.dash,
    cap: 'butt',
    segments: b.segments,
  }));
}

const coordinate = fc.double({ min: -2000, max: 2000, noNaN: true });
const view = fc
  .record({
    x1: coordinate,
    y1: coordinate,
    x2: coordinate,
    y2: coordinate,
    width: fc.double({ min: 0, max: 8, noNaN: true }),
    sign: fc.constantFrom('pos', 'neg', 'zero'),
    dash: fc.constantFrom(undefined, '4 2', '2,2', '6 3 1 3'),
  })
  .map(
    ({ x1, y1, x2, y2, width, sign, dash }) =>
      ({ geom: { id: 'e', x1, y1, x2, y2 }, width, sign, dash }) as unknown as EdgeView,
  );
const colour = (sign: string) => `var(--${sign})`;

describe('drawing a large net’s edges', () => {
  it('strokes the same segments in the same styles and order as the canvas did on the page', () => {
    fc.assert(
      fc.property(fc.array(view, { maxLength: 300 }), (views) => {
        const { ctx, strokes } = recorder();
        drawEdges(ctx, {
          pixelWidth: 10,
          pixelHeight: 10,
          transform: [2, 0, 0, 2, 5, 6],
          clear: [0, 0, 10, 10],
          batches: edgeBatches(views, colour),
        });
        expect(strokes).toEqual(reference(views, colour));
        expect(ctx.calls).toEqual([
          ['transform', 2, 0, 0, 2, 5, 6],
          ['clear', 0, 0, 10, 10],
        ]);
      }),
    );
  });
});
