import { useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { selectIteration, selectLossChart, useLessonStore, type LossChart } from '../../store';
import { useFormatNumber } from '../../hooks';
import { warmFirstScreen } from '../../warmStart';
import { edgeCount, LARGE_NET_EDGES } from '../graph/deferredLesson';
import { LineChart } from '../lazyPanels';
import type { LineSeries } from '../train/LineChart';
import '../train/line-chart.css'; // the chart's (lazyPart)

/** "Next iteration" (adopt the updated weights) and the loss of every iteration so far as a small chart. */
export function IterationControl() {
  const t = useT();
  const fmt = useFormatNumber();
  const iteration = useLessonStore(selectIteration);
  // the one loss history (the Train view's epochs too, at the iteration each ended on), then this iteration's
  // hidden behind the Train view it keeps what it last showed (the history grows every frame while training)
  const shown = useRef<LossChart | null>(null);
  const chart = useLessonStore((s) =>
    s.view === 'train' && shown.current ? shown.current : selectLossChart(s),
  );
  shown.current = chart;
  const nextIteration = useLessonStore((s) => s.nextIteration);
  const nextIterationAfter = useLessonStore((s) => s.nextIterationAfter);
  // a large net computes the new iteration's trace, steps and values one per task before showing it (busy
  // meanwhile): in one task they were a long pause
  const large = useLessonStore((s) => edgeCount(s.lesson) > LARGE_NET_EDGES);
  const [pending, setPending] = useState(false);
  const onNext = () => {
    if (!large) nextIteration();
    else if (!pending) {
      setPending(true);
      void nextIterationAfter(warmFirstScreen).finally(() => setPending(false));
    }
  };
  const lines: LineSeries[] = useMemo(
    () => [{ key: 'loss', label: 'E =', values: chart.values, xs: chart.xs }],
    [chart],
  );
  const current = chart.values[chart.values.length - 1];
  const summary = t('controls.lossSummary', {
    n: iteration,
    loss: chart.reached ? fmt(current) : '?',
  });
  const formatX = (n: number, i: number) => {
    const h = chart.records[i];
    return h && !h.iteration ? t('controls.epochAt', { epoch: h.epoch, n }) : t('controls.iterationN', { n });
  };

  return (
    <div className="iteration">
      <button
        type="button"
        onClick={onNext}
        aria-busy={pending || undefined}
        aria-label={t('controls.nextIteration')}
      >
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
          formatX={formatX}
        />
        <p data-testid="iteration">{summary}</p>
      </div>
    </div>
  );
}
