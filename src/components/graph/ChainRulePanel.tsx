import { useEffect, useMemo, useRef, useState } from 'react';
import { pathSumFormula, type WeightRef } from '../../formulas';
import { useFormatNumber, useReducedMotion } from '../../hooks';
import { useT } from '../../i18n';
import { parseEdgeId, vid, type EdgeId, type NodeId } from '../../engine';
import { gradientCheckOf, selectShownValues, selectTimeline, selectTrace, useLessonStore } from '../../store';
import { symbolOf, targetOfEdge } from '../editor/editTargets';
import { LessonValueField } from '../editor/LessonValueField';
import { useFitFormulas } from '../formula/useFitFormulas';
import { Tex } from '../Tex';
import { edgeCount, LARGE_NET_EDGES, useDeferredLesson } from './deferredLesson';
import './chain-rule.css';

/** Reads `e:l:j:k` (weight into neuron j of layer l from neuron k) or `eb:l:j` (bias) as a weight reference. */
export const weightOfEdge = (edgeId: EdgeId): WeightRef | null => parseEdgeId(edgeId);

const CYCLE_MS = 1800;
/**
 * Paths written out when the panel opens, and at most after "Show all": a deep net's weight has millions of
 * paths, and each one written out is a row of KaTeX to lay out and fit (the first few show the pattern).
 */
const FEW_PATHS = 6;
const MANY_PATHS = 24;

interface ChainRulePanelProps {
  edgeId: EdgeId;
  onClose: () => void;
  onHighlightPath: (path: { nodes: NodeId[]; edges: EdgeId[] } | null) => void;
}

/** The value id of a weight's (or bias's) gradient ∂E/∂w: its numbers are shown once a step has computed it. */
const gradientId = (w: WeightRef) => vid.grad(w.layer, w.to, w.from);

/**
 * The chain rule of one weight: ∂E/∂w as the sum over every path from the weight to the loss, with numbers,
 * each path highlighted on the graph in turn, beside the compact δ form and the finite difference. The weight's
 * own value heads the panel as a field to type over. Docked beside the graph (below it on a phone). No
 * spoilers: until the timeline reaches the step that computes ∂E/∂w, only the symbols are shown, with the
 * number of that step. Escape closes it (the graph then focuses the weight again).
 */
export function ChainRulePanel({ edgeId, onClose, onHighlightPath }: ChainRulePanelProps) {
  const t = useT();
  const fmt = useFormatNumber();
  const reducedMotion = useReducedMotion();
  const lessonNow = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const traceNow = useLessonStore(selectTrace);
  const weight = weightOfEdge(edgeId);
  const gradId = weight ? gradientId(weight) : null;
  const reachedNow = useLessonStore((s) => gradId !== null && gradId in selectShownValues(s));
  // the step that computes ∂E/∂w (1-based), named while its numbers are still to come
  const computedAtNow = useLessonStore((s) => {
    if (reachedNow || gradId === null) return 0;
    const i = selectTimeline(s)?.steps.findIndex((st) => st.writes.includes(gradId)) ?? -1;
    return i + 1;
  });
  // On a large net a new lesson's chain rule comes in a render after the step controls' (busy until then).
  const [drawn, busy] = useDeferredLesson(
    useMemo(
      () => ({ lesson: lessonNow, traceResult: traceNow, reached: reachedNow, computedAt: computedAtNow }),
      [lessonNow, traceNow, reachedNow, computedAtNow],
    ),
    edgeCount(lessonNow) > LARGE_NET_EDGES,
  );
  const { lesson, traceResult, reached, computedAt } = drawn;
  const ref = useRef<HTMLElement>(null);
  const editTarget = useMemo(() => targetOfEdge(edgeId), [edgeId]);
  // the weight whose paths are all written out (up to MANY_PATHS), after "Show all"
  const [expanded, setExpanded] = useState<EdgeId | null>(null);
  const maxPaths = expanded === edgeId ? MANY_PATHS : FEW_PATHS;
  const sum = useMemo(
    () =>
      weight && traceResult.ok
        ? pathSumFormula(lesson, traceResult.trace, weight, { digits, maxPaths })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lesson, traceResult, edgeId, digits, maxPaths],
  );
  const [current, setCurrent] = useState(0);
  const [cycling, setCycling] = useState(!reducedMotion);
  const pathCount = sum?.paths.length ?? 0;

  useEffect(() => {
    if (!cycling || pathCount < 2) return;
    const id = window.setInterval(() => setCurrent((c) => (c + 1) % pathCount), CYCLE_MS);
    return () => window.clearInterval(id);
  }, [cycling, pathCount]);

  useEffect(() => {
    const path = sum?.paths[current % Math.max(1, pathCount)];
    onHighlightPath(path ? { nodes: path.nodes, edges: path.edges } : null);
  }, [sum, current, pathCount, onHighlightPath]);

  useFitFormulas(ref, `${sum?.tex.substituted}${reached}`);

  // Escape closes, from the panel or from the graph it belongs to (a field's Escape cancels its typing first)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as Node;
      const home = ref.current?.closest('.graph-panel') ?? ref.current;
      if (target !== document.body && !home?.contains(target)) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  if (!weight || !sum) return null;
  const check = gradientCheckOf(lesson, { layer: weight.layer, neuron: weight.to, from: weight.from });
  return (
    <aside
      ref={ref}
      className={busy ? 'chain-rule chain-rule--busy' : 'chain-rule'}
      aria-label={t('chain.title', { weight: editTarget ? symbolOf(lesson, editTarget) : edgeId })}
      aria-busy={busy || undefined}
      data-testid="chain-rule"
    >
      <header>
        {editTarget && <LessonValueField target={editTarget} />}
        <button type="button" onClick={onClose} aria-label={t('chain.close')}>
          ×
        </button>
      </header>
      <h2>{t(sum.sentence.key, sum.sentence.params)}</h2>
      <div className="chain-formulas">
        <Tex tex={sum.tex.symbolic} block />
        {reached && <Tex tex={sum.tex.substituted} block />}
        {reached && <Tex tex={sum.tex.result} block />}
      </div>
      {!reached && (
        <p className="chain-pending" data-testid="chain-pending">
          {t('chain.pending', { index: computedAt })}
        </p>
      )}
      {reached && (
        <p className="chain-compact">
          {t('chain.compact')}: <strong>{fmt(sum.compactDelta)}</strong>
          {check && (
            <>
              {' '}
              ·{' '}
              {t('formula.gradCheck', {
                analytic: fmt(check.analytic),
                numeric: fmt(check.numeric),
                rel: check.relativeError.toExponential(1),
              })}
            </>
          )}
        </p>
      )}
      {pathCount > 1 && (
        <div className="chain-paths">
          <button type="button" aria-pressed={cycling} onClick={() => setCycling(!cycling)}>
            {cycling ? t('controls.pause') : t('controls.play')}
          </button>
          <ol>
            {sum.paths.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={i === current ? 'current' : ''}
                  aria-current={i === current ? 'true' : undefined}
                  aria-label={t('chain.highlightPath', { n: i + 1 })}
                  onClick={() => {
                    setCycling(false);
                    setCurrent(i);
                  }}
                >
                  {t('chain.path', { n: i + 1 })}
                  {reached && `: ${fmt(p.value)}`}
                </button>
              </li>
            ))}
          </ol>
          {sum.truncated && <p>{t('chain.morePaths', { count: sum.pathCount - sum.paths.length })}</p>}
          {sum.paths.length < Math.min(sum.pathCount, MANY_PATHS) && (
            <button type="button" className="chain-more" onClick={() => setExpanded(edgeId)}>
              {sum.pathCount <= MANY_PATHS
                ? t('chain.showAllPaths', { count: sum.pathCount })
                : t('chain.showFirstPaths', { count: MANY_PATHS })}
            </button>
          )}
        </div>
      )}
    </aside>
  );
}
