import { useId } from 'react';
import { useT } from '../../i18n';
import { useLessonStore } from '../../store';

/** The significant-digits settings offered (the store clamps to the same range). */
export const DIGIT_CHOICES = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * "Digits": how many significant digits every number is shown with (formula panel, graph labels, tooltips).
 * Saved with the autosave like the theme and language.
 */
export function DigitsControl() {
  const t = useT();
  const id = useId();
  const digits = useLessonStore((s) => s.digits);
  const setDigits = useLessonStore((s) => s.setDigits);
  return (
    <span style={{ display: 'flex', gap: '0.35rem', alignItems: 'center', fontSize: '0.9rem' }}>
      <label htmlFor={id}>{t('app.digits')}</label>
      <select
        id={id}
        value={digits}
        title={t('app.digits.hint')}
        onChange={(e) => setDigits(Number(e.target.value))}
      >
        {DIGIT_CHOICES.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </span>
  );
}
