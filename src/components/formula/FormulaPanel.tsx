import { useShallow } from 'zustand/react/shallow';
import { useFormatNumber } from '../../hooks/useFormatNumber';
import { useT } from '../../i18n';
import { selectErrata, selectFormula, selectGradientChecks, selectStep, useLessonStore } from '../../store';
import { Tex } from '../Tex';
import { MatrixView } from './MatrixView';
import { SourceList } from './SourceList';

/** The current step: what it does, the rule, the rule with numbers, the result, and where each number came from. */
export function FormulaPanel() {
  const t = useT();
  const fmt = useFormatNumber();
  const step = useLessonStore(selectStep);
  const formula = useLessonStore(selectFormula);
  const checks = useLessonStore(selectGradientChecks);
  const errata = useLessonStore(selectErrata);
  const { jumpStack, back, matrixView, toggleMatrixView } = useLessonStore(
    useShallow((s) => ({ jumpStack: s.jumpStack, back: s.back, matrixView: s.matrixView, toggleMatrixView: s.toggleMatrixView })),
  );

  if (!step || !formula) {
    return (
      <section className="formula-panel" aria-label={t('formula.title')}>
        <p>{t('formula.noStep')}</p>
      </section>
    );
  }
  const sentenceParams = formula.sentence.params;
  return (
    <section className={`formula-panel phase-${step.phase}`} aria-label={t('formula.title')} data-step-id={step.id}>
      <header className="formula-header">
        <h2>
          <span className={`phase-tag phase-${step.phase}`}>{t(`phase.${step.phase}`)}</span>{' '}
          <span data-testid="sentence">{t(formula.sentence.key, sentenceParams)}</span>
        </h2>
        {jumpStack.length > 0 && (
          <button type="button" className="back" onClick={back}>
            ← {t('formula.back', { index: jumpStack[jumpStack.length - 1] + 1 })}
          </button>
        )}
      </header>
      <dl className="formula-rows">
        <div>
          <dt>{t('formula.rule')}</dt>
          <dd data-testid="formula-symbolic">
            <Tex tex={formula.symbolic} block />
          </dd>
        </div>
        <div>
          <dt>{t('formula.numbers')}</dt>
          <dd data-testid="formula-substituted">
            <Tex tex={formula.substituted} block />
          </dd>
        </div>
        <div className="result">
          <dt>{t('formula.result')}</dt>
          <dd data-testid="formula-result">
            <Tex tex={formula.result} block />
          </dd>
        </div>
      </dl>
      {checks.length > 0 && (
        <ul className="grad-check" aria-label={t('formula.gradCheckTitle')}>
          {checks.slice(0, 6).map((c) => (
            <li key={`${c.kind}${c.layer}${c.neuron}${c.from}`}>
              <span aria-hidden="true">✓ </span>
              {t('formula.gradCheck', { analytic: fmt(c.analytic), numeric: fmt(c.numeric), rel: c.relativeError.toExponential(1) })}
            </li>
          ))}
        </ul>
      )}
      {errata.map((e) => (
        <p key={e.id} className="erratum" role="note">
          <strong aria-hidden="true">⚠ </strong>
          {t('formula.erratum', { printed: e.printed, computed: fmt(e.computed) })}
        </p>
      ))}
      <SourceList step={step} operands={formula.operands} />
      <button type="button" className="matrix-toggle" aria-pressed={matrixView} onClick={toggleMatrixView}>
        {t('formula.matrixView')}
      </button>
      {matrixView && <MatrixView />}
    </section>
  );
}
