import { useT } from '../i18n';
import { useLessonStore } from '../store';
import './notice.css';

/**
 * A dismissible message: a refused edit, a broken link, a file that could not be read, a stopped iteration;
 * with its one action as a button when it has one ("Lower η and go on", "Back to your work").
 */
export function Notice() {
  const t = useT();
  const notice = useLessonStore((s) => s.notice);
  const setNotice = useLessonStore((s) => s.setNotice);
  const runNoticeAction = useLessonStore((s) => s.runNoticeAction);
  if (!notice) return null;
  const action = notice.action;
  return (
    <div className="notice" role="alert">
      <span aria-hidden="true">⚠ </span>
      <span>{t(notice.key, notice.params)}</span>
      {action && (
        <button type="button" className="notice-action" onClick={runNoticeAction}>
          {action.kind === 'lowerRate'
            ? t('notice.lowerRate', { eta: action.learningRate })
            : t('notice.backToWork')}
        </button>
      )}
      <button type="button" onClick={() => setNotice(null)} aria-label={t('error.dismiss')}>
        ×
      </button>
    </div>
  );
}
