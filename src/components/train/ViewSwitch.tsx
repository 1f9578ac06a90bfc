import { useT } from '../../i18n';
import { useLessonStore, type View } from '../../store';
import './view-switch.css';

const VIEWS: View[] = ['step', 'train'];

/** The switch between the step-by-step view and the Train view (same lesson, weights and language). */
export function ViewSwitch() {
  const t = useT();
  const view = useLessonStore((s) => s.view);
  const setView = useLessonStore((s) => s.setView);
  return (
    <nav aria-label={t('view.label')}>
      <fieldset className="view-switch">
        <legend className="sr-only">{t('view.label')}</legend>
        {VIEWS.map((v) => (
          <label key={v} className={v === view ? 'current' : undefined}>
            <input type="radio" name="view" value={v} checked={v === view} onChange={() => setView(v)} />
            {t(`view.${v}`)}
          </label>
        ))}
      </fieldset>
    </nav>
  );
}
