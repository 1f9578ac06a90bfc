import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFormatNumber, useReducedMotion } from '../../hooks';
import { useT } from '../../i18n';
import { selectHighlight, selectShownValues, selectStep, selectTimeline, useLessonStore } from '../../store';
import { edgeExists, targetOfNode } from '../editor/editTargets';
import { ChainRulePanel, NodeValuePanel } from '../lazyPanels';
import { usePresenterGraphBox } from '../present/usePresenterGraphBox';
import { GraphLegend } from './GraphLegend';
import { NetworkGraph } from './NetworkGraph';
import { GraphPending } from './GraphPending';
import { edgeCount, LARGE_NET_EDGES, useDeferredDrawing } from './deferredLesson';
import type { EdgeId, GraphId, NodeId } from '../../engine';
import './graph-panel.css';

/**
 * The network graph wired to the store: a selected weight opens its chain rule (with its value to edit), a
 * selected input or output node its input x_k or target t_j to edit.
 */
export function GraphPanel() {
  const t = useT();
  const fmt = useFormatNumber();
  const reducedMotion = useReducedMotion();
  const { lesson, origin, selectedEdge, selectEdge } = useLessonStore(
    useShallow((s) => ({
      lesson: s.lesson,
      origin: s.origin,
      selectedEdge: s.selectedEdge,
      selectEdge: s.selectEdge,
    })),
  );
  const shownNow = useLessonStore(selectShownValues);
  const highlightNow = useLessonStore(selectHighlight);
  // A large net's new lesson (Next iteration, an edit) is drawn in a render after the step controls' (busy
  // until then); a step of the same lesson at once. A lesson just opened: nothing is drawn until then.
  const [drawn, busy] = useDeferredDrawing(
    useMemo(
      () => ({ lesson, origin, shown: shownNow, highlight: highlightNow }),
      [lesson, origin, shownNow, highlightNow],
    ),
    edgeCount(lesson) > LARGE_NET_EDGES,
  );
  // in a mini-batch step, whose forward and backward pass the graph shows
  const sample = useLessonStore((s) => selectStep(s)?.sample);
  const batchSize = useLessonStore((s) => selectTimeline(s)?.batchSize ?? 1);
  const [pathHighlight, setPathHighlight] = useState<{ nodes: NodeId[]; edges: EdgeId[] } | null>(null);
  const [selectedNode, setSelectedNode] = useState<NodeId | null>(null);
  // a change of architecture can take the selected weight or node away
  const edge = selectedEdge && edgeExists(lesson, selectedEdge) ? selectedEdge : null;
  const nodeTarget = selectedNode ? targetOfNode(lesson, selectedNode) : null;
  const panelRef = useRef<HTMLElement>(null);
  const presenterBox = usePresenterGraphBox(); // large type when presenting
  /** Focus back on the graph element whose panel closed (keyboard users continue from there). */
  const refocus = (id: GraphId | null) => {
    if (id) panelRef.current?.querySelector<SVGElement>(`[data-id="${id}"]`)?.focus();
  };

  return (
    <section ref={panelRef} className="graph-panel" aria-label={t('graph.label')}>
      {sample !== undefined && (
        <p className="graph-sample" data-testid="graph-sample">
          {t('graph.sample', { index: sample + 1, count: batchSize })}
        </p>
      )}
      {drawn ? (
        <NetworkGraph
          {...presenterBox}
          lesson={drawn.lesson}
          busy={busy}
          shown={drawn.shown}
          highlight={drawn.highlight}
          pathHighlight={edge ? pathHighlight : null}
          selectedEdge={edge}
          onSelectEdge={(id) => {
            setSelectedNode(null);
            selectEdge(id === edge ? null : id);
          }}
          onSelectNode={(id) => {
            if (!targetOfNode(lesson, id)) return; // hidden neurons hold nothing to type
            selectEdge(null);
            setPathHighlight(null);
            setSelectedNode(id === selectedNode && nodeTarget ? null : id);
          }}
          format={fmt}
          t={t}
          reducedMotion={reducedMotion}
        />
      ) : (
        <GraphPending t={t} />
      )}
      <GraphLegend t={t} />
      {edge && (
        <ChainRulePanel
          edgeId={edge}
          onClose={() => {
            selectEdge(null);
            setPathHighlight(null);
            refocus(edge);
          }}
          onHighlightPath={setPathHighlight}
        />
      )}
      {!edge && nodeTarget && (
        <NodeValuePanel
          key={selectedNode}
          target={nodeTarget}
          onClose={() => {
            setSelectedNode(null);
            refocus(selectedNode);
          }}
        />
      )}
    </section>
  );
}
