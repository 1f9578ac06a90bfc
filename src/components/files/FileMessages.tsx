import { useEffect } from 'react';
import { ROOT_PATH } from '../../engine';
import { problemText, useT } from '../../i18n';
import { useFileOpener } from './fileOpener';

/** How long a confirmation stays on screen. */
const STATUS_MS = 5000;

/**
 * Why a file was refused, with every problem as `path: text` in the reader's language (role="alert"), and
 * short confirmations in a polite live region that is always present so screen readers announce them.
 */
export function FileMessages() {
  const t = useT();
  const { refusal, dismiss, status, setStatus } = useFileOpener();
  useEffect(() => {
    if (!status) return;
    const id = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(id);
  }, [status, setStatus]);

  return (
    <>
      {refusal && (
        <div className="file-refusal" role="alert">
          <div className="file-refusal-head">
            <span aria-hidden="true">⚠ </span>
            <strong>
              {refusal.reason
                ? t('files.refusedBecause', {
                    name: refusal.name,
                    reason: t(refusal.reason.key, refusal.reason.params),
                  })
                : t('files.refused', { name: refusal.name, count: refusal.problems.length })}
            </strong>
            <button type="button" onClick={dismiss} aria-label={t('error.dismiss')}>
              ×
            </button>
          </div>
          {refusal.problems.length > 0 && (
            <ul className="file-problems">
              {refusal.problems.map((p, i) => (
                <li key={i}>
                  {p.path !== ROOT_PATH && <code>{p.path}</code>}
                  {p.path !== ROOT_PATH && ': '}
                  {problemText(t, p)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="file-status" role="status">
        {status ? t(status.key, status.params) : ''}
      </p>
    </>
  );
}
