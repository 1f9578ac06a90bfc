import { polylineLength, samePixels, samePrefix, type ChartBox, type ChartGeometry } from '../../layout';
import type { LineSeries } from './LineChart';

/**
 * The stroke colour and width of each series' (empty) SVG path, read once per theme; what the canvas last drew
 * (its size and each series' pixels), so an unchanged picture is not drawn again; and the stored picture of each
 * series' points but its last few (`base`), drawn again only when those points move.
 */
export interface Strokes {
  theme: number;
  styles: { color: string; width: number }[];
  drawn?: { canvas: HTMLCanvasElement; w: number; h: number; pixels: (Float64Array | null)[] };
  base?: Base;
}

/** An offscreen picture of the first `upto[n]` points of each series, and the dash offset where each stops. */
interface Base {
  canvas: HTMLCanvasElement;
  w: number;
  h: number;
  pixels: (Float64Array | null)[];
  upto: number[];
  offsets: number[];
}

/** Points of a series left out of the stored picture (its last buckets', which change as the history grows). */
const TAIL = 16;
/** Points drawn over the stored picture each frame before it is made again. */
const REST_MAX = 96;

/** Strokes points from … to − 1 of a series (one point: a dot), dashes starting `offset` along. */
function strokePoints(
  ctx: CanvasRenderingContext2D,
  px: Float64Array,
  from: number,
  to: number,
  style: { color: string; width: number },
  dashed: boolean,
  offset: number,
): void {
  if (to <= from) return;
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(dashed ? [5, 3] : []);
  ctx.lineDashOffset = offset;
  ctx.beginPath();
  ctx.moveTo(px[2 * from], px[2 * from + 1]);
  for (let k = from + 1; k < to; k++) ctx.lineTo(px[2 * k], px[2 * k + 1]);
  if (to - from === 1) ctx.lineTo(px[2 * from] + 0.01, px[2 * from + 1]);
  ctx.stroke();
}

/**
 * Draws the series that have pixels (the long ones) on the canvas laid under the SVG, at the device's pixel
 * ratio, each in its SVG path's computed stroke colour and width, so themes apply as to the short ones. Sized
 * from the chart's box (the SVG is drawn at its box's width in CSS pixels) and styled from `strokes` (read again
 * only when the theme changes): no layout or style is read while the history grows.
 *
 * A growing history changes only its last few points while its axes stand still: once a frame finds each
 * series' points but its last TAIL where the last frame had them, those are kept in an offscreen picture, copied
 * each frame with the rest drawn over it, until one of them moves (an axis step, a theme or size change) or the
 * rest has grown past REST_MAX. While they move every frame (the axis at full speed), the lines are drawn whole;
 * with `storeOnMove` (the axis has slack and holds for some frames after each step) the picture is stored on the
 * step's own frame, so each step strokes the lines once, not twice.
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
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(box.width * ratio);
  const h = Math.round(box.height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (strokes.current?.theme !== theme || strokes.current.styles.length !== geometry.paths.length) {
    const groups = svg.querySelectorAll('g.series');
    strokes.current = {
      theme,
      styles: geometry.paths.map((_, n) => {
        const path = groups[n]?.querySelector('path');
        const style = path ? getComputedStyle(path) : null;
        return { color: style?.stroke ?? '', width: parseFloat(style?.strokeWidth ?? '') || 1.8 };
      }),
      // a new theme: the stored picture goes with the old colours
      base: strokes.current?.base && { ...strokes.current.base, w: 0 },
    };
  }
  const pixels = geometry.paths.map((p) => p.pixels);
  const drawn = strokes.current.drawn;
  // the canvas still shows these pixels (a frame that added no point and moved no axis)
  if (drawn?.canvas === canvas && drawn.w === w && drawn.h === h && samePixels(drawn.pixels, pixels)) return;
  const before = drawn?.canvas === canvas && drawn.w === w && drawn.h === h ? drawn.pixels : null;
  strokes.current.drawn = { canvas, w, h, pixels };
  const styles = strokes.current.styles;
  const dashed = (n: number) => series[n]?.dashed === true;
  const count = (px: Float64Array | null) => (px ? px.length / 2 : 0);
  let base = strokes.current.base;
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
    // the points that would be stored moved since the last frame (the axis steps every frame at full speed):
    // the lines drawn whole, no picture stored
    const steady =
      before !== null &&
      before.length === pixels.length &&
      pixels.every((px, n) => {
        const upto = count(px) - TAIL;
        const old = before[n];
        return upto < 2 || (px !== null && old !== null && samePrefix(old, px, upto));
      });
    // with x slack (a run going on) the axis holds for some frames after a step: the picture is stored at once
    if (!steady && !storeOnMove) {
      strokes.current.base = undefined;
      ctx.setTransform(w / box.width, 0, 0, h / box.height, 0, 0);
      ctx.clearRect(0, 0, box.width, box.height);
      pixels.forEach((px, n) => {
        if (px) strokePoints(ctx, px, 0, count(px), styles[n], dashed(n), 0);
      });
      return;
    }
    const offscreen = base?.canvas ?? document.createElement('canvas');
    if (offscreen.width !== w) offscreen.width = w;
    if (offscreen.height !== h) offscreen.height = h;
    const off = offscreen.getContext('2d');
    if (!off) return;
    off.setTransform(w / box.width, 0, 0, h / box.height, 0, 0);
    off.clearRect(0, 0, box.width, box.height);
    const upto = pixels.map((px) => (count(px) - TAIL >= 2 ? count(px) - TAIL : 0));
    pixels.forEach((px, n) => {
      if (px && upto[n] > 0) strokePoints(off, px, 0, upto[n], styles[n], dashed(n), 0);
    });
    base = {
      canvas: offscreen,
      w,
      h,
      pixels,
      upto,
      offsets: pixels.map((px, n) => (px && upto[n] > 0 && dashed(n) ? polylineLength(px, upto[n]) : 0)),
    };
    strokes.current.base = base;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.drawImage(base!.canvas, 0, 0);
  ctx.setTransform(w / box.width, 0, 0, h / box.height, 0, 0);
  pixels.forEach((px, n) => {
    if (!px) return;
    const upto = base!.upto[n];
    // on from the stored picture's last point (the segment to the next one is not in it)
    const from = upto > 0 ? upto - 1 : 0;
    strokePoints(ctx, px, from, count(px), styles[n], dashed(n), upto > 0 ? base!.offsets[n] : 0);
  });
}
