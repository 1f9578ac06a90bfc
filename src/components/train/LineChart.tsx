import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { indexAt, lineChart, type ChartBox, type ChartMark, type GrowingMemo } from '../../layout';
import { Axes } from './ChartAxes';
import { drawCanvas, releaseChartCanvas, type Strokes } from './chartCanvas';
import { useThemeVersion, useWidth } from './chartHooks';
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
  /** The series grow (a run going on): the x axis ends at a round number past the last point (xEndGrowing). */
  xGrowing?: boolean;
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
  const {
    title,
    series,
    xLabel,
    yLabel,
    formatY,
    formatX,
    yDomain,
    compact = false,
    marks,
    xGrowing = false,
  } = props;
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
        xGrowing,
      }),
    [series, box, yDomain, compact, xGrowing],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onCanvas = geometry.paths.some((p) => p.pixels !== null);
  const theme = useThemeVersion(onCanvas);
  const strokes = useRef<Strokes | null>(null);
  useLayoutEffect(() => {
    if (onCanvas && canvasRef.current && svgRef.current)
      drawCanvas(canvasRef.current, svgRef.current, geometry, box, series, strokes, theme, xGrowing);
  }, [onCanvas, geometry, box, series, theme, xGrowing]);
  // a canvas leaving the page: its drawer lets it go
  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas) releaseChartCanvas(canvas);
    };
  }, [onCanvas]);
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
