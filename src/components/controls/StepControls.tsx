import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../i18n';
import { selectProgress, selectStepCount, selectTimeline, useLessonStore } from '../../store';
import { PhaseScrubber } from './PhaseScrubber';
import { IterationControl } from './IterationControl';
import { GranularitySwitch } from './GranularitySwitch';
import { ExportButton } from '../lazyPanels';
import '../toolButton.css'; // the export button's (lazyPart)
import { Icon, type IconName } from './Icon';
import './controls.css';

interface TransportButton {
  icon: IconName;
  label: MessageKey;
  className: string;
  onClick: () => void;
  disabled: boolean;
}

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
  // The transport buttons: icon, accessible name, action, and whether the cursor is at that end already.
  const buttons: TransportButton[] = [
    { icon: 'first', label: 'controls.first', className: 'first', onClick: actions.first, disabled: atStart },
    { icon: 'prev', label: 'controls.prev', className: 'prev', onClick: actions.prev, disabled: atStart },
    {
      icon: playing ? 'pause' : 'play',
      label: playing ? 'controls.pause' : 'controls.play',
      className: 'play',
      onClick: actions.togglePlay,
      disabled: false,
    },
    { icon: 'next', label: 'controls.next', className: 'next', onClick: actions.next, disabled: atEnd },
    { icon: 'last', label: 'controls.last', className: 'last', onClick: actions.last, disabled: atEnd },
  ];
  const transport = buttons.map((b) => ({ ...b, disabled: !hasTimeline || b.disabled }));

  return (
    <section className="controls" aria-label={t('controls.scrubber')}>
      <div className="controls-row">
        <div className="transport" role="toolbar" aria-label={t('controls.toolbar')}>
          {transport.map(({ icon, label, className, onClick, disabled }) => (
            <button
              key={className}
              type="button"
              className={className}
              onClick={onClick}
              disabled={disabled}
              aria-label={t(label)}
              title={t(label)}
            >
              <Icon name={icon} />
            </button>
          ))}
        </div>
        <p className="position" data-testid="position">
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
            aria-valuetext={t('controls.speedValue', { count: speed })}
          />
          <output>{t('controls.speedValue', { count: speed })}</output>
        </label>
      </div>
      <PhaseScrubber />
      <div className="controls-row">
        <GranularitySwitch />
        <IterationControl />
        <ExportButton />
      </div>
      <p className="keyboard-help">{t('controls.keyboardHelp')}</p>
    </section>
  );
}
