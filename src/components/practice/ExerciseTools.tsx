import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { exerciseId, verifyCode, type CodeCounts } from '../../practice';
import { selectTimeline, useLessonStore } from '../../store';
import { encodeLink } from '../../store/persist';

/**
 * The teacher's tools: a share link that opens this lesson straight into practice with the settings chosen,
 * and "Check a completion code" against the exercise on screen.
 */
export function ExerciseTools() {
  const t = useT();
  const id = useId();
  const lesson = useLessonStore((s) => s.lesson);
  const granularity = useLessonStore((s) => s.granularity);
  const tl = useLessonStore(selectTimeline);
  const settings = useLessonStore((s) => s.practice.settings);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [code, setCode] = useState('');
  const [verdict, setVerdict] = useState<{ counts: CodeCounts | null } | null>(null);

  const make = () => {
    const hash = encodeLink({ lesson, granularity, cursor: 0, iteration: 1, exercise: settings });
    setLink(`${window.location.origin}${window.location.pathname}${hash}`);
    setCopied(false);
  };
  return (
    <div className="exercise-tools">
      <button type="button" onClick={make}>
        {t('practice.makeExercise')}
      </button>
      <p className="practice-help">{t('practice.exerciseHelp')}</p>
      {link && (
        <p className="exercise-link">
          <label htmlFor={`${id}-link`}>{t('practice.exerciseLink')}</label>
          <input
            id={`${id}-link`}
            type="text"
            readOnly
            value={link}
            data-testid="exercise-link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            onClick={() => {
              navigator.clipboard
                ?.writeText(link)
                .then(() => setCopied(true))
                .catch(() => setCopied(false));
            }}
          >
            {t('practice.copy')}
          </button>
          <span role="status">{copied ? t('practice.copied') : ''}</span>
        </p>
      )}
      <form
        className="code-check"
        onSubmit={(e) => {
          e.preventDefault();
          setVerdict({ counts: tl ? verifyCode(exerciseId(lesson, tl, settings), code) : null });
        }}
      >
        <h3>{t('practice.checkCode')}</h3>
        <p className="practice-help">{t('practice.checkCodeHelp')}</p>
        <label htmlFor={`${id}-code`}>{t('practice.codeLabel')}</label>
        <input
          id={`${id}-code`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setVerdict(null);
          }}
        />
        <button type="submit" disabled={code.trim() === ''}>
          {t('practice.verify')}
        </button>
        <p role="status" data-testid="code-verdict">
          {verdict === null
            ? ''
            : verdict.counts
              ? t('practice.codeValid', { ...verdict.counts })
              : t('practice.codeInvalid')}
        </p>
      </form>
    </div>
  );
}
