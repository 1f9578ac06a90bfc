import { useId, useMemo, useRef, useState } from 'react';
import type { EdgeId, GraphId, Lesson, NodeId } from '../../engine';
import type { Highlight } from '../../steps';
import {
  layoutObstacles,
  maxAbsWeight,
  rectAround,
  weightWidthScale,
  type NetworkLayout,
} from '../../layout';
import type { Shown, Translate } from './describe';
import { useEdgeLabels } from './edgeLabels';
import { GraphBiasNodes } from './GraphBiasNodes';
import { GraphEdgeGroup, GraphLabel } from './GraphEdge';
import { GraphEdgeCopies, GraphFlows } from './GraphEdgeBatch';
import { CANVAS_EDGES, GraphEdgeCanvas } from './GraphEdgeCanvas';
import { FlowMarker } from './FlowMarker';
import { GraphNode } from './GraphNode';
import { focusOrder, useGraphLayout } from './graphLayout';
import { GraphTargets } from './GraphTargets';
import { GraphTooltip } from './GraphTooltip';
import { tooltipFor } from './tooltipContent';
import { useGraphInteraction } from './useGraphInteraction';
import { GraphViews, markOf, marksOf } from './views';
import { LARGE_NET_EDGES } from './deferredLesson';
import { Lasting } from './lasting';
import { stepCalloutId } from '../present/stepCallout';
import { useGraphZoom, ZoomButtons, type GraphZoom } from './zoom';
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
  /** An older lesson is drawn while the new one's drawing is on its way (aria-busy, dimmed). */
  busy?: boolean;
}

/**
 * Nets with more edges than LARGE_NET_EDGES are drawn lean: marks change without a fade (each frame of a fade
 * repaints the whole drawing, which for ~10⁴ edges costs more than the step itself) and edges have no wide hit
 * area (the line itself takes the pointer; at that density the hit areas would overlap anyway).
 */
export { LARGE_NET_EDGES };

/**
 * The network: neurons, weights and the values shown so far; the current step highlighted. Drawn by three
 * nested components, each computing one large piece (the layout, the table of views, the drawing): rendered in
 * the background (a large net's new lesson, see useDeferredDrawing), React yields between them, so a 10 × 64
 * net's first drawing is several tasks, not one.
 */
export function NetworkGraph(props: NetworkGraphProps) {
  const zoom = useGraphZoom(props.width ?? 800, props.height ?? 480);
  const { layout, targetTexts } = useGraphLayout(
    props.lesson,
    props.shown,
    props.format,
    props.t,
    zoom.box,
    zoom.view.width,
    props.minFont,
  );
  return <GraphTable {...props} zoom={zoom} layout={layout} targetTexts={targetTexts} />;
}

/** The table of the graph drawn last (there is one graph): kept through a discarded render (see Lasting). */
const lastTable = new Lasting<GraphViews>();

interface LaidOut extends NetworkGraphProps {
  zoom: GraphZoom;
  layout: NetworkLayout;
  targetTexts: string[];
}

function GraphTable(props: LaidOut) {
  const { lesson, layout, format, t } = props;
  const { useBias, weights, biases } = lesson;
  const widthOf = useMemo(
    () => weightWidthScale(maxAbsWeight(weights, useBias ? biases : undefined), layout.radius),
    [weights, biases, useBias, layout.radius],
  );
  // Per-element views, kept from step to step: a step re-renders only the edges and nodes it changes. They
  // outlive a new layout of the same lesson (a resize, the chain-rule panel narrowing the graph): it renews
  // their geometry only (withLayout), not their values, text and spoken names (~37,000 edges on a 10 × 64).
  const canvas = layout.edges.length > CANVAS_EDGES;
  // They outlive a lesson of the same net and names too (Next iteration: new weights): withLesson.
  const names = JSON.stringify([lesson.layers, lesson.conventions, useBias]);
  const table = lastTable.get(
    [names, format, t, canvas],
    () => new GraphViews(layout, lesson, widthOf, format, t, !canvas),
  );
  return <GraphDrawing {...props} table={table} widthOf={widthOf} canvas={canvas} />;
}

function GraphDrawing(
  props: LaidOut & { table: GraphViews; widthOf: (w: number) => number; canvas: boolean },
) {
  const { lesson, shown, highlight, pathHighlight, selectedEdge, format, t } = props;
  const { reducedMotion = false, zoom, layout, targetTexts, table, widthOf, canvas } = props;
  const [active, setActive] = useState<GraphId | null>(null);
  const [rover, setRover] = useState<GraphId | null>(null);
  const markerId = `graph-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const order = useMemo(() => focusOrder(layout), [layout]);
  // the one tab stop: the last item focused, else the first input
  const stop = rover && (layout.nodeById[rover] || layout.edgeById[rover]) ? rover : order.ids[0];
  const stopGroup = layout.edgeById[stop] ? `${layout.edgeById[stop].layer}:${layout.edgeById[stop].to}` : '';
  const large = layout.edges.length > LARGE_NET_EDGES;
  const views = useMemo(() => table.withLesson(lesson), [table, lesson]);
  const marks = useMemo(
    () => marksOf(highlight, pathHighlight, selectedEdge),
    [highlight, pathHighlight, selectedEdge],
  );
  const nodeViews = useMemo(
    () => views.withLayout(layout, widthOf).nodes(shown, marks),
    [views, layout, widthOf, shown, marks],
  );
  // The edges' views; and, drawn again on top, the lit, path and selected edges and the one under the pointer
  // or focus.
  const { edgeGroups, copies } = useMemo(() => {
    const groups = views.withLayout(layout, widthOf).edges(shown, marks);
    const ids = new Set([...marks.lit, ...marks.path, ...(marks.selected ? [marks.selected] : [])]);
    if (active) ids.add(active);
    const lifted = [...ids].flatMap((id) => {
      const view = views.edgeView(id);
      return view ? [view] : [];
    });
    return { edgeGroups: groups, copies: lifted };
  }, [views, layout, widthOf, shown, marks, active]);
  const labels = useEdgeLabels(layout, views, marks, active, edgeGroups);

  const callout = props.stepCallout ? stepCalloutId(layout, highlight) : null;
  const tip = active ?? callout;
  const tooltip = tip ? tooltipFor(tip, layout, lesson, shown, format, t) : null;
  // what the tooltip should leave uncovered: the neurons, the targets and the weight labels drawn
  const drawn = useMemo(() => {
    const { width: w, height: h } = layout.labelSize;
    const all = layoutObstacles(layout);
    // a neuron out of the step (dimmed) may be covered before anything the step shows
    const faint = layout.nodes.map((n) => markOf(marks, n.id) === 'dimmed');
    return {
      hard: [...all.filter((_, i) => !faint[i]), ...labels.map((l) => rectAround(l.at, w, h))],
      faint: all.filter((_, i) => faint[i]),
    };
  }, [layout, labels, marks]);
  const { choose, handlers } = useGraphInteraction({
    layout,
    order,
    rootRef,
    setActive,
    setRover,
    reveal: zoom.reveal,
    onSelectEdge: props.onSelectEdge,
    onSelectNode: props.onSelectNode,
  });

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
        props.busy && 'graph--busy',
      ]
        .filter(Boolean)
        .join(' ')}
      ref={rootRef}
      role="group"
      aria-label={t('graph.label')}
      aria-busy={props.busy || undefined}
      {...handlers}
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
          <FlowMarker id={markerId} />
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
            <GraphBiasNodes layout={layout} marks={marks} />
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
          <GraphTargets layout={layout} texts={targetTexts} t={t} />
          {tooltip && (
            <GraphTooltip
              {...tooltip}
              box={layout}
              fontSize={Math.max(layout.minFont, layout.labelFontSize)}
              sub={Math.max(layout.minFont, layout.labelFontSize * 0.7)}
              notYet={t('graph.notYet')}
              avoid={drawn.hard}
              faint={drawn.faint}
              callout={!active}
            />
          )}
        </svg>
      </div>
    </div>
  );
}
