import { memo, useCallback, useMemo, useRef } from 'react';
import { useFormatNumber } from '../../hooks';
import { useT } from '../../i18n';
import type { GrowingMemo } from '../../layout';
import { selectLossRecords, useLessonStore } from '../../store';
import { LineChart, type LineSeries } from './LineChart';
import { historyColumns, type HistoryColumns } from './historyColumns';

const ACCURACY_DOMAIN: [number, number] = [0, 1];
/** An accuracy as a percentage with at most one decimal. */
export const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * The loss and accuracy charts of the one loss history (the run's epochs and the step view's iterations between
 * them), with η's changes marked; the validation series only when the data set keeps samples for validation.
 * Only this re-renders when the history grows; its columns grow in place.
 */
export const TrainCharts = memo(function TrainCharts({ validation = true }: { validation?: boolean }) {
  const t = useT();
  const fmt = useFormatNumber();
  const history = useLessonStore(selectLossRecords);
  const running = useLessonStore((s) => s.training.running);
  const columns = useRef<HistoryColumns | null>(null);
  const cols = useMemo(() => (columns.current = historyColumns(history, columns.current)), [history]);
  // what the incremental decimation keeps of each growing column between frames
  const memos = useRef<Record<string, GrowingMemo>>({});
  const labels = useMemo(
    () => ({
      trainLoss: t('train.trainingLoss'),
      validationLoss: t('train.validationLoss'),
      trainAccuracy: t('train.trainingAccuracy'),
      validationAccuracy: t('train.validationAccuracy'),
    }),
    [t],
  );
  const { lossSeries, accuracySeries } = useMemo(() => {
    const xs = cols.xs.subarray(0, cols.n);
    const col = (key: keyof typeof labels, dashed = false): LineSeries => ({
      key,
      label: labels[key],
      values: cols[key].subarray(0, cols.n),
      xs,
      growing: (memos.current[key] ??= {}),
      ...(dashed ? { dashed } : {}),
    });
    return {
      lossSeries: validation ? [col('trainLoss'), col('validationLoss', true)] : [col('trainLoss')],
      accuracySeries: validation
        ? [col('trainAccuracy'), col('validationAccuracy', true)]
        : [col('trainAccuracy')],
    };
  }, [cols, labels, validation]);
  // η's changes: after the last record with the old value (kept up to date as the history grows)
  const changes = cols.rateChanges;
  const xs = cols.xs;
  const marks = useMemo(
    () =>
      changes.map((i) => {
        const eta = history[i].learningRate ?? NaN;
        const x = xs[i - 1];
        return {
          x,
          label: t('train.rateMark', { eta }),
          description: t('train.rateChanged', { eta, epoch: Math.floor(x) }),
        };
      }),
    // history changes every frame; the marks only with the changes (and the x of their records)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [changes, t],
  );
  const formatEpoch = useCallback(
    (x: number, i: number) => {
      const h = history[i];
      return h?.iteration
        ? t('train.iterationAt', { n: h.steps ?? 0, epoch: h.epoch })
        : t('train.epochN', { n: x });
    },
    [history, t],
  );
  return (
    <div className="train-charts">
      <LineChart
        title={t('train.lossChart')}
        series={lossSeries}
        xLabel={t('train.epoch')}
        yLabel={t('train.loss')}
        formatY={fmt}
        formatX={formatEpoch}
        marks={marks}
        marksLabel={t('train.rateMarks')}
        xGrowing={running}
      />
      <LineChart
        title={t('train.accuracyChart')}
        series={accuracySeries}
        xLabel={t('train.epoch')}
        yLabel={t('train.accuracy')}
        formatY={percent}
        formatX={formatEpoch}
        yDomain={ACCURACY_DOMAIN}
        marks={marks}
        marksLabel={t('train.rateMarks')}
        xGrowing={running}
      />
    </div>
  );
});
