import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import {
  indexAt,
  lineChart,
  type ChartBox,
  type ChartGeometry,
  type ChartMark,
  type GrowingMemo,
  type Tick,
  polylineLength,
  samePixels,
  samePrefix,
} from '../../layout';
import './line-chart.css';

export interface LineSeries {
  key: string;
  label: string;
  /** values[i] is the value at x = i + 1; undefined where there is none. */
  values: ArrayLike<number | undefined>;
  /** The x of each value, increasing (default: i + 1). */
  xs?: ArrayLike<number>;
  /** A Float64Array view of a buffer only ever appended to: decimated incrementally, kept in this memo (layout/chart.ts). */
  growing?: GrowingMemo;
  /** Drawn dashed (the non-colour cue between two series). */
  dashed?: boolean;
}

export interface LineChartProps {
  /** The chart's name (heading and accessible name). */
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Tick labels and read-out values. */
  formatY: (v: number) => string;
  /** The read-out's line for position x (the value at `index`): e.g. "Epoch 12". */
  formatX: (x: number, index: number) => string;
  yDomain?: [number, number];
  /**
   * Marks across the plot (e.g. where η changed), each labelled on the chart; `marksLabel` names them for
   * assistive technology in a list beside the chart.
   */
  marks?: readonly ChartMark[];
  marksLabel?: string;
  /** Pixels the x axis may end past the last point, in steps (see xEnd in layout/chart.ts; default 1). */
  xSlack?: number;
  /** A small chart without axis titles or legend (the step view's loss per iteration). */
  compact?: boolean;
  className?: string;
}

const FULL: ChartBox = { width: 480, height: 220, margin: { top: 10, right: 14, bottom: 38, left: 56 } };
const COMPACT: ChartBox = { width: 200, height: 52, margin: { top: 5, right: 6, bottom: 15, left: 40 } };
/** Series longer than this are drawn on a canvas under the SVG (one bitmap, not a long path to lay out). */
export const CANVAS_ABOVE = 500;

/**
 * A line chart of values per epoch (or iteration): D3 computes scales, ticks and decimated paths; this draws
 * them. Hovering, or the arrow keys on the focused chart (Home/End, Page Up/Down for tenths), show the exact
 * values at one x in a read-out (in the step view, where ← and → step the lesson, ↑ and ↓ move it).
 */
export const LineChart = memo(function LineChart(props: LineChartProps) {
  const { title, series, xLabel, yLabel, formatY, formatX, yDomain, compact = false, marks, xSlack } = props;
  // the full chart takes its figure's width (so its type stays at its size on a phone); the compact one is fixed
  const figure = useRef<HTMLElement>(null);
  const measured = useWidth(figure, !compact);
  const box = useMemo(
    () => (compact ? COMPACT : { ...FULL, width: Math.max(240, Math.round(measured ?? FULL.width)) }),
    [compact, measured],
  );
  const geometry = useMemo(
    () =>
      lineChart(series, box, {
        yDomain,
        xTicks: compact ? 3 : 6,
        yTicks: compact ? 2 : 5,
        canvasAbove: CANVAS_ABOVE,
        xSlack,
      }),
    [series, box, yDomain, compact, xSlack],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onCanvas = geometry.paths.some((p) => p.pixels !== null);
  const theme = useThemeVersion(onCanvas);
  const strokes = useRef<Strokes | null>(null);
  useLayoutEffect(() => {
    if (onCanvas && canvasRef.current && svgRef.current)
      drawCanvas(canvasRef.current, svgRef.current, geometry, box, series, strokes, theme, (xSlack ?? 1) > 1);
  }, [onCanvas, geometry, box, series, theme, xSlack]);
  const [at, setAt] = useState<number | null>(null);
  const index = at === null ? null : Math.min(at, geometry.count - 1);
  const shown = index !== null && index >= 0 ? index : null;
  const { x, y, xTicks, yTicks, paths, count, xOf } = geometry;
  const { width, height, margin } = box;
  const readout =
    shown === null
      ? null
      : [
          formatX(xOf(shown), shown),
          ...series.map((s) => {
            const v = s.values[shown];
            return `${s.label} ${v === undefined || !Number.isFinite(v) ? '—' : formatY(v)}`;
          }),
        ].join(' · ');

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width === 0) return;
    setAt(indexAt(geometry, ((e.clientX - rect.left) / rect.width) * width));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (count === 0) return;
    const here = shown ?? count - 1;
    const tenth = Math.max(1, Math.round(count / 10));
    const to: Record<string, number> = {
      ArrowRight: here + 1,
      ArrowUp: here + 1,
      ArrowLeft: here - 1,
      ArrowDown: here - 1,
      PageUp: here + tenth,
      PageDown: here - tenth,
      Home: 0,
      End: count - 1,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    setAt(Math.min(count - 1, Math.max(0, to[e.key])));
  };

  return (
    <figure ref={figure} className={`line-chart${compact ? ' compact' : ''} ${props.className ?? ''}`}>
      {!compact && <figcaption className="line-chart-title">{title}</figcaption>}
      <div className="line-chart-plot">
        {onCanvas && <canvas ref={canvasRef} aria-hidden="true" data-testid="chart-canvas" />}
        <svg
          ref={svgRef}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={title}
          tabIndex={0}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setAt(null)}
          onBlur={() => setAt(null)}
          onFocus={() => setAt(count > 0 ? count - 1 : null)}
          onKeyDown={onKeyDown}
        >
          <Axes
            box={box}
            xTicks={xTicks}
            yTicks={yTicks}
            formatY={formatY}
            xLabel={compact ? null : xLabel}
            yLabel={compact ? null : yLabel}
          />
          {paths.map((p, n) => (
            <g key={p.key} className={`series series-${n}`} data-series={p.key} data-points={p.drawn}>
              <path d={p.d} fill="none" strokeDasharray={series[n].dashed ? '5 3' : undefined} />
              {p.last && <circle className="last" cx={p.last.x} cy={p.last.y} r={2.5} />}
            </g>
          ))}
          {marks?.map((m, n) => (
            <g key={`${m.x}:${n}`} className="chart-mark" data-testid="chart-mark">
              <line x1={x(m.x)} x2={x(m.x)} y1={margin.top} y2={height - margin.bottom} />
              <text x={x(m.x) + 3} y={margin.top + 9 + (n % 3) * 11}>
                {m.label}
              </text>
            </g>
          ))}
          {shown !== null && (
            <g className="readout-mark">
              <line x1={x(xOf(shown))} x2={x(xOf(shown))} y1={margin.top} y2={height - margin.bottom} />
              {series.map((s, n) => {
                const v = s.values[shown];
                return v === undefined || !Number.isFinite(v) ? null : (
                  <circle key={s.key} className={`series-${n}`} cx={x(xOf(shown))} cy={y(v)} r={3.5} />
                );
              })}
            </g>
          )}
        </svg>
      </div>
      {!compact && (
        <ul className="legend">
          {series.map((s, n) => (
            <li key={s.key} className={`series-${n}${s.dashed ? ' dashed' : ''}`}>
              <svg width="22" height="8" aria-hidden="true">
                <line x1="1" x2="21" y1="4" y2="4" strokeDasharray={s.dashed ? '5 3' : undefined} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {marks && marks.length > 0 && (
        <ul className="visually-hidden" aria-label={props.marksLabel}>
          {marks.map((m, n) => (
            <li key={`${m.x}:${n}`}>{m.description}</li>
          ))}
        </ul>
      )}
      {(!compact || readout) && (
        <p className="readout" aria-live="polite" data-testid="chart-readout">
          {readout ?? '\u00a0'}
        </p>
      )}
    </figure>
  );
});

interface AxesProps {
  box: ChartBox;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  formatY: (v: number) => string;
  /** The axes' titles (null on the compact chart). */
  xLabel: string | null;
  yLabel: string | null;
}

/** Whether two lists of ticks have the same values at the same places. */
const sameTicks = (a: readonly Tick[], b: readonly Tick[]) =>
  a.length === b.length && a.every((t, n) => t.value === b[n].value && t.at === b[n].at);

/**
 * The chart's axes, ticks, grid and titles: rendered again only when a tick moves or another prop changes (not
 * on every frame of a run whose axes stand still).
 */
const Axes = memo(
  function Axes({ box, xTicks, yTicks, formatY, xLabel, yLabel }: AxesProps) {
    const { width, height, margin } = box;
    return (
      <>
        <g className="axis axis-x" data-testid="x-axis">
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={height - margin.bottom}
            y2={height - margin.bottom}
          />
          {xTicks.map((tk) => (
            <g key={tk.value} className="tick" transform={`translate(${tk.at},${height - margin.bottom})`}>
              <line y2={4} />
              <text y={xLabel === null ? 13 : 15} textAnchor="middle">
                {tk.value}
              </text>
            </g>
          ))}
          {xLabel !== null && (
            <text
              className="axis-title"
              x={(margin.left + width - margin.right) / 2}
              y={height - 4}
              textAnchor="middle"
            >
              {xLabel}
            </text>
          )}
        </g>
        <g className="axis axis-y" data-testid="y-axis">
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={height - margin.bottom} />
          {yTicks.map((tk) => (
            <g key={tk.value} className="tick" transform={`translate(${margin.left},${tk.at})`}>
              <line x2={-4} />
              <line className="grid" x2={width - margin.left - margin.right} />
              <text x={-7} dy="0.32em" textAnchor="end">
                {formatY(tk.value)}
              </text>
            </g>
          ))}
          {yLabel !== null && (
            <text
              className="axis-title"
              transform={`translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
          )}
        </g>
      </>
    );
  },
  (a, b) =>
    a.box === b.box &&
    a.formatY === b.formatY &&
    a.xLabel === b.xLabel &&
    a.yLabel === b.yLabel &&
    sameTicks(a.xTicks, b.xTicks) &&
    sameTicks(a.yTicks, b.yTicks),
);

/**
 * The stroke colour and width of each series' (empty) SVG path, read once per theme; what the canvas last drew
 * (its size and each series' pixels), so an unchanged picture is not drawn again; and the stored picture of each
 * series' points but its last few (`base`), drawn again only when those points move.
 */
interface Strokes {
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
function drawCanvas(
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

/** A number that changes when the page's theme (or the system's colour scheme) does, while `wanted`. */
function useThemeVersion(wanted: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!wanted) return;
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener('change', bump);
    window.addEventListener('resize', bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', bump);
      window.removeEventListener('resize', bump);
    };
  }, [wanted]);
  return version;
}

/** The width of an element, followed as it changes (null before it is measured or when not wanted). */
function useWidth(ref: RefObject<HTMLElement | null>, wanted: boolean): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!wanted || !el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, wanted]);
  return width;
}
