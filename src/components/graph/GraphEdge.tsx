import { memo } from 'react';
import { LINE_EM, type EdgeGeom, type Sign } from '../../layout';
import type { EdgeView, Mark } from './views';

export type { Mark } from './views';

interface EdgeProps {
  /** The edge's geometry: the same object for the whole layout. */
  geom: EdgeGeom;
  /** Stroke width by |w|, sign class and dash pattern. */
  width: number;
  sign: Sign;
  dash: string | undefined;
  aria: string;
  mark: Mark;
  onPath: boolean;
  selected: boolean;
  /** A wide invisible stroke that takes the pointer (without it, only the line itself does). */
  hit: boolean;
  /** Whether this is the graph's one tab stop (roving tabindex). */
  tabbable: boolean;
}

/**
 * One weight: a focusable button drawn as a line (width |w|, colour and dash by sign) over a wide hit area.
 * How it stands in the current step is in data attributes only: the lit, selected and hovered edges are drawn
 * again on top (GraphEdgeCopy), so a step changes no pixel of the ~10⁴ edges beneath.
 */
export const GraphEdge = memo(function GraphEdge(props: EdgeProps) {
  const { geom, width, sign, dash, aria, mark, onPath, selected, hit, tabbable } = props;
  return (
    <g
      className={`graph-edge graph-edge--${sign}`}
      data-id={geom.id}
      data-highlighted={mark === 'highlighted' || undefined}
      data-dimmed={mark === 'dimmed' || undefined}
      data-path={onPath || undefined}
      data-selected={selected || undefined}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={aria}
      aria-pressed={selected}
    >
      <path className="graph-edge__line" d={geom.d} strokeWidth={width} strokeDasharray={dash} />
      {hit && <path className="graph-edge__hit" d={geom.d} strokeWidth={Math.max(10, width + 8)} />}
    </g>
  );
});

/**
 * An edge drawn again, on top of the dimmed drawing, at full strength with a halo: lit by the current step,
 * on the chain-rule path, selected, or under the pointer or keyboard focus (`active`, with a ring).
 */
export const GraphEdgeCopy = memo(function GraphEdgeCopy({
  view,
  active,
}: {
  view: EdgeView;
  active: boolean;
}) {
  const { geom, width, sign, dash, mark, onPath, selected } = view;
  const cls = [
    'graph-edge-copy',
    `graph-edge--${sign}`,
    mark === 'highlighted' && 'is-highlighted',
    onPath && 'is-path',
    selected && 'is-selected',
    active && 'is-active',
  ];
  return (
    <g className={cls.filter(Boolean).join(' ')} data-copy-of={geom.id}>
      {active && <path className="graph-edge__ring" d={geom.d} strokeWidth={Math.max(10, width + 8)} />}
      {(mark === 'highlighted' || onPath || selected) && (
        <path className="graph-edge__halo" d={geom.d} strokeWidth={width + 6} />
      )}
      <path className="graph-edge__line" d={geom.d} strokeWidth={width} strokeDasharray={dash} />
    </g>
  );
});

/**
 * The edges into one neuron. Re-renders only when one of them changed (GraphViews keeps the array otherwise),
 * so a step touches a few groups, not every edge of a large net. Renders no element of its own.
 */
export const GraphEdgeGroup = memo(function GraphEdgeGroup({
  views,
  hit,
  tabbable,
}: {
  views: EdgeView[];
  hit: boolean;
  /** The group's edge that is the graph's tab stop, if it is one of them (only then does the group re-render). */
  tabbable: string | null;
}) {
  return views.map((v) => (
    <GraphEdge
      key={v.geom.id}
      geom={v.geom}
      width={v.width}
      sign={v.sign}
      dash={v.dash}
      aria={v.aria}
      mark={v.mark}
      onPath={v.onPath}
      selected={v.selected}
      hit={hit}
      tabbable={v.geom.id === tabbable}
    />
  ));
});

interface LabelProps {
  geom: EdgeGeom;
  /** Centre of the label. */
  at: { x: number; y: number };
  width: number;
  fontSize: number;
  sign: Sign;
  value: string;
  /** The updated weight w⁺, once shown. */
  next: string | null;
  dimmed: boolean;
}

/** A weight's value in a box on its edge, with the updated value beneath once it is known. */
export const GraphLabel = memo(function GraphLabel({
  geom,
  at,
  width,
  fontSize,
  sign,
  value,
  next,
  dimmed,
}: LabelProps) {
  const lines = next === null ? 1 : 2;
  const h = lines * LINE_EM * fontSize + 0.4 * fontSize;
  const y0 = next === null ? 0 : (-LINE_EM / 2) * fontSize;
  return (
    <g
      className={`graph-label graph-label--${sign}${dimmed ? ' is-dimmed' : ''}`}
      data-for={geom.id}
      transform={`translate(${at.x},${at.y})`}
      fontSize={fontSize}
      aria-hidden="true"
    >
      <rect
        className="graph-label__box"
        x={-width / 2}
        y={-h / 2}
        width={width}
        height={h}
        rx={fontSize * 0.3}
      />
      <text className="graph-label__text" y={y0} textAnchor="middle" dominantBaseline="central">
        {value}
      </text>
      {next !== null && (
        <text
          className="graph-label__next"
          y={(LINE_EM / 2) * fontSize}
          textAnchor="middle"
          dominantBaseline="central"
        >
          → {next}
        </text>
      )}
    </g>
  );
});
