import { useEffect, useId, useRef, useState } from 'react';
import type { Formula } from '../../formulas';
import { useT } from '../../i18n';
import { questionOf } from '../../practice/hints';
import { MAX_TRIES } from '../../practice/session';
import { hintMessage, selectStep, selectStepRecord, useLessonStore } from '../../store';
import { plainSymbol } from '../formula/plainSymbol';
import { Tex } from '../Tex';
import { useMessage } from './useMessage';

/**
 * What takes the place of a covered result: the symbol asked for, a field labelled "Your answer" with Check and
 * Show answer, and the hint after a wrong try; in class mode, a cover with Reveal (R). `current` false: a page
 * beneath the current one (nothing to tab to).
 */
export function PracticeAnswer({
  index,
  current,
  formula,
}: {
  index: number;
  current: boolean;
  formula: Formula;
}) {
  const t = useT();
  const message = useMessage();
  const step = useLessonStore((s) => selectStep(s, index));
  const record = useLessonStore((s) => selectStepRecord(s, index));
  const classMode = useLessonStore((s) => s.practice.classMode);
  const submitAnswer = useLessonStore((s) => s.submitAnswer);
  const showAnswer = useLessonStore((s) => s.showAnswer);
  const revealStep = useLessonStore((s) => s.revealStep);
  const next = useLessonStore((s) => s.next);
  const prev = useLessonStore((s) => s.prev);
  const STEP_KEYS: Record<string, () => void> = {
    ArrowRight: next,
    PageDown: next,
    ArrowLeft: prev,
    PageUp: prev,
  };
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  // the current page's field takes the focus when it comes up, so a student types answer after answer
  useEffect(() => {
    if (current && input.current && !input.current.disabled) input.current.focus({ preventScroll: true });
  }, [current]);
  if (!step) return null;
  const asked = questionOf(step);
  const symbol = formula.results.find((r) => r.id === asked)?.symbol ?? asked;
  const tabIndex = current ? undefined : -1;
  const wrong = record?.wrong ?? 0;
  const noTries = wrong >= MAX_TRIES;

  if (classMode) {
    return (
      <div className="practice-answer is-class">
        <p className="practice-cover">{t('practice.covered', { symbol: plainSymbol(symbol) })}</p>
        <button type="button" tabIndex={tabIndex} onClick={revealStep}>
          {t('practice.reveal')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="practice-answer"
      onSubmit={(e) => {
        e.preventDefault();
        const r = submitAnswer(typed);
        if (r?.verdict === 'wrong') input.current?.select();
      }}
    >
      <p className="practice-asked" id={`${id}-asked`}>
        <Tex tex={`${symbol} = \\;?`} label={plainSymbol(symbol)} />
      </p>
      <label htmlFor={`${id}-input`}>{t('practice.yourAnswer')}</label>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        tabIndex={tabIndex}
        value={typed}
        disabled={noTries}
        aria-describedby={`${id}-asked ${id}-help`}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          // the field keeps the arrows while it holds an answer; empty, they step on (a clicker's PageUp/PageDown always)
          const step = STEP_KEYS[e.key];
          if (!step || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
          if (typed !== '' && !e.key.startsWith('Page')) return;
          e.preventDefault();
          step();
        }}
      />
      <button type="submit" tabIndex={tabIndex} disabled={noTries || typed.trim() === ''}>
        {t('practice.check')}
      </button>
      <button type="button" tabIndex={tabIndex} onClick={showAnswer}>
        {t('practice.showAnswer')}
      </button>
      <p className="practice-help" id={`${id}-help`}>
        {t('practice.tolerance')}
      </p>
      {record?.hint && (
        <p
          className="practice-hint"
          data-testid={current ? 'practice-hint' : undefined}
          data-hint={record.hint.kind}
        >
          {message(hintMessage(record.hint))} {t(noTries ? 'practice.noTries' : 'practice.oneMore')}
        </p>
      )}
    </form>
  );
}
