import { useT } from '../i18n';
import { useLessonStore } from '../store';

/** A dismissible message: a refused edit, a broken link, a file that could not be read. */
export function Notice() {
  const t = useT();
  const notice = useLessonStore((s) => s.notice);
  const setNotice = useLessonStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span aria-hidden="true">⚠ </span>
      <span>{t(notice.key, notice.params)}</span>
      <button type="button" onClick={() => setNotice(null)} aria-label={t('error.dismiss')}>
        ×
      </button>
    </div>
  );
}
