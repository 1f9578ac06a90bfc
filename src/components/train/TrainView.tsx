import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFormatNumber } from '../../hooks';
import { useT } from '../../i18n';
import { lowerRate, useLessonStore, type LessonState, type LossRecord } from '../../store';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DatasetPicker } from './DatasetPicker';
import { DecisionMap } from './DecisionMap';
import { percent, TrainCharts } from './TrainCharts';
import { SamplePanel } from './SamplePanel';
import { TrainControls } from './TrainControls';
import { TrainGraph } from './TrainGraph';
import { classOf, confusion, isClassification, predictor } from './predictions';
import { classNamesOf, namedClassesOf, withDataset } from './trainData';
import { useCalmSelector } from './useCalm';
import { useTrainer } from './useTrainer';
import './train.css';

/** The last completed epoch of the history (the step view's iterations have no accuracy). */
function lastEpoch(history: readonly LossRecord[]): LossRecord | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (!history[i].iteration) return history[i];
  return undefined;
}

const runSnapshot = (s: LessonState) => s.training.snapshot;

/** "Epoch N", the training loss, the validation accuracy and the run's state: every frame while a run goes. */
function TrainStatus() {
  const t = useT();
  const fmt = useFormatNumber();
  const { epoch, last, stop, running } = useLessonStore(
    useShallow((s) => ({
      epoch: s.training.snapshot?.epoch ?? 0,
      last: lastEpoch(s.training.history),
      stop: s.training.stop,
      running: s.training.running,
    })),
  );
  return (
    <p className="train-status">
      <span data-testid="train-epoch">{t('train.epochN', { n: epoch })}</span>
      <span data-testid="train-loss">
        {t('train.trainingLossValue', { value: last ? fmt(last.trainLoss) : '—' })}
      </span>
      {last?.validationAccuracy !== undefined && (
        <span data-testid="train-validation-accuracy">
          {t('train.validationAccuracyValue', { value: percent(last.validationAccuracy) })}
        </span>
      )}
      <span className="train-state">
        {running ? t('train.running') : stop ? t(`train.stopped.${stop.reason}`) : t('train.paused')}
      </span>
    </p>
  );
}

/**
 * The Train view: trains the lesson's network over its data set in a worker, with the loss and accuracy per
 * epoch, what the network has learned, and any sample's step one click away.
 */
export default function TrainView() {
  const t = useT();
  const { split, fitting, post } = useTrainer();
  const { lesson, stop, settings } = useLessonStore(
    useShallow((s) => ({ lesson: s.lesson, stop: s.training.stop, settings: s.training.settings })),
  );
  // what the network has learned follows the run at most every CALM_MS while it goes (the status line, the
  // charts and the graph every frame)
  const snapshot = useCalmSelector(runSnapshot);
  const picked = useLessonStore((s) => s.training.picked);
  const pickSample = useLessonStore((s) => s.pickSample);
  const setTrainSettings = useLessonStore((s) => s.setTrainSettings);
  const adoptLesson = useLessonStore((s) => s.adoptLesson);
  const layers = lesson.layers;
  const sizes = useMemo(() => layers.map((l) => l.size), [layers]);
  const graphLabel = useCallback((n: number) => t('train.networkLabel', { n }), [t]);
  const weights = snapshot?.weights ?? lesson.weights;
  const biases = snapshot?.biases ?? lesson.biases;
  const predict = useMemo(
    () => (fitting ? predictor(lesson, weights, biases) : null),
    // the network's shape is in `fitting`'s lesson; weights change every frame while training
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fitting, weights, biases, lesson.layers, lesson.loss, lesson.useBias],
  );

  const classes = split.train[0]?.target.length ?? 1;
  const classification = fitting && isClassification([...split.train, ...split.validation]);
  const named = useMemo(() => namedClassesOf(lesson), [lesson]);
  const classNames = useMemo(() => classNamesOf(named, classes), [named, classes]);
  const matrix = useMemo(
    () =>
      classification && predict && split.validation.length > 0
        ? confusion(split.validation, predict, Math.max(2, classes))
        : null,
    [classification, predict, split, classes],
  );
  const twoD = fitting && sizes[0] === 2 && classification;
  const failure = stop?.failure;

  return (
    <section className="train-view" aria-label={t('view.train')}>
      <div className="train-top">
        <DatasetPicker />
        <TrainStatus />
      </div>
      {!fitting && (
        <div className="train-message" role="alert">
          <p>
            {t('train.doesNotFit', {
              inputs: split.train[0]?.input.length ?? 0,
              outputs: split.train[0]?.target.length ?? 0,
            })}
          </p>
          <button
            type="button"
            onClick={() => lesson.dataset && adoptLesson(withDataset(lesson, lesson.dataset))}
          >
            {t('train.fitNetwork')}
          </button>
        </div>
      )}
      {failure && (
        <div className="train-message" role="alert">
          <p>
            {t(stop.reason === 'limit' ? 'train.tooLarge' : 'train.nonFinite', {
              epoch: failure.epoch,
              sample: failure.sample + 1,
              eta: settings.learningRate,
              suggestion: lowerRate(settings.learningRate),
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              const learningRate = lowerRate(settings.learningRate);
              setTrainSettings({ learningRate });
              post({ type: 'settings', settings: { learningRate } });
              post({ type: 'start' });
            }}
          >
            {t('notice.lowerRate')}
          </button>
        </div>
      )}
      <TrainControls post={post} trainCount={split.train.length} ready={fitting} />
      <TrainCharts validation={split.validation.length > 0} />
      <div className="train-learned">
        <figure>
          <figcaption>{t('train.network')}</figcaption>
          <TrainGraph sizes={sizes} label={graphLabel} />
        </figure>
        {twoD && predict && (
          <figure>
            <figcaption>{t('train.decisionMap')}</figcaption>
            <DecisionMap
              predict={predict}
              train={split.train}
              validation={split.validation}
              picked={picked?.set === 'train' ? picked.index : null}
              onPick={(index) => pickSample({ set: 'train', index })}
              label={t('train.decisionMapLabel')}
            />
          </figure>
        )}
        {matrix && (
          <ConfusionMatrix
            counts={matrix.counts}
            members={matrix.members}
            classNames={classNames}
            onPick={(index) => pickSample({ set: 'validation', index })}
          />
        )}
      </div>
      <SamplePanel
        split={split}
        snapshot={snapshot}
        predict={predict}
        classOf={classOf}
        classNames={classification ? named : null}
      />
    </section>
  );
}
