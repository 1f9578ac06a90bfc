/**
 * Drawing a line chart's long series on its canvas (LineChart): the same code runs in chartWorker.ts on the
 * canvas's offscreen twin where the browser allows it (rasterising the lines in software then costs the page's
 * thread nothing), else on the page (chartCanvas.ts).
 */
import { polylineLength, samePixels, samePrefix } from '../../layout';

/** How one series is stroked: its SVG path's computed colour and width, and whether it is dashed. */
export interface LineStyle {
  color: string;
  width: number;
  dashed: boolean;
}

/** One picture of a chart's canvas. */
export interface ChartDrawing {
  /** The canvas's size in device pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** The chart's box in its own units (the SVG's view box), mapped onto the whole canvas. */
  width: number;
  height: number;
  /** Per series the pixels of its drawn points (x, y pairs in the chart's units), or null (not on the canvas). */
  pixels: (Float64Array | null)[];
  styles: LineStyle[];
  /**
   * The x axis ends at a round number past the data (a run going on): store the picture on the frame the axis
   * steps (see drawChart).
   */
  storeOnMove: boolean;
}

/** A canvas drawn on: the page's own or an offscreen one. */
export type Surface = HTMLCanvasElement | OffscreenCanvas;

/** The part of a 2D context (on the page or offscreen) that drawChart uses. */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'drawImage'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'setLineDash'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineDashOffset'
>;

const context = (s: Surface) => s.getContext('2d') as DrawContext | null;

/** An offscreen picture of the first `upto[n]` points of each series, and the dash offset where each stops. */
interface Base {
  surface: Surface;
  w: number;
  h: number;
  pixels: (Float64Array | null)[];
  upto: number[];
  offsets: number[];
}

/** What drawChart keeps of one canvas between pictures: the styles and pixels last drawn, the stored picture. */
export interface ChartMemo {
  styles?: string;
  drawn?: { w: number; h: number; pixels: (Float64Array | null)[] };
  base?: Base;
}

/** Points of a series left out of the stored picture (its last buckets', which change as the history grows). */
const TAIL = 16;
/** Points drawn over the stored picture each frame before it is made again. */
const REST_MAX = 96;

/** Strokes points from … to − 1 of a series (one point: a dot), dashes starting `offset` along. */
function strokePoints(
  ctx: DrawContext,
  px: Float64Array,
  from: number,
  to: number,
  style: LineStyle,
  offset: number,
): void {
  if (to <= from) return;
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(style.dashed ? [5, 3] : []);
  ctx.lineDashOffset = offset;
  ctx.beginPath();
  ctx.moveTo(px[2 * from], px[2 * from + 1]);
  for (let k = from + 1; k < to; k++) ctx.lineTo(px[2 * k], px[2 * k + 1]);
  if (to - from === 1) ctx.lineTo(px[2 * from] + 0.01, px[2 * from + 1]);
  ctx.stroke();
}

const count = (px: Float64Array | null) => (px ? px.length / 2 : 0);

/**
 * Draws a picture of the series that have pixels on `canvas` (sized to the drawing's pixels, the chart's units
 * scaled to them); nothing when the canvas already shows it.
 *
 * A growing history changes only its last few points while its axes stand still: once a picture finds each
 * series' points but its last TAIL where the last one had them, those are kept in an offscreen picture (made
 * by `newSurface`), copied each time with the rest drawn over it, until one of them moves (an axis step, a
 * style or size change) or the rest has grown past REST_MAX. While they move every frame (the axis at full
 * speed), the lines are drawn whole; with `storeOnMove` (the axis ends at a round number past the data and
 * holds for some frames after each step) the picture is stored on the step's own frame, so each step strokes the lines once, not twice.
 */
export function drawChart(
  canvas: Surface,
  d: ChartDrawing,
  memo: ChartMemo,
  newSurface: () => Surface,
): void {
  const { pixelWidth: w, pixelHeight: h, pixels } = d;
  const styles = JSON.stringify(d.styles);
  if (memo.styles !== styles) {
    // new colours: nothing drawn so far holds
    memo.styles = styles;
    memo.drawn = undefined;
    memo.base = undefined;
  }
  const drawn = memo.drawn;
  const sameSize = drawn !== undefined && drawn.w === w && drawn.h === h;
  if (sameSize && samePixels(drawn.pixels, pixels)) return;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = context(canvas);
  if (!ctx) return;
  const before = sameSize ? drawn.pixels : null;
  memo.drawn = { w, h, pixels };
  const scale = [w / d.width, 0, 0, h / d.height, 0, 0] as const;
  let base = memo.base;
  const kept =
    base !== undefined &&
    base.w === w &&
    base.h === h &&
    base.pixels.length === pixels.length &&
    pixels.every((px, n) => {
      const upto = base!.upto[n];
      const old = base!.pixels[n];
      if (count(px) - upto > REST_MAX || count(px) < upto) return false;
      return upto === 0 || (px !== null && old !== null && samePrefix(old, px, upto));
    });
  if (!kept) {
    // the points that would be stored moved since the last picture (the axis steps every frame at full
    // speed): the lines drawn whole, no picture stored
    const steady =
      before !== null &&
      before.length === pixels.length &&
      pixels.every((px, n) => {
        const upto = count(px) - TAIL;
        const old = before[n];
        return upto < 2 || (px !== null && old !== null && samePrefix(old, px, upto));
      });
    if (!steady && !d.storeOnMove) {
      memo.base = undefined;
      ctx.setTransform(...scale);
      ctx.clearRect(0, 0, d.width, d.height);
      pixels.forEach((px, n) => {
        if (px) strokePoints(ctx, px, 0, count(px), d.styles[n], 0);
      });
      return;
    }
    const surface = base?.surface ?? newSurface();
    if (surface.width !== w) surface.width = w;
    if (surface.height !== h) surface.height = h;
    const off = context(surface);
    if (!off) return;
    off.setTransform(...scale);
    off.clearRect(0, 0, d.width, d.height);
    const upto = pixels.map((px) => (count(px) - TAIL >= 2 ? count(px) - TAIL : 0));
    pixels.forEach((px, n) => {
      if (px && upto[n] > 0) strokePoints(off, px, 0, upto[n], d.styles[n], 0);
    });
    base = {
      surface,
      w,
      h,
      pixels,
      upto,
      offsets: pixels.map((px, n) =>
        px && upto[n] > 0 && d.styles[n]?.dashed ? polylineLength(px, upto[n]) : 0,
      ),
    };
    memo.base = base;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.drawImage(base!.surface, 0, 0);
  ctx.setTransform(...scale);
  pixels.forEach((px, n) => {
    if (!px) return;
    const upto = base!.upto[n];
    // on from the stored picture's last point (the segment to the next one is not in it)
    const from = upto > 0 ? upto - 1 : 0;
    strokePoints(ctx, px, from, count(px), d.styles[n], upto > 0 ? base!.offsets[n] : 0);
  });
}

/** A message to the chart painter: a canvas handed over, a picture of it, or the canvas gone. */
export type PainterMessage =
  | { id: number; canvas: OffscreenCanvas }
  | { id: number; drawing: ChartDrawing }
  | { id: number; release: true };

/**
 * The chart painter of chartWorker.ts: keeps each canvas handed over (by id) with its memo, and draws the
 * latest picture of each once the messages waiting have been read (`schedule`), so a painter that falls
 * behind skips the pictures already replaced.
 */
export function chartPainter(
  newSurface: () => Surface,
  schedule: (draw: () => void) => void,
): (m: PainterMessage) => void {
  const charts = new Map<number, { canvas: Surface; memo: ChartMemo; pending: ChartDrawing | null }>();
  return (m) => {
    if ('canvas' in m) {
      charts.set(m.id, { canvas: m.canvas, memo: {}, pending: null });
      return;
    }
    if ('release' in m) {
      charts.delete(m.id);
      return;
    }
    const chart = charts.get(m.id);
    if (!chart) return;
    const waiting = chart.pending !== null;
    chart.pending = m.drawing;
    if (waiting) return;
    schedule(() => {
      const d = chart.pending;
      chart.pending = null;
      if (d && charts.get(m.id) === chart) drawChart(chart.canvas, d, chart.memo, newSurface);
    });
  };
}
