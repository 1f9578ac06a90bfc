import { useId, useMemo, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { Lesson } from '../../engine';
import type { Highlight } from '../../steps/types';
import { layoutNetwork, maxAbsWeight, weightWidthScale } from '../../layout';
import { capitalised, edgeRows, edgeTitle, labelChars, nodeName, nodeRows, weightOf } from './describe';
import type { Shown, Translate } from './describe';
import { GraphEdgeCopy, GraphEdgeGroup, GraphLabel } from './GraphEdge';
import { GraphNode } from './GraphNode';
import { GraphTooltip } from './GraphTooltip';
import { GraphViews, markOf, marksOf } from './views';
import './graph.css';

export interface NetworkGraphProps {
  lesson: Lesson;
  /** Values computed up to the cursor by value id; anything absent stays blank. Givens x, t, w, b included. */
  shown: Shown;
  /** The current step's nodes and edges; the rest is dimmed. */
  highlight: Highlight | null;
  /** A path of nodes and edges drawn strongly (the chain-rule view). */
  pathHighlight?: { nodes: string[]; edges: string[] } | null;
  selectedEdge?: string | null;
  onSelectEdge?: (edgeId: string) => void;
  onSelectNode?: (nodeId: string) => void;
  format: (x: number) => string;
  t: Translate;
  /** Size of the drawing's coordinate box (the SVG scales to its container). */
  width?: number;
  height?: number;
  /** Every type size times this, and weight labels kept at full size (presenter mode). */
  textScale?: number;
  /** No animated flow along backward edges (the CSS also honours prefers-reduced-motion). */
  reducedMotion?: boolean;
}

/**
 * Nets with more edges than this are drawn lean: marks change without a fade (each frame of a fade repaints
 * the whole drawing, which for ~10⁴ edges costs more than the step itself) and edges have no wide hit area
 * (the line itself takes the pointer; at that density the hit areas would overlap anyway).
 */
export const LARGE_NET_EDGES = 1000;

/** The network: neurons, weights and the values shown so far; the current step highlighted. */
export function NetworkGraph(props: NetworkGraphProps) {
  const { lesson, shown, highlight, pathHighlight, selectedEdge, format, t } = props;
  const { width = 800, height = 480, textScale = 1, reducedMotion = false } = props;
  const [active, setActive] = useState<string | null>(null);
  const markerId = `graph-arrow-${useId().replace(/[^\w-]/g, '')}`;

  const { useBias, weights, biases } = lesson;
  const sizesKey = lesson.layers.map((l) => l.size).join(',');
  const givens = useMemo(
    () => [...weights, ...(useBias ? [biases] : [])].flat(2),
    [weights, biases, useBias],
  );
  const chars = useMemo(() => labelChars(givens, format), [givens, format]);
  const layout = useMemo(
    () =>
      layoutNetwork(
        sizesKey.split(',').map(Number),
        useBias,
        { width, height },
        { labelChars: chars, textScale, shrinkLabels: textScale === 1 },
      ),
    [sizesKey, useBias, width, height, chars, textScale],
  );
  const widthOf = useMemo(
    () => weightWidthScale(maxAbsWeight(weights, useBias ? biases : undefined), layout.radius),
    [weights, biases, useBias, layout.radius],
  );

  const large = layout.edges.length > LARGE_NET_EDGES;
  // Per-element views, kept from step to step: a step re-renders only the edges and nodes it changes.
  const views = useMemo(
    () => new GraphViews(layout, lesson, widthOf, format, t),
    [layout, lesson, widthOf, format, t],
  );
  const marks = useMemo(
    () => marksOf(highlight, pathHighlight, selectedEdge),
    [highlight, pathHighlight, selectedEdge],
  );
  const nodeViews = useMemo(() => views.nodes(shown, marks), [views, shown, marks]);
  // The edges' views; and, drawn again on top, the lit, path and selected edges and the one under the pointer
  // or focus.
  const { edgeGroups, copies } = useMemo(() => {
    const groups = views.edges(shown, marks);
    const ids = new Set([...marks.lit, ...marks.path, ...(marks.selected ? [marks.selected] : [])]);
    if (active) ids.add(active);
    const lifted = [...ids].flatMap((id) => {
      const view = views.edgeView(id);
      return view ? [view] : [];
    });
    return { edgeGroups: groups, copies: lifted };
  }, [views, shown, marks, active]);
  const labels = useMemo(() => {
    if (layout.showLabels) return edgeGroups.flat();
    const hovered = active ? views.edgeView(active) : undefined;
    return hovered ? [hovered] : [];
  }, [layout.showLabels, edgeGroups, active, views]);

  const tooltip = active ? describeActive(active) : null;

  function describeActive(id: string) {
    const e = layout.edgeById[id];
    if (e) {
      const half = layout.labelSize.width / 2;
      return {
        left: e.label.x - half,
        right: e.label.x + half,
        y: e.label.y,
        title: edgeTitle(lesson, e, t),
        rows: edgeRows(lesson, e, weightOf(lesson, shown, e), shown, format, t),
      };
    }
    const n = layout.nodeById[id];
    if (!n || n.bias) return null;
    return {
      left: n.x - n.r,
      right: n.x + n.r,
      y: n.y,
      title: capitalised(nodeName(t, lesson, n.layer, n.index)),
      rows: nodeRows(lesson, n.layer, n.index, shown, format),
    };
  }

  // One set of handlers on the <svg>: the element's id comes from data-id (or data-for on a label).
  const idOf = (ev: SyntheticEvent) => {
    const el = (ev.target as Element).closest?.('[data-id],[data-for]');
    return el ? (el.getAttribute('data-id') ?? el.getAttribute('data-for')) : null;
  };
  const choose = (id: string) => {
    if (id.startsWith('e')) props.onSelectEdge?.(id);
    else if (id.startsWith('n:')) props.onSelectNode?.(id);
  };
  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const id = (ev.target as Element).getAttribute('data-id');
    if (!id) return;
    ev.preventDefault();
    choose(id);
  };

  const backward = highlight?.backward ?? false;
  const dimming = marks.lit.size > 0 || marks.path.size > 0;
  const box = { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'xMidYMid meet' };
  // Two drawings, one over the other: every edge (beneath, dimmed as a whole while a step is shown), and
  // the rest: edges drawn again at full strength, the error's flow, labels, neurons and the tooltip. A step
  // redraws only the drawing on top.
  return (
    <div
      className={[
        'graph',
        reducedMotion && 'graph--still',
        large && 'graph--large',
        dimming && 'graph--dimming',
      ]
        .filter(Boolean)
        .join(' ')}
      role="group"
      aria-label={t('graph.label')}
      onClick={(ev) => {
        const id = idOf(ev);
        if (id) choose(id);
      }}
      onKeyDown={onKeyDown}
      onMouseOver={(ev) => setActive(idOf(ev))}
      onMouseLeave={() => setActive(null)}
      onFocus={(ev) => setActive(idOf(ev))}
      onBlur={() => setActive(null)}
    >
      <svg className="graph-layer graph-layer--edges" {...box}>
        <g className="graph-edges">
          {edgeGroups.map((group) => (
            <GraphEdgeGroup key={group[0].geom.id} views={group} hit={!large} />
          ))}
        </g>
      </svg>
      <svg className="graph-layer graph-layer--top" {...box}>
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="5"
            refY="5"
            markerWidth="4"
            markerHeight="4"
            orient="auto-start-reverse"
          >
            <path className="graph-flow__arrow" d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        <g className="graph-copies" aria-hidden="true">
          {copies.map((v) => (
            <GraphEdgeCopy key={v.geom.id} view={v} active={v.geom.id === active} />
          ))}
        </g>
        {backward && (
          <g className="graph-flows" aria-hidden="true">
            {highlight!.edges
              .filter((id) => layout.edgeById[id])
              .map((id) => (
                <path
                  key={id}
                  className={`graph-flow${reducedMotion ? '' : ' graph-flow--animated'}`}
                  d={layout.edgeById[id].d}
                  strokeWidth={Math.max(2, layout.radius * 0.1)}
                  markerStart={`url(#${markerId})`}
                />
              ))}
          </g>
        )}
        <g className="graph-labels">
          {labels.map((v) => (
            <GraphLabel
              key={v.geom.id}
              geom={v.geom}
              width={layout.labelSize.width}
              fontSize={layout.labelFontSize}
              sign={v.sign}
              value={v.value}
              next={v.nextText}
              dimmed={v.mark === 'dimmed'}
            />
          ))}
        </g>
        <g className="graph-nodes">
          {layout.nodes
            .filter((n) => n.bias)
            .map((n) => {
              const mark = markOf(marks, n.id);
              return (
                <g
                  key={n.id}
                  className={`graph-bias is-${mark}`}
                  data-id={n.id}
                  data-dimmed={mark === 'dimmed' || undefined}
                  transform={`translate(${n.x},${n.y})`}
                  aria-hidden="true"
                >
                  <circle r={n.r} />
                  {layout.detail !== 'none' && (
                    <text
                      fontSize={Math.min(layout.fontSize, n.r * 1.1)}
                      textAnchor="middle"
                      dominantBaseline="central"
                    >
                      1
                    </text>
                  )}
                </g>
              );
            })}
          {nodeViews.map((v) => (
            <GraphNode
              key={v.geom.id}
              geom={v.geom}
              detail={layout.detail}
              fontSize={layout.fontSize}
              valueFontSize={layout.valueFontSize}
              symbol={v.symbol}
              letters={v.letters}
              x={v.x}
              z={v.z}
              a={v.a}
              delta={v.delta}
              aria={v.aria}
              mark={v.mark}
              onPath={v.onPath}
            />
          ))}
        </g>
        {tooltip && (
          <GraphTooltip
            {...tooltip}
            box={layout}
            fontSize={Math.max(11, layout.labelFontSize)}
            notYet={t('graph.notYet')}
          />
        )}
      </svg>
    </div>
  );
}
