import { useMemo, useState, type FormEvent } from 'react';
import { checkHandout, type FigureCheck, type HandoutCheck } from '../../documents';
import { formulaContext, formulaFor, texToText } from '../../formulas';
import { useFormatNumber } from '../../hooks';
import { textIn } from '../../engine';
import { useT } from '../../i18n';
import { timelineOf, useLessonStore } from '../../store';
import { Tex } from '../Tex';
import { DocumentShell } from './DocumentShell';

const MARK: Record<FigureCheck['status'], string> = {
  right: '✓',
  firstWrong: '✗',
  inherits: '↳',
  wrong: '✗',
};

/**
 * "Check my handout": a field for every quantity of the step, in the order the step computes them; Check marks
 * the first wrong figure, the figures that only inherit an error and those wrong on their own.
 */
export default function HandoutChecker({ onClose }: { onClose: () => void }) {
  const t = useT();
  const fmt = useFormatNumber();
  const lesson = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const title = useLessonStore((s) => s.lesson.title && textIn(s.lesson.title, s.locale));
  const rows = useMemo(() => {
    const tl = timelineOf(lesson, 'neuron');
    if (!tl) return [];
    const context = formulaContext(tl, lesson, digits);
    return tl.steps.flatMap((step) => formulaFor(step, tl, lesson, { digits, context }).results);
  }, [lesson, digits]);
  const [figures, setFigures] = useState<Record<string, string>>({});
  const [result, setResult] = useState<HandoutCheck | null>(null);
  const byId = useMemo(() => new Map(result?.figures.map((f) => [f.id, f])), [result]);

  const check = (e?: FormEvent) => {
    e?.preventDefault();
    setResult(checkHandout(lesson, figures));
  };
  const statusText = (f: FigureCheck) =>
    t(`documents.status.${f.status}`, { correct: fmt(f.correct), yours: fmt(f.fromYours) });
  const counts = result && {
    count: result.figures.length,
    right: result.figures.filter((f) => f.status === 'right').length,
    inherits: result.figures.filter((f) => f.status === 'inherits').length,
    wrong: result.figures.filter((f) => f.status === 'wrong' || f.status === 'firstWrong').length,
  };

  return (
    <DocumentShell
      title={`${t('documents.checkHandout')}${title ? `: ${title}` : ''}`}
      onClose={onClose}
      className="documents-handout"
    >
      <p>{t('documents.handoutIntro')}</p>
      <form onSubmit={check}>
        <div className="documents-handout-tools">
          {lesson.published && (
            <button
              type="button"
              onClick={() => {
                setFigures({ ...lesson.published });
                setResult(checkHandout(lesson, { ...lesson.published }));
              }}
            >
              {t('documents.fillPublished')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setFigures({});
              setResult(null);
            }}
          >
            {t('documents.clearFigures')}
          </button>
          <button type="submit">{t('documents.check')}</button>
        </div>
        <p role="status" className="documents-summary">
          {counts && (counts.count > 0 ? t('documents.summary', counts) : t('documents.summaryNone'))}
        </p>
        <table className="documents-figures">
          <tbody>
            {rows.map((r) => {
              const f = byId.get(r.id);
              const unreadable = result?.unreadable.includes(r.id);
              return (
                <tr key={r.id} data-value-id={r.id} data-status={f?.status}>
                  <th scope="row">
                    <Tex tex={r.symbol} label={texToText(r.symbol)} light />
                  </th>
                  <td>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={t('documents.figureFor', { quantity: texToText(r.symbol) })}
                      aria-invalid={f && f.status !== 'right' ? true : undefined}
                      value={figures[r.id] ?? ''}
                      onChange={(e) => setFigures((old) => ({ ...old, [r.id]: e.target.value }))}
                    />
                  </td>
                  <td className="documents-mark">
                    {f && (
                      <>
                        <span aria-hidden="true">{MARK[f.status]} </span>
                        {statusText(f)}
                      </>
                    )}
                    {unreadable && t('documents.notANumber')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </form>
    </DocumentShell>
  );
}
