import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { selectProgress, selectStepCount, selectTimeline, useLessonStore } from '../../store';
import { PhaseScrubber } from './PhaseScrubber';
import { IterationControl } from './IterationControl';
import { GranularitySwitch } from './GranularitySwitch';
import { Icon } from './Icon';

/** First / previous / play / next / last, the position, the scrubber, speed, detail and next iteration. */
export function StepControls() {
  const t = useT();
  const { cursor, playing, speed } = useLessonStore(
    useShallow((s) => ({ cursor: s.cursor, playing: s.playing, speed: s.speed })),
  );
  const count = useLessonStore(selectStepCount);
  const progress = useLessonStore(selectProgress);
  const hasTimeline = useLessonStore((s) => selectTimeline(s) !== null);
  const actions = useLessonStore(
    useShallow((s) => ({
      first: s.first,
      prev: s.prev,
      togglePlay: s.togglePlay,
      next: s.next,
      last: s.last,
      setSpeed: s.setSpeed,
    })),
  );
  const atStart = cursor === 0;
  const atEnd = cursor >= count - 1;

  return (
    <section className="controls" aria-label={t('controls.scrubber')}>
      <div className="controls-row">
        <div className="transport" role="toolbar" aria-label={t('controls.toolbar')}>
          <button
            type="button"
            onClick={actions.first}
            disabled={!hasTimeline || atStart}
            aria-label={t('controls.first')}
            title={t('controls.first')}
          >
            <Icon name="first" />
          </button>
          <button
            type="button"
            onClick={actions.prev}
            disabled={!hasTimeline || atStart}
            aria-label={t('controls.prev')}
            title={t('controls.prev')}
          >
            <Icon name="prev" />
          </button>
          <button
            type="button"
            className="play"
            onClick={actions.togglePlay}
            disabled={!hasTimeline}
            aria-label={playing ? t('controls.pause') : t('controls.play')}
            title={playing ? t('controls.pause') : t('controls.play')}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            className="next"
            onClick={actions.next}
            disabled={!hasTimeline || atEnd}
            aria-label={t('controls.next')}
            title={t('controls.next')}
          >
            <Icon name="next" />
          </button>
          <button
            type="button"
            onClick={actions.last}
            disabled={!hasTimeline || atEnd}
            aria-label={t('controls.last')}
            title={t('controls.last')}
          >
            <Icon name="last" />
          </button>
        </div>
        <p className="position" aria-live="polite" data-testid="position">
          {progress
            ? t('controls.position', { index: cursor + 1, count, phase: t(`phase.${progress.phase}`) })
            : '—'}
          {progress && (
            <span className="phase-progress">
              {' '}
              ({progress.position}/{progress.count})
            </span>
          )}
        </p>
        <label className="speed">
          <span>{t('controls.speed')}</span>
          <input
            type="range"
            min={0.5}
            max={10}
            step={0.5}
            value={speed}
            onChange={(e) => actions.setSpeed(Number(e.target.value))}
            aria-label={t('controls.speed')}
            aria-valuetext={t('controls.speedValue', { speed })}
          />
          <output>{t('controls.speedValue', { speed })}</output>
        </label>
      </div>
      <PhaseScrubber />
      <div className="controls-row">
        <GranularitySwitch />
        <IterationControl />
      </div>
      <p className="keyboard-help">{t('controls.keyboardHelp')}</p>
    </section>
  );
}
