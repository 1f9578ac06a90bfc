import { useEffect } from 'react';
import { useT } from '../../i18n';
import { PRACTICE_KINDS, FADINGS, type Fading } from '../../practice';
import { lessonStore, selectPracticeFeedback, selectPracticeScore, useLessonStore } from '../../store';
import { ExerciseTools } from './ExerciseTools';
import { useMessage } from './useMessage';
import './practice.css';

/** Whether a key event comes from a field that takes typed text. */
function typing(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e?.tagName) return false;
  return e.isContentEditable || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.tagName === 'INPUT';
}

/** Class mode's key: R reveals the covered result (outside text fields and dialogs). */
function useRevealKey(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'r' && e.key !== 'R') return;
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if ((e.target as HTMLElement | null)?.closest?.('dialog[open]')) return;
      e.preventDefault();
      lessonStore.getState().revealStep();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

/** A labelled on/off switch (the Practice switch, class mode). */
function Switch({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange(on: boolean): void;
  label: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className="practice-switch"
      onClick={() => onChange(!checked)}
    >
      <span className="practice-knob" aria-hidden="true" />
      {label}
    </button>
  );
}

/**
 * The Practice switch and, while practice is on, its polite announcements, the score per phase and the settings:
 * which kinds of step to hide, fading, class mode, and the teacher's exercise tools.
 */
export function PracticeBar() {
  const t = useT();
  const message = useMessage();
  const practice = useLessonStore((s) => s.practice);
  const scores = useLessonStore(selectPracticeScore);
  const setOn = useLessonStore((s) => s.setPracticeOn);
  const setSettings = useLessonStore((s) => s.setPracticeSettings);
  const setClassMode = useLessonStore((s) => s.setClassMode);
  const feedback = useLessonStore(selectPracticeFeedback);
  const { on, settings, classMode, exercise } = practice;
  useRevealKey(on && classMode);
  // a wrong answer's hint is on show beside the field: here it is only announced
  const quiet = feedback[0]?.key === 'practice.wrong';

  return (
    <div className={`practice-bar${on ? ' is-on' : ''}`}>
      <div className="practice-head">
        <Switch checked={on} onChange={setOn} label={t('practice.switch')} />
        {on && exercise && <span className="practice-exercise-tag">{t('practice.exerciseOn')}</span>}
        {on && !classMode && scores.length > 0 && (
          <p className="practice-score" data-testid="practice-score">
            {t('practice.score')}{' '}
            {scores.map((s) => (
              <span key={s.phase} className={`phase-${s.phase}`}>
                {t('practice.scorePhase', { phase: t(`phase.${s.phase}`), first: s.first, total: s.total })}
              </span>
            ))}
          </p>
        )}
        {on && (
          <details className="practice-settings">
            <summary>{t('practice.settings')}</summary>
            <fieldset>
              <legend>{t('practice.kinds')}</legend>
              {PRACTICE_KINDS.map((k) => (
                <label key={k}>
                  <input
                    type="checkbox"
                    checked={settings.kinds.includes(k)}
                    disabled={settings.kinds.length === 1 && settings.kinds.includes(k)}
                    onChange={(e) =>
                      setSettings({
                        ...settings,
                        kinds: PRACTICE_KINDS.filter((x) =>
                          x === k ? e.target.checked : settings.kinds.includes(x),
                        ),
                      })
                    }
                  />
                  {t(`practice.kind.${k}`)}
                </label>
              ))}
            </fieldset>
            <label className="practice-fading">
              {t('practice.fading')}
              <select
                value={settings.fading}
                onChange={(e) => setSettings({ ...settings, fading: e.target.value as Fading })}
              >
                {FADINGS.map((f) => (
                  <option key={f} value={f}>
                    {t(`practice.fading.${f}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="practice-help">{t('practice.fadingHelp')}</p>
            <Switch checked={classMode} onChange={setClassMode} label={t('practice.classMode')} />
            <p className="practice-help">{t('practice.classModeHelp')}</p>
            <ExerciseTools />
          </details>
        )}
      </div>
      <p className={`practice-status${quiet ? ' sr-only' : ''}`} role="status" data-testid="practice-status">
        {feedback.map(message).join(' ')}
      </p>
    </div>
  );
}
