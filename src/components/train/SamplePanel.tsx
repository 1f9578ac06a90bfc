import { useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Sample } from '../../engine';
import { useFormatNumber } from '../../hooks';
import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import type { TrainSnapshot, TrainSplit } from '../../training';

interface Props {
  split: TrainSplit;
  /**
   * The run as the Train view shows what the network has learned: at most every CALM_MS while it goes (the
   * view's own calm selector, so the panel renders with it, not on a timer of its own).
   */
  snapshot: TrainSnapshot | null;
  predict: ((x: ArrayLike<number>) => ArrayLike<number>) | null;
  classOf: (v: ArrayLike<number>) => number;
  /** The classes' names when the data set names them (Iris's species, a CSV's labels); else the numbers show. */
  classNames: string[] | null;
}

/**
 * The sample whose step can be opened: the next training sample, or one picked (by number here, or on the map or
 * the confusion matrix). While paused, "Open this sample's step" shows its full step with the current weights.
 */
export function SamplePanel({ split, snapshot, predict, classOf, classNames }: Props) {
  const t = useT();
  const fmt = useFormatNumber();
  const { picked, running, pickSample, openSampleStep } = useLessonStore(
    useShallow((s) => ({
      picked: s.training.picked,
      running: s.training.running,
      pickSample: s.pickSample,
      openSampleStep: s.openSampleStep,
    })),
  );
  const chosen = picked ?? { set: 'train' as const, index: snapshot?.nextSample ?? 0 };
  const sample: Sample | undefined = split[chosen.set][chosen.index];
  const which =
    picked === null
      ? t('train.nextSample', { n: chosen.index + 1 })
      : t(chosen.set === 'train' ? 'train.trainingSample' : 'train.validationSample', {
          n: chosen.index + 1,
        });
  // the number in the box, written here (before the first paint too) only when it changes: as a controlled
  // input's prop, React would write its value, name and type attributes each time the run moves on a sample
  const number = chosen.set === 'train' ? String(chosen.index + 1) : '';
  const input = useRef<HTMLInputElement>(null);
  const shown = useRef(number);
  useLayoutEffect(() => {
    shown.current = number;
    if (input.current && input.current.value !== number) input.current.value = number;
  }, [number]);
  // the box rendered again only with the sample count: React writes an input's name and type attributes each
  // time it renders one with new props
  const count = split.train.length;
  const box = useMemo(
    () => (
      <input
        ref={input}
        type="number"
        min={1}
        max={count}
        step={1}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (n >= 1 && n <= count) pickSample({ set: 'train', index: n - 1 });
          // as a controlled input would: a number out of range goes back to the sample shown
          else e.target.value = shown.current;
        }}
      />
    ),
    [count, pickSample],
  );
  const many = (v: readonly number[]) => `(${v.map(fmt).join(', ')})`;
  // a vector is written out (a target (0.01, 0.99) is not "class 1"), unless its classes have names
  const name = (v: ArrayLike<number>) =>
    v.length === 1 ? fmt(v[0]) : classNames ? classNames[classOf(v)] : many(Array.from(v));

  return (
    <section className="train-sample" aria-label={t('train.sampleSection')}>
      <label>
        {t('train.pickSample')}
        {box}
      </label>
      {picked !== null && (
        <button type="button" onClick={() => pickSample(null)}>
          {t('train.pickNext')}
        </button>
      )}
      {sample && (
        <p data-testid="train-sample">
          <span>{which}</span>{' '}
          <span>
            {t('train.sampleValues', {
              input: many(sample.input),
              target: name(sample.target),
              output: predict ? name(predict(sample.input)) : '—',
            })}
          </span>
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={running || !sample}
        onClick={() => sample && openSampleStep(sample)}
      >
        {t('train.openStep')}
      </button>
    </section>
  );
}
