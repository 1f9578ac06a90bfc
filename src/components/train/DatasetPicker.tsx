import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import { BUILTIN_SETS, datasetSeed, withDataset } from './trainData';

/** The lesson's data set: a built-in one (generated ones with a seed), or the lesson's own samples. */
export function DatasetPicker() {
  const t = useT();
  const lesson = useLessonStore((s) => s.lesson);
  const adoptLesson = useLessonStore((s) => s.adoptLesson);
  const d = lesson.dataset;
  const value = !d ? 'none' : d.kind === 'inline' ? 'inline' : d.name;
  const generated = d?.kind === 'builtin' && d.name !== 'iris' && d.name !== 'xor';
  return (
    <div className="dataset-picker">
      <label>
        {t('train.dataset')}
        <select
          value={value}
          onChange={(e) => {
            const name = BUILTIN_SETS.find((n) => n === e.target.value);
            if (name) adoptLesson(withDataset(lesson, { kind: 'builtin', name, seed: datasetSeed(lesson) }));
          }}
        >
          {!d && <option value="none">{t('train.datasetNone')}</option>}
          {d?.kind === 'inline' && <option value="inline">{t('train.datasetInline')}</option>}
          {BUILTIN_SETS.map((n) => (
            <option key={n} value={n}>
              {t(`train.dataset.${n}`)}
            </option>
          ))}
        </select>
      </label>
      {generated && (
        <label>
          {t('train.datasetSeed')}
          <input
            type="number"
            min={0}
            step={1}
            value={datasetSeed(lesson)}
            onChange={(e) => {
              const seed = Math.round(Number(e.target.value));
              if (Number.isSafeInteger(seed) && seed >= 0 && d?.kind === 'builtin')
                adoptLesson({ ...lesson, dataset: { ...d, seed } });
            }}
          />
        </label>
      )}
    </div>
  );
}
