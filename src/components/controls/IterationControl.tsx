import { useMemo } from 'react';
import { useT } from '../../i18n';
import { sparklinePath } from '../../layout/sparkline';
import { selectLossSeries, useLessonStore } from '../../store';
import { useFormatNumber } from '../../hooks/useFormatNumber';

const W = 120;
const H = 32;

/** "Next iteration" (adopt the updated weights) and the loss of every iteration so far as a sparkline. */
export function IterationControl() {
  const t = useT();
  const fmt = useFormatNumber();
  const iteration = useLessonStore((s) => s.iteration);
  const series = useLessonStore(selectLossSeries);
  const nextIteration = useLessonStore((s) => s.nextIteration);
  const path = useMemo(() => sparklinePath(series, W, H), [series]);
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
      <figure className="sparkline" aria-label={t('controls.lossHistory')}>
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`${t('controls.lossHistory')}: ${series.map(fmt).join(', ')}`}
        >
          <path d={path.d} fill="none" stroke="currentColor" strokeWidth={1.5} />
          {path.last && <circle cx={path.last.x} cy={path.last.y} r={2.5} fill="currentColor" />}
        </svg>
        <figcaption data-testid="iteration">{summary}</figcaption>
      </figure>
    </div>
  );
}
