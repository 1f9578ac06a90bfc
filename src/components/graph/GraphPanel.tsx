import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFormatNumber } from '../../hooks/useFormatNumber';
import { useReducedMotion } from '../../hooks/useReducedMotion';
import { useT } from '../../i18n';
import { selectHighlight, selectShownValues, useLessonStore } from '../../store';
import { ChainRulePanel } from './ChainRulePanel';
import { GraphLegend } from './GraphLegend';
import { NetworkGraph } from './NetworkGraph';

/** The network graph wired to the store, with the chain-rule panel of the selected weight. */
export function GraphPanel() {
  const t = useT();
  const fmt = useFormatNumber();
  const reducedMotion = useReducedMotion();
  const { lesson, selectedEdge, selectEdge } = useLessonStore(
    useShallow((s) => ({ lesson: s.lesson, selectedEdge: s.selectedEdge, selectEdge: s.selectEdge })),
  );
  const shown = useLessonStore(selectShownValues);
  const highlight = useLessonStore(selectHighlight);
  const [pathHighlight, setPathHighlight] = useState<{ nodes: string[]; edges: string[] } | null>(null);

  return (
    <section className="graph-panel" aria-label={t('graph.label')}>
      <NetworkGraph
        lesson={lesson}
        shown={shown}
        highlight={highlight}
        pathHighlight={pathHighlight}
        selectedEdge={selectedEdge}
        onSelectEdge={(id) => selectEdge(id === selectedEdge ? null : id)}
        format={fmt}
        t={t}
        reducedMotion={reducedMotion}
      />
      <GraphLegend t={t} />
      {selectedEdge && (
        <ChainRulePanel
          edgeId={selectedEdge}
          onClose={() => {
            selectEdge(null);
            setPathHighlight(null);
          }}
          onHighlightPath={setPathHighlight}
        />
      )}
    </section>
  );
}
