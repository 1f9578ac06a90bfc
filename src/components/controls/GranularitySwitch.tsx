import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import type { Granularity } from '../../steps';

const OPTIONS: Granularity[] = ['neuron', 'layer', 'weight'];

/** Neuron / layer (matrix) / weight detail: switching keeps the student on the same quantity. */
export function GranularitySwitch() {
  const t = useT();
  const granularity = useLessonStore((s) => s.granularity);
  const setGranularity = useLessonStore((s) => s.setGranularity);
  return (
    <fieldset className="segmented">
      <legend>{t('granularity.label')}</legend>
      {OPTIONS.map((g) => (
        <label key={g} className={g === granularity ? 'checked' : ''}>
          <input
            type="radio"
            name="granularity"
            value={g}
            checked={g === granularity}
            onChange={() => setGranularity(g)}
          />
          {t(`granularity.${g}`)}
        </label>
      ))}
    </fieldset>
  );
}
