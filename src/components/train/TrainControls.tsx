import { memo, useState, type InputHTMLAttributes } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import type { PageToWorker, TrainSettings } from '../../training';

/** Speeds offered, samples per second (Infinity: as fast as possible). */
export const SPEEDS = [1, 10, 100, 1000, 10000, Infinity];

interface Props {
  post: (m: PageToWorker) => void;
  /** Training samples (for full batch). */
  trainCount: number;
  /** The data set fits the network (else nothing can run). */
  ready: boolean;
}

/** Start / Pause, One epoch, One sample, Reset training, and the run's settings. */
export const TrainControls = memo(function TrainControls({ post, trainCount, ready }: Props) {
  const t = useT();
  const { running, settings, setTrainSettings, resetTraining } = useLessonStore(
    useShallow((s) => ({
      running: s.training.running,
      settings: s.training.settings,
      setTrainSettings: s.setTrainSettings,
      resetTraining: s.resetTraining,
    })),
  );
  const change = (patch: Partial<TrainSettings>) => {
    setTrainSettings(patch);
    post({ type: 'settings', settings: patch });
  };
  const batchKind = settings.batchSize <= 1 ? 'sgd' : settings.batchSize >= trainCount ? 'full' : 'mini';

  return (
    <div className="train-controls">
      <div className="train-buttons" role="group" aria-label={t('train.controls')}>
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => post({ type: running ? 'pause' : 'start' })}
        >
          {running ? t('train.pause') : t('train.start')}
        </button>
        <button type="button" disabled={!ready || running} onClick={() => post({ type: 'oneEpoch' })}>
          {t('train.oneEpoch')}
        </button>
        <button type="button" disabled={!ready || running} onClick={() => post({ type: 'oneSample' })}>
          {t('train.oneSample')}
        </button>
        <button
          type="button"
          disabled={!ready}
          onClick={() => {
            post({ type: 'reset' });
            resetTraining(settings);
          }}
        >
          {t('train.reset')}
        </button>
      </div>
      <div className="train-settings">
        <label>
          {t('train.stopWhen')}
          <select
            value={settings.stop.kind}
            onChange={(e) =>
              change({
                stop:
                  e.target.value === 'loss' ? { kind: 'loss', below: 0.01 } : { kind: 'epochs', epochs: 300 },
              })
            }
          >
            <option value="epochs">{t('train.stopEpochs')}</option>
            <option value="loss">{t('train.stopLoss')}</option>
          </select>
        </label>
        {settings.stop.kind === 'epochs' ? (
          <label>
            {t('train.epochs')}
            <NumberInput
              min={1}
              max={100000}
              step={1}
              value={settings.stop.epochs}
              valid={(v) => Number.isInteger(v) && v >= 1 && v <= 100000}
              onValid={(epochs) => change({ stop: { kind: 'epochs', epochs } })}
            />
          </label>
        ) : (
          <label>
            {t('train.lossBelow')}
            <NumberInput
              min={0}
              step="any"
              value={settings.stop.below}
              valid={(v) => v > 0}
              onValid={(below) => change({ stop: { kind: 'loss', below } })}
            />
          </label>
        )}
        <label>
          {t('train.batch')}
          <select
            value={batchKind}
            onChange={(e) => {
              const kind = e.target.value;
              const batchSize =
                kind === 'sgd' ? 1 : kind === 'full' ? trainCount : Math.min(10, trainCount - 1);
              change({ batchSize: Math.max(1, batchSize) });
            }}
          >
            <option value="sgd">{t('train.batchSgd')}</option>
            <option value="mini">{t('train.batchMini')}</option>
            <option value="full">{t('train.batchFull')}</option>
          </select>
        </label>
        {batchKind === 'mini' && (
          <label>
            {t('train.batchSize')}
            <NumberInput
              min={2}
              max={Math.max(2, trainCount - 1)}
              step={1}
              value={settings.batchSize}
              valid={(m) => Number.isInteger(m) && m >= 2 && m < trainCount}
              onValid={(batchSize) => change({ batchSize })}
            />
          </label>
        )}
        <label>
          {t('train.learningRate')}
          <NumberInput
            min={0}
            step="any"
            disabled={running}
            value={settings.learningRate}
            valid={(eta) => eta > 0 && eta <= 1e6}
            onValid={(learningRate) => change({ learningRate })}
          />
        </label>
        <label>
          {t('train.speed')}
          <select
            value={String(
              SPEEDS.indexOf(settings.speed) === -1 ? SPEEDS.length - 1 : SPEEDS.indexOf(settings.speed),
            )}
            onChange={(e) => change({ speed: SPEEDS[Number(e.target.value)] })}
          >
            {SPEEDS.map((v, i) => (
              <option key={v} value={i}>
                {v === Infinity ? t('train.speedMax') : t('train.speedValue', { count: v })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
});

interface NumberInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> {
  value: number;
  valid: (v: number) => boolean;
  onValid: (v: number) => void;
}

/** A number field that keeps what is typed, passes on each valid value, and marks an invalid one. */
function NumberInput({ value, valid, onValid, ...rest }: NumberInputProps) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // the value changed elsewhere (a reset, "Lower η and go on"): show it unless the text already says it
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  const v = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(v) && valid(v);
  return (
    <input
      {...rest}
      type="number"
      value={text}
      aria-invalid={!ok}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(n) && valid(n)) {
          setShown(n);
          onValid(n);
        }
      }}
    />
  );
}
