import { freeTooltipPlace, placeTooltip, type Rect } from '../../layout';
import type { Row } from './describe';
import { SymbolText } from './SymbolText';
import './tooltip.css';

interface TooltipProps {
  /** The hovered element's left and right sides and middle: the tooltip goes right of it, else left. */
  left: number;
  right: number;
  y: number;
  box: { width: number; height: number };
  fontSize: number;
  title: string;
  rows: Row[];
  notYet: string;
  /** Boxes the tooltip should not cover (nodes, targets, labels): it moves to where it covers the least. */
  avoid?: Rect[];
  /** Boxes it may cover before those of `avoid` (the dimmed neurons). */
  faint?: Rect[];
  /** Font size of subscripts (default 70% of fontSize). */
  sub?: number;
  /**
   * Presenter mode's step callout: it covers nothing of `avoid` or `faint`; where the whole box finds no free
   * place it keeps the values computed so far, then the last of them, and is left out if even that fits nowhere.
   */
  callout?: boolean;
}

const CHAR = 0.6;
/** Width of a text in em: a CJK character is about 1.7 Latin ones wide. */
const widthOf = (text: string) =>
  [...text].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 1.7 : 1), 0) * CHAR;

/** The box's size for these rows, and where its value column starts. */
function sizeOf(title: string, rows: Row[], notYet: string, fs: number) {
  const labelW = Math.max(0, ...rows.map((r) => widthOf(r.label))) * fs + fs * 0.8;
  const valueW = Math.max(0, ...rows.map((r) => widthOf(r.value ?? notYet))) * fs;
  const w = Math.max(widthOf(title) * fs, labelW + valueW) + fs * 1.2;
  const h = (rows.length + 1) * 1.35 * fs + fs * 0.8;
  return { labelW, w, h };
}

/** The callout's rows where it fits without covering anything: all, the computed ones, the last computed one. */
function fitCallout(props: TooltipProps) {
  const { left, right, y, box, fontSize: fs, title, rows, notYet } = props;
  const avoid = [...(props.avoid ?? []), ...(props.faint ?? [])];
  const computed = rows.filter((r) => r.value !== null);
  for (const shown of [rows, computed, computed.slice(-1)]) {
    if (shown.length === 0) continue;
    const size = sizeOf(title, shown, notYet, fs);
    const at = freeTooltipPlace({ left, right, y }, size.w, size.h, box, avoid);
    if (at) return { rows: shown, ...size, at };
  }
  return null;
}

/** The values of the hovered or focused element, drawn inside the SVG so it scales with the graph. */
export function GraphTooltip(props: TooltipProps) {
  const { left, right, y, box, fontSize: fs, title, notYet, sub } = props;
  const fitted = props.callout
    ? fitCallout(props)
    : (() => {
        const size = sizeOf(title, props.rows, notYet, fs);
        const at = placeTooltip({ left, right, y }, size.w, size.h, box, props.avoid ?? [], props.faint);
        return { rows: props.rows, ...size, at };
      })();
  if (!fitted) return null;
  const {
    rows,
    labelW,
    w,
    h,
    at: { x, y: top },
  } = fitted;
  const lineY = (i: number) => fs * 0.4 + (i + 0.5) * 1.35 * fs;
  return (
    <g className="graph-tooltip" transform={`translate(${x},${top})`} fontSize={fs} aria-hidden="true">
      <rect className="graph-tooltip__box" width={w} height={h} rx={fs * 0.4} />
      <text className="graph-tooltip__title" x={fs * 0.6} y={lineY(0)} dominantBaseline="central">
        <SymbolText text={title} sub={sub} />
      </text>
      {rows.map((r, i) => (
        <text
          key={r.label}
          className={r.value === null ? 'graph-tooltip__row is-pending' : 'graph-tooltip__row'}
          y={lineY(i + 1)}
          dominantBaseline="central"
        >
          <tspan className="graph-tooltip__label" x={fs * 0.6}>
            <SymbolText text={r.label} sub={sub} />
          </tspan>
          <tspan x={fs * 0.6 + labelW}>{r.value ?? notYet}</tspan>
        </text>
      ))}
    </g>
  );
}
