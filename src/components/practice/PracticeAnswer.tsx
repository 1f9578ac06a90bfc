import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import type { Formula } from '../../formulas';
import { useT } from '../../i18n';
import { questionOf, MAX_TRIES } from '../../practice';
import { hintMessage, selectStep, selectStepRecord, useLessonStore } from '../../store';
import { plainSymbol } from '../formula/plainSymbol';
import { Tex } from '../Tex';
import { useMessage } from './useMessage';

/**
 * Scrolls the panel that scrolls `el` (its nearest scrolling ancestor, not the page) by as little as shows all of
 * `el`, its top first when it is taller than the panel: on a short screen the answer field and the hint below it
 * would otherwise sit under the panel's bottom edge.
 */
function showInPanel(el: HTMLElement) {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY !== 'auto' && overflowY !== 'scroll') || p.scrollHeight <= p.clientHeight) continue;
    const panel = p.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.bottom > panel.bottom) p.scrollTop += Math.min(box.bottom - panel.bottom, box.top - panel.top);
    else if (box.top < panel.top) p.scrollTop -= panel.top - box.top;
    return;
  }
}

/**
 * Where the focus goes when a covered result it was in is revealed (the field and its buttons go away): the Next
 * step button, or at the last step the practice report; never the page's body, where a keyboard user would
 * start again from the top.
 */
function focusAfterReveal() {
  const a = document.activeElement;
  if (a && a !== document.body) return;
  const next = document.querySelector<HTMLElement>('.transport .next:not(:disabled)');
  const report = document.getElementById('practice-report-title');
  (next ?? report)?.focus({ preventScroll: next === null });
}

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
  const form = useRef<HTMLFormElement>(null);
  /** Whether the focus is in the field or its buttons (kept when they are taken away, to hand it on). */
  const hadFocus = useRef(false);
  const focusIn = () => (hadFocus.current = true);
  const focusOut = (e: FocusEvent) => {
    if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) hadFocus.current = false;
  };
  useEffect(
    () => () => {
      if (hadFocus.current) requestAnimationFrame(focusAfterReveal);
    },
    [],
  );
  const id = useId();
  const wrong = record?.wrong ?? 0;
  // the current page's field takes the focus when it comes up, so a student types answer after answer; the field,
  // and after a wrong try the hint, are scrolled into the panel's view (never the page's: the graph stays put)
  useEffect(() => {
    if (!current) return;
    if (input.current && !input.current.disabled) input.current.focus({ preventScroll: true });
    const frame = requestAnimationFrame(() => form.current && showInPanel(form.current));
    return () => cancelAnimationFrame(frame);
  }, [current, wrong]);
  if (!step) return null;
  const asked = questionOf(step);
  const symbol = formula.results.find((r) => r.id === asked)?.symbol ?? asked;
  const tabIndex = current ? undefined : -1;
  const noTries = wrong >= MAX_TRIES;

  if (classMode) {
    return (
      <div className="practice-answer is-class" onFocus={focusIn} onBlur={focusOut}>
        <p className="practice-cover">{t('practice.covered', { symbol: plainSymbol(symbol) })}</p>
        <button type="button" tabIndex={tabIndex} onClick={revealStep}>
          {t('practice.reveal')}
        </button>
      </div>
    );
  }
  return (
    <form
      ref={form}
      className="practice-answer"
      onFocus={focusIn}
      onBlur={focusOut}
      onSubmit={(e) => {
        e.preventDefault();
        const r = submitAnswer(typed);
        if (r?.verdict === 'wrong') input.current?.select();
      }}
    >
      <p className="practice-asked" id={`${id}-asked`}>
        <Tex tex={`${symbol} = \\;?`} label={`${plainSymbol(symbol)} = ?`} />
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
        aria-describedby={`${id}-asked ${id}-help${record?.hint ? ` ${id}-hint` : ''}`}
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
          id={`${id}-hint`}
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
