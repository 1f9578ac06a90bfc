import { memo, useEffect, useRef } from 'react';
import { useFormatNumber } from '../../hooks';
import { useT } from '../../i18n';
import {
  selectCovered,
  selectErrata,
  selectFormula,
  selectGradientChecks,
  selectStep,
  useLessonStore,
} from '../../store';
import { PracticeAnswer } from '../lazyPanels';
import { Tex } from '../Tex';
import { SourceList } from './SourceList';
import { useFitFormulas } from './useFitFormulas';

/** The three rows: the rule, the rule with the numbers, the result. */
const ROWS = [
  { label: 'formula.rule', part: 'symbolic', id: 'formula-symbolic' },
  { label: 'formula.numbers', part: 'substituted', id: 'formula-substituted' },
  { label: 'formula.result', part: 'result', id: 'formula-result' },
] as const;

/**
 * A sentence with its spelled-out subscripts lowered, as the formulas draw them: `X_hidden,3` shows X with
 * "hidden,3" below the line. The underscore stays in the text for screen readers and copying, hidden on screen.
 */
function Subscripted({ text }: { text: string }) {
  const parts = text.split(/(_[A-Za-z0-9]+(?:,[A-Za-z0-9]+)*)/);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i}>
            <span className="sr-only">_</span>
            <sub>{p.slice(1)}</sub>
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}

/** Test ids only on the page on show, so a query finds the current step's rows. */
const testId = (current: boolean, id: string) => (current ? id : undefined);

/**
 * One step's page of the formula panel: the sentence, the three formula rows, the gradient check, errata and
 * sources. Pages beside the current one are rendered (and painted) beneath it, hidden from assistive technology
 * and out of the tab order, so a step only changes which one is on top. (Not `inert`: toggling it restyles
 * every element of both pages.)
 */
export const FormulaPage = memo(function FormulaPage({
  index,
  current,
}: {
  index: number;
  current: boolean;
}) {
  const t = useT();
  const fmt = useFormatNumber();
  const step = useLessonStore((s) => selectStep(s, index));
  const formula = useLessonStore((s) => selectFormula(s, index));
  const checks = useLessonStore((s) => selectGradientChecks(s, index));
  const errata = useLessonStore((s) => selectErrata(s, index));
  // practice: a covered result gives way to the student's answer (and nothing else on the page spoils it)
  const covered = useLessonStore((s) => selectCovered(s, index));
  const allTerms = useLessonStore((s) => s.allTerms);
  const setAllTerms = useLessonStore((s) => s.setAllTerms);
  const ref = useRef<HTMLDivElement>(null);
  // A page that goes under does not keep the keyboard focus (it would be invisible there).
  useEffect(() => {
    if (!current && ref.current?.contains(document.activeElement))
      (document.activeElement as HTMLElement).blur();
  }, [current]);
  // a long sum is drawn folded (its first and last terms) unless every term was asked for
  const shown = (!allTerms && formula?.folded) || formula;
  useFitFormulas(ref, shown);
  if (!step || !formula || !shown) return null;
  return (
    <div
      ref={ref}
      className={`formula-page${current ? ' is-current' : ''}`}
      aria-hidden={current ? undefined : true}
      data-step-id={step.id}
    >
      <h2 className="formula-sentence">
        <span className={`phase-tag phase-${step.phase}`}>{t(`phase.${step.phase}`)}</span>{' '}
        <span data-testid={testId(current, 'sentence')}>
          <Subscripted text={t(formula.sentence.key, formula.sentence.params)} />
        </span>
      </h2>
      <dl className="formula-rows">
        {ROWS.map(({ label, part, id }) => (
          <div key={part} className={part === 'result' ? 'result' : undefined}>
            <dt>{t(label)}</dt>
            <dd data-testid={testId(current, id)}>
              {part === 'result' && covered ? (
                <PracticeAnswer index={index} current={current} formula={formula} />
              ) : (
                <Tex tex={part === 'result' ? formula.result : shown[part]} block />
              )}
            </dd>
          </div>
        ))}
      </dl>
      {formula.folded && (
        <button
          type="button"
          className="all-terms"
          aria-expanded={allTerms}
          tabIndex={current ? undefined : -1}
          onClick={() => setAllTerms(!allTerms)}
        >
          {allTerms ? t('formula.fewerTerms') : t('formula.allTerms', { count: formula.folded.terms })}
        </button>
      )}
      {!covered && checks.length > 0 && (
        <ul className="grad-check" aria-label={t('formula.gradCheckTitle')}>
          {checks.slice(0, 6).map((c) => (
            <li key={`${c.kind}${c.layer}${c.neuron}${c.from}`}>
              <span aria-hidden="true">✓ </span>
              {t('formula.gradCheck', {
                analytic: fmt(c.analytic),
                numeric: fmt(c.numeric),
                rel: c.relativeError.toExponential(1),
              })}
            </li>
          ))}
        </ul>
      )}
      {(covered ? [] : errata).map((e) => (
        <p key={e.id} className="erratum" role="note">
          <strong aria-hidden="true">⚠ </strong>
          {t('formula.erratum', { printed: e.printed, computed: fmt(e.computed) })}
        </p>
      ))}
      <SourceList step={step} operands={formula.operands} tabbable={current} />
    </div>
  );
});
