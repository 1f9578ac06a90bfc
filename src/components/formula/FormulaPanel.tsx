import { useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { selectStep, selectStepCount, selectTimeline, useLessonStore } from '../../store';
import { FormulaPage } from './FormulaPage';
import { MatrixView, PracticeBar, PracticeReport } from '../lazyPanels';
import './formula.css';
import '../practice/practice.css'; // the practice bar's (lazyPart)

/** Steps either side of the cursor whose pages are rendered ahead of time, hidden. */
const AHEAD = 1;
/** A settled cursor with no pages near it (before the first background render). */
const NO_PAGE = -2 * AHEAD - 1;

/**
 * The indices of the pages to render: the cursor's, and its neighbours as of the last settled render (they
 * follow the cursor in a deferred render, after the step has been drawn). In step order, so DOM order is stable.
 */
export function pageIndices(cursor: number, settled: number, count: number): number[] {
  const out = new Set([cursor]);
  for (let d = -AHEAD; d <= AHEAD; d++) if (settled + d >= 0 && settled + d < count) out.add(settled + d);
  return [...out].sort((a, b) => a - b);
}

/** Where the cursor settled, as seen on a timeline (the settled cursor and the timeline it was on). */
export interface Settled<T> {
  cursor: number;
  timeline: T;
}

/**
 * The settled cursor whose neighbours to render beside `timeline`'s current page: none (NO_PAGE) while the
 * timeline is another than the one the cursor settled on (Next iteration, an edit, a switch of detail: the
 * neighbours of the new timeline follow in the deferred render, so the urgent one builds the current page
 * only, not the old cursor's neighbours with the new numbers).
 */
export function settledCursor<T>(settled: Settled<T>, timeline: T): number {
  return settled.timeline === timeline ? settled.cursor : NO_PAGE;
}

/** Before the first background render: no cursor settled. */
const UNSETTLED: Settled<null> = { cursor: NO_PAGE, timeline: null };

/**
 * The current step: what it does, the rule, the rule with numbers, the result, and where each number came
 * from. The steps beside the cursor are laid out ahead, hidden, so stepping swaps a page in rather than
 * building it while the student waits.
 */
export function FormulaPanel() {
  const t = useT();
  const cursor = useLessonStore((s) => s.cursor);
  const count = useLessonStore(selectStepCount);
  const phase = useLessonStore((s) => selectStep(s)?.phase);
  // the first render (and the prerendered page it hydrates) holds the current page alone; the neighbours follow
  // in a background render, so the page starts without a long task
  const timeline = useLessonStore(selectTimeline);
  const now = useMemo(() => ({ cursor, timeline }), [cursor, timeline]);
  const settled = useDeferredValue<Settled<typeof timeline>>(now, UNSETTLED);
  const reportShown = useLessonStore((s) => s.practice.on && !s.practice.classMode && s.cursor === count - 1);
  // presenting, the panel may scroll with nothing in it to focus: it takes the focus itself (↑/↓ scroll it)
  const presenting = useLessonStore((s) => s.presenting);
  const { jumpStack, back, matrixView, toggleMatrixView } = useLessonStore(
    useShallow((s) => ({
      jumpStack: s.jumpStack,
      back: s.back,
      matrixView: s.matrixView,
      toggleMatrixView: s.toggleMatrixView,
    })),
  );

  if (!phase) {
    return (
      <section className="formula-panel" aria-label={t('formula.title')}>
        <p>{t('formula.noStep')}</p>
      </section>
    );
  }
  return (
    <section
      className={`formula-panel phase-${phase}`}
      aria-label={t('formula.title')}
      tabIndex={presenting ? 0 : undefined}
    >
      <PracticeBar />
      {jumpStack.length > 0 && (
        <button type="button" className="back" onClick={back}>
          ← {t('formula.back', { index: jumpStack[jumpStack.length - 1] + 1 })}
        </button>
      )}
      <div className="formula-pages">
        {pageIndices(cursor, settledCursor(settled, timeline), count).map((i) => (
          <FormulaPage key={i} index={i} current={i === cursor} />
        ))}
      </div>
      {reportShown && <PracticeReport />}
      <button type="button" className="matrix-toggle" aria-pressed={matrixView} onClick={toggleMatrixView}>
        {t('formula.matrixView')}
      </button>
      {matrixView && <MatrixView />}
    </section>
  );
}
