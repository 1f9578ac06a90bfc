import { memo } from 'react';
import type { ChartBox, Tick } from '../../layout';

export interface AxesProps {
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
export const Axes = memo(
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
