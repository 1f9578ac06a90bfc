import type { Operand } from '../../formulas';
import { useT } from '../../i18n';
import { selectTimeline, useLessonStore } from '../../store';
import type { Step } from '../../steps';
import { Tex } from '../Tex';
import { plainSymbol } from './plainSymbol';
import { useFormatNumber } from '../../hooks';

/** Lists longer than this start closed, with their length on the summary (a 32-input neuron has 64 numbers). */
export const LONG_SOURCES = 12;

/**
 * "Where did this come from": each number of the formula, linked to the step that produced it. `tabbable`
 * false takes its controls out of the tab order (a page beneath the current one). A long list is open or
 * closed for every step alike (the store remembers), and its items are rendered only while it is open.
 */
export function SourceList({
  step,
  operands,
  tabbable = true,
}: {
  step: Step;
  operands: Operand[];
  tabbable?: boolean;
}) {
  const tabIndex = tabbable ? undefined : -1;
  const t = useT();
  const fmt = useFormatNumber();
  const timeline = useLessonStore(selectTimeline);
  const followSource = useLessonStore((s) => s.followSource);
  const longOpen = useLessonStore((s) => s.longSourcesOpen);
  const setLongOpen = useLessonStore((s) => s.setLongSourcesOpen);
  if (operands.length === 0) return null;
  const seen = new Set<string>();
  const unique = operands.filter((o) => !seen.has(o.id) && seen.add(o.id));
  const long = unique.length > LONG_SOURCES;
  const open = !long || longOpen;
  return (
    <details
      className="sources"
      open={open}
      onToggle={(e) => {
        if (long && e.currentTarget.open !== longOpen) setLongOpen(e.currentTarget.open);
      }}
    >
      <summary tabIndex={tabIndex}>
        {long ? t('formula.sourcesCount', { count: unique.length }) : t('formula.sources')}
      </summary>
      {open && (
        <ul>
          {unique.map((o) => {
            const source = step.sources[o.id];
            const index = source !== undefined ? timeline?.indexById[source] : undefined;
            return (
              <li key={o.id}>
                <Tex
                  tex={`${o.symbol} = ${o.shown}`}
                  light
                  label={`${plainSymbol(o.symbol)} = ${fmt(o.value)}`}
                />{' '}
                {index !== undefined ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => followSource(source)}
                    data-source={source}
                    tabIndex={tabIndex}
                  >
                    ← {t('formula.fromStep', { index: index + 1 })}
                  </button>
                ) : (
                  <span className="given">({t('formula.given')})</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
