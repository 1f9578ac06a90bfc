import { useMemo } from 'react';
import { useT } from '../../i18n';
import { completionCode, exerciseId, questionOf, OUTCOMES, totalScore, type Outcome } from '../../practice';
import {
  selectHiddenSteps,
  selectPracticeRecords,
  selectPracticeScore,
  selectTimeline,
  useLessonStore,
} from '../../store';
import { formulaOf } from '../../store';
import { plainSymbol } from '../formula/plainSymbol';

/** Items listed per group at most (a big network at weight detail hides thousands of steps). */
const LISTED = 40;

/**
 * The end of the iteration's report: the steps right at the first try, right after a hint, shown and not yet
 * answered, each linking to its step; and for a teacher's exercise, once every hidden step is done, the
 * completion code.
 */
export function PracticeReport() {
  const t = useT();
  const tl = useLessonStore(selectTimeline);
  const lesson = useLessonStore((s) => s.lesson);
  const digits = useLessonStore((s) => s.digits);
  const hidden = useLessonStore(selectHiddenSteps);
  const records = useLessonStore(selectPracticeRecords);
  const scores = useLessonStore(selectPracticeScore);
  const practice = useLessonStore((s) => s.practice);
  const goTo = useLessonStore((s) => s.goTo);
  const exercise = useMemo(
    () => (tl && practice.exercise ? exerciseId(lesson, tl, practice.settings) : null),
    [lesson, tl, practice.exercise, practice.settings],
  );
  const restart = useLessonStore((s) => s.restartPractice);
  if (!tl || hidden.length === 0) return null;
  const groups: Record<Outcome | 'open', number[]> = { first: [], hinted: [], shown: [], open: [] };
  for (const step of tl.steps)
    if (hidden[step.index]) groups[records[step.id]?.outcome ?? 'open'].push(step.index);
  const total = totalScore(scores);
  const done = groups.open.length === 0;
  const label = (i: number) => {
    const step = tl.steps[i];
    const asked = questionOf(step);
    const symbol = formulaOf(lesson, tl, i, digits).results.find((r) => r.id === asked)?.symbol ?? asked;
    return t('practice.report.step', { index: i + 1, symbol: plainSymbol(symbol) });
  };
  return (
    <section
      className="practice-report"
      aria-labelledby="practice-report-title"
      data-testid="practice-report"
    >
      <h3 id="practice-report-title" tabIndex={-1}>
        {t('practice.report')}
      </h3>
      {([...OUTCOMES, 'open'] as const).map((g) =>
        groups[g].length === 0 ? null : (
          <div key={g} className={`report-group report-${g}`}>
            <h4>{t(`practice.report.${g}`, { count: groups[g].length })}</h4>
            <ul>
              {groups[g].slice(0, LISTED).map((i) => (
                <li key={i}>
                  <button type="button" className="report-link" onClick={() => goTo(i)}>
                    {label(i)}
                  </button>
                </li>
              ))}
              {groups[g].length > LISTED && <li>…</li>}
            </ul>
          </div>
        ),
      )}
      {exercise && (
        <p className="completion-code" data-testid="completion-code">
          {done ? (
            <>
              {t('practice.code')}:{' '}
              <strong>
                {completionCode(exercise, {
                  first: total.first,
                  hinted: total.hinted,
                  shown: total.shown,
                })}
              </strong>{' '}
              {t('practice.codeHelp')}
            </>
          ) : (
            t('practice.codeWaiting')
          )}
        </p>
      )}
      <button type="button" onClick={restart}>
        {t('practice.restart')}
      </button>
    </section>
  );
}
