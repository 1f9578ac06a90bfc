import { useMemo } from 'react';
import { useT } from '../../i18n';
import { selectLossSeries, useLessonStore } from '../../store';
import { useFormatNumber } from '../../hooks/useFormatNumber';
import { LineChart, type LineSeries } from '../train/LineChart';

/** "Next iteration" (adopt the updated weights) and the loss of every iteration so far as a small chart. */
export function IterationControl() {
  const t = useT();
  const fmt = useFormatNumber();
  const iteration = useLessonStore((s) => s.iteration);
  const series = useLessonStore(selectLossSeries);
  const nextIteration = useLessonStore((s) => s.nextIteration);
  const lines: LineSeries[] = useMemo(() => [{ key: 'loss', label: 'E =', values: series }], [series]);
  const current = series[series.length - 1];
  const summary = t('controls.lossSummary', {
    n: iteration,
    loss: series.length === iteration ? fmt(current) : '?',
  });

  return (
    <div className="iteration">
      <button type="button" onClick={nextIteration} aria-label={t('controls.nextIteration')}>
        {t('controls.nextIteration')} <span aria-hidden="true">↻</span>
      </button>
      <div className="sparkline">
        <LineChart
          compact
          title={t('controls.lossHistory')}
          series={lines}
          xLabel=""
          yLabel="E"
          formatY={fmt}
          formatX={(n) => t('controls.iterationN', { n })}
        />
        <p data-testid="iteration">{summary}</p>
      </div>
    </div>
  );
}
