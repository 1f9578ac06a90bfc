import { useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { asGraphId, isEdgeId, parseNodeId } from '../../engine';
import type { EdgeId, GraphId, Lesson, NodeId } from '../../engine';
import type { Highlight } from '../../steps';
import { maxAbsWeight, weightWidthScale } from '../../layout';
import { capitalised, edgeRows, edgeTitle, nodeName, nodeRows, weightOf } from './describe';
import type { Shown, Translate } from './describe';
import { useEdgeLabels } from './edgeLabels';
import { GraphEdgeGroup, GraphLabel } from './GraphEdge';
import { GraphEdgeCopies, GraphFlows } from './GraphEdgeBatch';
import { CANVAS_EDGES, GraphEdgeCanvas } from './GraphEdgeCanvas';
import { GraphNode } from './GraphNode';
import { focusOrder, useGraphLayout } from './graphLayout';
import { GraphTooltip } from './GraphTooltip';
import { SymbolText } from './SymbolText';
import { GraphViews, markOf, marksOf } from './views';
import { stepCalloutId } from '../present/stepCallout';
import { useGraphZoom, ZoomButtons } from './zoom';
import './graph.css';

export interface NetworkGraphProps {
  lesson: Lesson;
  /** Values computed up to the cursor by value id; anything absent stays blank. Givens x, t, w, b included. */
  shown: Shown;
  /** The current step's nodes and edges; the rest is dimmed. */
  highlight: Highlight | null;
  /** A path of nodes and edges drawn strongly (the chain-rule view). */
  pathHighlight?: { nodes: NodeId[]; edges: EdgeId[] } | null;
  selectedEdge?: EdgeId | null;
  onSelectEdge?: (edgeId: EdgeId) => void;
  onSelectNode?: (nodeId: NodeId) => void;
  format: (x: number) => string;
  t: Translate;
  /** Size of the drawing's coordinate box where the container cannot be measured (else its size in px). */
  width?: number;
  height?: number;
  /** The smallest text in CSS pixels (presenter mode asks for more); default 12, 11 on a phone. */
  minFont?: number;
  /** The step's values beside the graph when neurons show symbols only (presenter mode; stepCallout.ts). */
  stepCallout?: boolean;
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
  const { reducedMotion = false } = props;
  const [active, setActive] = useState<GraphId | null>(null);
  const [rover, setRover] = useState<GraphId | null>(null);
  const markerId = `graph-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const pressed = useRef<GraphId | null>(null);
  const zoom = useGraphZoom(props.width ?? 800, props.height ?? 480);

  const { useBias, weights, biases } = lesson;
  const { layout, targetTexts } = useGraphLayout(
    lesson,
    shown,
    format,
    t,
    zoom.box,
    zoom.view.width,
    props.minFont,
  );
  const order = useMemo(() => focusOrder(layout), [layout]);
  // the one tab stop: the last item focused, else the first input
  const stop = rover && (layout.nodeById[rover] || layout.edgeById[rover]) ? rover : order.ids[0];
  const stopGroup = layout.edgeById[stop] ? `${layout.edgeById[stop].layer}:${layout.edgeById[stop].to}` : '';
  const widthOf = useMemo(
    () => weightWidthScale(maxAbsWeight(weights, useBias ? biases : undefined), layout.radius),
    [weights, biases, useBias, layout.radius],
  );

  const large = layout.edges.length > LARGE_NET_EDGES;
  // Per-element views, kept from step to step: a step re-renders only the edges and nodes it changes.
  const canvas = layout.edges.length > CANVAS_EDGES;
  const views = useMemo(
    () => new GraphViews(layout, lesson, widthOf, format, t, !canvas),
    [layout, lesson, widthOf, format, t, canvas],
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
  const labels = useEdgeLabels(layout, views, marks, active, edgeGroups);

  const callout = props.stepCallout ? stepCalloutId(layout, highlight) : null;
  const tooltip = active ? describeActive(active) : callout ? describeActive(callout) : null;

  function describeActive(id: GraphId) {
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
    // an element, a label (data-for) or an edge drawn again on top (data-copy-of) stands for its element
    const el = (ev.target as Element).closest?.('[data-id],[data-for],[data-copy-of]');
    const id =
      el && (el.getAttribute('data-id') ?? el.getAttribute('data-for') ?? el.getAttribute('data-copy-of'));
    return id ? asGraphId(id) : null;
  };
  const choose = (id: GraphId) => {
    if (isEdgeId(id)) props.onSelectEdge?.(id);
    else if (parseNodeId(id)?.bias === false) props.onSelectNode?.(id);
  };
  /** ↑/↓ move to the previous/next item of the graph (Shift: neuron to neuron); Enter or Space chooses. */
  const onKeyDown = (ev: KeyboardEvent) => {
    const id = asGraphId((ev.target as Element).getAttribute('data-id') ?? '');
    if (!id) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      const at = order.ids.indexOf(id);
      const down = ev.key === 'ArrowDown';
      let next = at;
      if (ev.shiftKey) {
        const n = down ? order.neurons.find((p) => p > at) : order.neurons.findLast((p) => p < at);
        next = n ?? at;
      } else next = Math.min(order.ids.length - 1, Math.max(0, at + (down ? 1 : -1)));
      const el = rootRef.current?.querySelector<SVGElement>(`[data-id="${order.ids[next]}"]`);
      el?.focus();
      return;
    }
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    ev.preventDefault();
    choose(id);
  };
  const onFocus = (ev: SyntheticEvent) => {
    const id = idOf(ev);
    setActive(id);
    if (!id) return;
    setRover(id);
    const n = layout.nodeById[id];
    const e = layout.edgeById[id];
    zoom.reveal(n ? { x: n.x, y: n.y } : e ? e.label : null);
  };

  const backward = highlight?.backward ?? false;
  const dimming = marks.lit.size > 0 || marks.path.size > 0;
  const v = zoom.view;
  const box = { viewBox: `${v.x} ${v.y} ${v.width} ${v.height}`, preserveAspectRatio: 'xMidYMid meet' };
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
      ref={rootRef}
      role="group"
      aria-label={t('graph.label')}
      // a label appearing under the pointer between press and release (hover shows it) takes the click
      // to the drawing itself: the element pressed is the one chosen
      onPointerDown={(ev) => (pressed.current = idOf(ev))}
      onClick={(ev) => {
        const id = idOf(ev) ?? pressed.current;
        pressed.current = null;
        if (id) choose(id);
      }}
      onKeyDown={onKeyDown}
      onMouseOver={(ev) => setActive(idOf(ev))}
      onMouseLeave={() => setActive(null)}
      onFocus={onFocus}
      onBlur={() => setActive(null)}
    >
      <ZoomButtons zoom={zoom} t={t} />
      <div className="graph-stage" ref={zoom.stageRef} {...zoom.panHandlers}>
        {canvas ? (
          <GraphEdgeCanvas
            groups={edgeGroups}
            x={v.x}
            y={v.y}
            width={v.width}
            height={v.height}
            onActive={setActive}
            onChoose={choose}
          />
        ) : (
          <svg className="graph-layer graph-layer--edges" {...box}>
            <g className="graph-edges">
              {edgeGroups.map((group) => (
                <GraphEdgeGroup
                  key={group[0].geom.id}
                  views={group}
                  hit={!large}
                  tabbable={`${group[0].geom.layer}:${group[0].geom.to}` === stopGroup ? stop : null}
                />
              ))}
            </g>
          </svg>
        )}
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
            <GraphEdgeCopies copies={copies} active={active} />
          </g>
          {backward && (
            <g className="graph-flows" aria-hidden="true">
              <GraphFlows
                geoms={highlight!.edges.flatMap((id) => layout.edgeById[id] ?? [])}
                strokeWidth={Math.max(2, layout.radius * 0.1)}
                markerId={markerId}
                animated={!reducedMotion}
              />
            </g>
          )}
          <g className="graph-labels">
            {labels.map(({ view: v, at }) => (
              <GraphLabel
                key={v.geom.id}
                geom={v.geom}
                at={at}
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
                      <text fontSize={layout.fontSize} textAnchor="middle" dominantBaseline="central">
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
                tabbable={v.geom.id === stop}
                minFont={layout.minFont}
              />
            ))}
          </g>
          <g className="graph-targets" aria-hidden="true">
            {layout.targetHeading && (
              <text
                className="graph-targets__heading"
                x={layout.targetHeading.x}
                y={layout.targetHeading.y}
                fontSize={layout.minFont}
                dominantBaseline="central"
              >
                {t('graph.targets')}
              </text>
            )}
            {layout.targets.map((g) => (
              <text
                key={g.node}
                className="graph-target"
                data-for={g.node}
                x={g.x}
                y={g.y}
                fontSize={layout.minFont}
                dominantBaseline="central"
              >
                <SymbolText text={targetTexts[g.index]} sub={layout.minFont} />
              </text>
            ))}
          </g>
          {tooltip && (
            <GraphTooltip
              {...tooltip}
              box={layout}
              fontSize={Math.max(layout.minFont, layout.labelFontSize)}
              notYet={t('graph.notYet')}
            />
          )}
        </svg>
      </div>
    </div>
  );
}
