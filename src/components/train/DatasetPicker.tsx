import { memo, useRef, useState } from 'react';
import { DEFAULT_NOISE } from '../../data';
import { parseCsv, type CsvProblem, type DatasetSpec } from '../../engine';
import { problemText, useT } from '../../i18n';
import { useLessonStore } from '../../store';
import { BUILTIN_SETS, datasetSeed, withDataset } from './trainData';

/** Generated sets: they take a seed and a noise. */
const GENERATED = new Set(['gaussians', 'circle', 'spiral']);

/**
 * The lesson's data set: a built-in one (generated ones with a seed and noise), a CSV file (refused whole, with
 * every problem's line and column, when malformed), or the lesson's own samples. A change fits the network's input
 * and output layers to the data and passes the gate (undoable).
 */
export const DatasetPicker = memo(function DatasetPicker() {
  const t = useT();
  const lesson = useLessonStore((s) => s.lesson);
  const adoptLesson = useLessonStore((s) => s.adoptLesson);
  const file = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ name: string; list: CsvProblem[] } | null>(null);
  const d = lesson.dataset;
  const value = !d ? 'none' : d.kind === 'builtin' ? d.name : d.kind;
  const generated = d?.kind === 'builtin' && GENERATED.has(d.name) ? d : null;
  const adopt = (dataset: DatasetSpec) => {
    setProblems(null);
    adoptLesson(withDataset(lesson, dataset));
  };

  const readFile = (f: File) => {
    const reader = new FileReader();
    reader.onload = () => readText(f.name, String(reader.result ?? ''));
    reader.readAsText(f);
  };
  const readText = (name: string, text: string) => {
    const parsed = parseCsv(text);
    if (!parsed.ok) setProblems({ name, list: parsed.problems });
    else adopt({ kind: 'csv', text, seed: datasetSeed(lesson) });
  };

  return (
    <div className="dataset-picker">
      <label>
        {t('train.dataset')}
        <select
          value={value}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'csvFile') return file.current?.click();
            const name = BUILTIN_SETS.find((n) => n === v);
            if (name) adopt({ kind: 'builtin', name, seed: datasetSeed(lesson) });
          }}
        >
          {!d && <option value="none">{t('train.datasetNone')}</option>}
          {d?.kind === 'inline' && <option value="inline">{t('train.datasetInline')}</option>}
          {BUILTIN_SETS.map((n) => (
            <option key={n} value={n}>
              {t(`train.dataset.${n}`)}
            </option>
          ))}
          {d?.kind === 'csv' && <option value="csv">{t('train.datasetCsv')}</option>}
          <option value="csvFile">{t('train.datasetCsvFile')}</option>
        </select>
      </label>
      <input
        ref={file}
        type="file"
        accept=".csv,text/csv,text/plain"
        hidden
        aria-label={t('train.datasetCsvFile')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) readFile(f);
        }}
      />
      {generated && (
        <>
          <label>
            {t('train.datasetSeed')}
            <input
              type="number"
              min={0}
              step={1}
              value={datasetSeed(lesson)}
              onChange={(e) => {
                const seed = Math.round(Number(e.target.value));
                if (Number.isSafeInteger(seed) && seed >= 0) adopt({ ...generated, seed });
              }}
            />
          </label>
          <label>
            {t('train.datasetNoise')}
            <input
              type="number"
              min={0}
              max={2}
              step={0.05}
              value={generated.noise ?? DEFAULT_NOISE[generated.name as keyof typeof DEFAULT_NOISE]}
              onChange={(e) => {
                const noise = Number(e.target.value);
                if (e.target.value !== '' && noise >= 0 && noise <= 2) adopt({ ...generated, noise });
              }}
            />
          </label>
        </>
      )}
      {problems && (
        <div className="train-message csv-problems" role="alert">
          <p>{t('train.csvRefused', { name: problems.name, count: problems.list.length })}</p>
          <ul>
            {problems.list.map((p, i) => (
              <li key={i}>{problemText(t, { ...p, path: '' })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});
