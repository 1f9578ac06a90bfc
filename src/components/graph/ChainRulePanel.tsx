import { useEffect, useMemo, useState } from 'react';
import { pathSumFormula, type WeightRef } from '../../formulas';
import { useFormatNumber } from '../../hooks/useFormatNumber';
import { useReducedMotion } from '../../hooks/useReducedMotion';
import { useT } from '../../i18n';
import { selectTrace, useLessonStore } from '../../store';
import { gradientCheckOf } from '../../store/derived';
import { targetOfEdge } from '../editor/editTargets';
import { LessonValueField } from '../editor/LessonValueField';
import { Tex } from '../Tex';

/** Reads `e:l:j:k` (weight into neuron j of layer l from neuron k) or `eb:l:j` (bias) as a weight reference. */
export function weightOfEdge(edgeId: string): WeightRef | null {
  const parts = edgeId.split(':');
  const nums = parts.slice(1).map(Number);
  if (parts[0] === 'e' && nums.length === 3) return { layer: nums[0], to: nums[1], from: nums[2] };
  if (parts[0] === 'eb' && nums.length === 2) return { layer: nums[0], to: nums[1], from: -1 };
  return null;
}

const CYCLE_MS = 1800;

interface ChainRulePanelProps {
  edgeId: string;
  onClose: () => void;
  onHighlightPath: (path: { nodes: string[]; edges: string[] } | null) => void;
}

/**
 * The chain rule of one weight: ∂E/∂w as the sum over every path from the weight to the loss, with numbers,
 * each path highlighted on the graph in turn, beside the compact δ form and the finite difference. The weight's
 * own value heads the panel as a field to type over.
 */
export function ChainRulePanel({ edgeId, onClose, onHighlightPath }: ChainRulePanelProps) {
  const t = useT();
  const fmt = useFormatNumber();
  const reducedMotion = useReducedMotion();
  const lesson = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const traceResult = useLessonStore(selectTrace);
  const weight = weightOfEdge(edgeId);
  const editTarget = useMemo(() => targetOfEdge(edgeId), [edgeId]);
  const sum = useMemo(
    () =>
      weight && traceResult.ok
        ? pathSumFormula(lesson, traceResult.trace, weight, { digits, maxPaths: 24 })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lesson, traceResult, edgeId, digits],
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

  if (!weight || !sum) return null;
  const check = gradientCheckOf(lesson, { layer: weight.layer, neuron: weight.to, from: weight.from });
  return (
    <aside className="chain-rule" aria-label={t('chain.title', { weight: edgeId })} data-testid="chain-rule">
      <header>
        {editTarget && <LessonValueField target={editTarget} />}
        <button type="button" onClick={onClose} aria-label={t('chain.close')}>
          ×
        </button>
      </header>
      <h3>{t(sum.sentence.key, sum.sentence.params)}</h3>
      <div className="chain-formulas">
        <Tex tex={sum.tex.symbolic} block />
        <Tex tex={sum.tex.substituted} block />
        <Tex tex={sum.tex.result} block />
      </div>
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
                  {t('chain.path', { n: i + 1 })}: {fmt(p.value)}
                </button>
              </li>
            ))}
          </ol>
          {sum.truncated && <p>{t('chain.morePaths', { count: sum.pathCount - sum.paths.length })}</p>}
        </div>
      )}
    </aside>
  );
}
