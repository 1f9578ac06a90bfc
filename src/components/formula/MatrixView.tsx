import { useMemo } from 'react';
import { vid, type ValueId } from '../../engine';
import { matrixTex, notationFor, partial } from '../../formulas';
import { useT } from '../../i18n';
import { selectShownValues, selectStep, selectTimeline, useLessonStore } from '../../store';
import { MatrixEditGrid } from '../editor/MatrixEditGrid';
import { Tex } from '../Tex';
import './matrix-view.css';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const column = (ids: ValueId[]) => ids.map((id) => [id]);

/**
 * The current layer as matrices: W, the incoming activations, z, a, δ and ∂E/∂W, in the lesson's notation,
 * with the entries of the current step boxed and values not yet computed left as dots; below them W (and the
 * input x on layer 1) as fields to type over.
 */
export function MatrixView() {
  const t = useT();
  const lesson = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const step = useLessonStore(selectStep);
  const timeline = useLessonStore(selectTimeline);
  const shown = useLessonStore(selectShownValues);
  const view = useMemo(() => {
    if (!step || !timeline) return null;
    const l = Math.max(1, step.layer);
    const n = notationFor(lesson);
    const sizes = lesson.layers.map((s) => s.size);
    const current = new Set([...step.writes, ...step.reads]);
    const prevIds = range(sizes[l - 1]).map((k) => vid.input(l, k));
    const here = (of: (l: number, j: number) => ValueId) => range(sizes[l]).map((j) => of(l, j));
    const grid = (of: (l: number, j: number, k: number) => ValueId) =>
      range(sizes[l]).map((j) => range(sizes[l - 1]).map((k) => of(l, j, k)));
    const m = (ids: ValueId[][]) => matrixTex(ids, timeline.values, shown, current, digits);
    const panels = [
      { name: n.W(l), tex: m(grid(vid.w)) },
      { name: l === 1 ? n.X : n.A(l - 1), tex: m(column(prevIds)) },
      { name: n.Z(l), tex: m(column(here(vid.z))) },
      { name: n.A(l), tex: m(column(here(vid.a))) },
      { name: n.Delta(l), tex: m(column(here(vid.d))) },
      { name: partial(n.E, n.W(l)), tex: m(grid(vid.dW)) },
    ];
    return { layer: l, panels, weightName: n.W(l), inputName: n.X };
  }, [lesson, digits, step, timeline, shown]);

  return (
    <div className="matrix-view" role="group" aria-label={t('formula.matrixView')} data-testid="matrix-view">
      {view?.panels.map((p) => (
        <Tex key={p.name} tex={`${p.name} = ${p.tex}`} />
      ))}
      {view && <MatrixEditGrid layer={view.layer} weightName={view.weightName} inputName={view.inputName} />}
    </div>
  );
}
