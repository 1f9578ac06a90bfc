import { useMemo } from 'react';
import { useT } from '../../i18n';
import { selectTimeline, useLessonStore } from '../../store';
import type { Phase } from '../../steps';

/** A range input over the steps, above coloured and labelled bands, one per phase. */
export function PhaseScrubber() {
  const t = useT();
  const timeline = useLessonStore(selectTimeline);
  const cursor = useLessonStore((s) => s.cursor);
  const goTo = useLessonStore((s) => s.goTo);
  const bands = useMemo(() => {
    if (!timeline) return [];
    // one band per run of steps of a phase (a mini-batch runs forward … gradient once per sample)
    const steps = timeline.steps;
    const n = steps.length;
    const runs: { phase: Phase; start: number; width: number; first: number; end: number }[] = [];
    for (let i = 0; i < n;) {
      let end = i + 1;
      while (end < n && steps[end].phase === steps[i].phase) end++;
      runs.push({ phase: steps[i].phase, start: i / n, width: (end - i) / n, first: i, end });
      i = end;
    }
    return runs;
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
            key={b.first}
            className={`band band-${b.phase}${b.first <= cursor && cursor < b.end ? ' current' : ''}`}
            style={{ left: `${b.start * 100}%`, width: `${b.width * 100}%` }}
            onClick={() => goTo(b.first)}
            aria-label={t('controls.goToPhase', { phase: t(`phase.${b.phase}`) })}
            aria-current={b.first <= cursor && cursor < b.end ? 'step' : undefined}
          >
            {t(`phase.${b.phase}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
