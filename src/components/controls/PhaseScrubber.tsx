import { useMemo } from 'react';
import { useT } from '../../i18n';
import { selectTimeline, useLessonStore } from '../../store';
import { PHASES } from '../../steps/types';

/** A range input over the steps, above coloured and labelled bands, one per phase. */
export function PhaseScrubber() {
  const t = useT();
  const timeline = useLessonStore(selectTimeline);
  const cursor = useLessonStore((s) => s.cursor);
  const goTo = useLessonStore((s) => s.goTo);
  const bands = useMemo(() => {
    if (!timeline) return [];
    const n = timeline.steps.length;
    return PHASES.map((phase) => {
      const idx = timeline.steps.filter((s) => s.phase === phase).map((s) => s.index);
      return idx.length === 0 ? null : { phase, start: idx[0] / n, width: idx.length / n, first: idx[0] };
    }).filter((b) => b !== null);
  }, [timeline]);
  const count = timeline?.steps.length ?? 1;
  const phase = timeline?.steps[cursor]?.phase;

  return (
    <div className="scrubber">
      <input
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        value={cursor}
        onChange={(e) => goTo(Number(e.target.value))}
        aria-label={t('controls.scrubber')}
        aria-valuetext={
          phase ? t('controls.position', { index: cursor + 1, count, phase: t(`phase.${phase}`) }) : ''
        }
      />
      <div className="bands">
        {bands.map((b) => (
          <button
            type="button"
            key={b.phase}
            className={`band band-${b.phase}${b.phase === phase ? ' current' : ''}`}
            style={{ left: `${b.start * 100}%`, width: `${b.width * 100}%` }}
            onClick={() => goTo(b.first)}
            aria-label={t('controls.goToPhase', { phase: t(`phase.${b.phase}`) })}
            aria-current={b.phase === phase ? 'step' : undefined}
          >
            {t(`phase.${b.phase}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
