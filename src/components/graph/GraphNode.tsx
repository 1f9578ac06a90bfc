import { memo } from 'react';
import { symbolAbove, type NodeDetail, type NodeGeom } from '../../layout';
import type { Letters } from './describe';
import { SymbolText } from './SymbolText';
import type { Mark } from './views';

interface NodeProps {
  geom: NodeGeom;
  detail: NodeDetail;
  fontSize: number;
  valueFontSize: number;
  symbol: string;
  /** The letters marking z, a and δ, in the lesson's notation (z, a, δ when not given). */
  letters?: Letters;
  /** Formatted values shown so far: x for inputs; z, a, δ for neurons (null = not yet). */
  x?: string | null;
  z?: string | null;
  a?: string | null;
  delta?: string | null;
  aria: string;
  mark: Mark;
  onPath: boolean;
  /** Whether this is the graph's one tab stop (roving tabindex; the others are reached with ↑/↓). */
  tabbable: boolean;
  /** Smallest font size of any text (subscripts included). */
  minFont: number;
}

const STANDARD_LETTERS: Letters = { z: 'z', a: 'a', delta: 'δ' };

/** A neuron (or input) as a focusable circle: its symbol, z and a inside, δ in a badge on its rim. */
export const GraphNode = memo(function GraphNode(props: NodeProps) {
  const { geom, detail, fontSize: fs, valueFontSize: vf, symbol, x, z, a, delta, aria, mark, onPath } = props;
  const sub = Math.max(props.minFont, fs * 0.7);
  const above = symbolAbove(detail);
  const values = detail === 'full' || detail === 'value';
  const letters = props.letters ?? STANDARD_LETTERS;
  const r = geom.r;
  const input = geom.layer === 0;
  const cls = [
    'graph-node',
    input ? 'graph-node--input' : 'graph-node--neuron',
    `is-${mark}`,
    onPath && 'is-path',
  ];
  const badgeW = delta ? (delta.length + letters.delta.length + 1) * 0.6 * vf + 0.8 * vf : 0;
  return (
    <g
      className={cls.filter(Boolean).join(' ')}
      data-id={geom.id}
      data-highlighted={mark === 'highlighted' || undefined}
      data-dimmed={mark === 'dimmed' || undefined}
      data-path={onPath || undefined}
      transform={`translate(${geom.x},${geom.y})`}
      role="button"
      tabIndex={props.tabbable ? 0 : -1}
      aria-label={aria}
    >
      {geom.rx > r ? (
        <rect
          className="graph-node__circle"
          x={-geom.rx}
          y={-r}
          width={2 * geom.rx}
          height={2 * r}
          rx={r}
          ry={r}
        />
      ) : (
        <circle className="graph-node__circle" r={r} />
      )}
      {above && (
        <text className="graph-node__symbol" y={-r - fs * 0.45} fontSize={fs} textAnchor="middle">
          <SymbolText text={symbol} sub={sub} />
        </text>
      )}
      {detail === 'symbol' && (
        <text className="graph-node__symbol" fontSize={fs} textAnchor="middle" dominantBaseline="central">
          <SymbolText text={symbol} sub={sub} />
        </text>
      )}
      {values && input && (
        <text
          className="graph-node__value"
          fontSize={vf * 1.15}
          textAnchor="middle"
          dominantBaseline="central"
        >
          {x ?? ''}
        </text>
      )}
      {detail === 'full' && !input && (
        <g fontSize={vf} textAnchor="middle">
          <Quantity y={-0.3 * r} symbol={letters.z} value={z} />
          <Quantity y={0.3 * r} symbol={letters.a} value={a} strong />
        </g>
      )}
      {detail === 'value' && !input && (
        <g fontSize={vf} textAnchor="middle">
          <Quantity y={0} symbol={letters.a} value={a} strong />
        </g>
      )}
      {delta != null && values && (
        <g className="graph-node__delta" transform={`translate(0,${r})`} fontSize={vf}>
          <rect x={-badgeW / 2} y={-0.65 * vf} width={badgeW} height={1.3 * vf} rx={0.65 * vf} />
          <text textAnchor="middle" dominantBaseline="central">
            {letters.delta} {delta}
          </text>
        </g>
      )}
      {delta != null && !values && (
        <circle className="graph-node__delta-dot" cx={r * 0.75} cy={r * 0.75} r={Math.max(1.5, r * 0.32)} />
      )}
    </g>
  );
});

function Quantity({
  y,
  symbol,
  value,
  strong,
}: {
  y: number;
  symbol: string;
  value?: string | null;
  strong?: boolean;
}) {
  return (
    <text
      className={`graph-node__value${strong ? ' graph-node__value--strong' : ''}`}
      y={y}
      dominantBaseline="central"
    >
      <tspan className="graph-node__qty">{symbol}</tspan>
      {value != null && ` ${value}`}
    </text>
  );
}
