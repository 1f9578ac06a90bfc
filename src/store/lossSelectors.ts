import { vid } from '../steps';
import { traceOf } from './derived';
import { iterationOf, type IterationSource } from './iteration';
import { memoArgs } from './memo';
import { selectCoveredIds } from './practiceSelectors';
import { writtenAt } from './shownValues';
import type { LessonState } from './state';
import { selectTimeline } from './stepSelectors';
import type { LossRecord } from './training';

// Selectors of training as the step view shows it: the iteration (derived, never stored) and the one loss history
// with its chart (store/training.ts describes the history).

/** The training iteration the step view shows (1 = the lesson's own weights); see iteration.ts. */
export const selectIteration = (s: IterationSource): number => iterationOf(s);

/**
 * The one loss history (see store/training.ts): the run's epochs and the iterations handed to it, then the step
 * view's iterations since (each with the update count when it ended and the lesson's η).
 */
const recordsMemo = memoArgs(
  (history: LossRecord[], tail: number[], prior: number, epoch: number, eta: number): LossRecord[] =>
    tail.length === 0
      ? history
      : history.concat(
          tail.map((loss, j) => ({
            epoch,
            trainLoss: loss,
            trainAccuracy: NaN,
            learningRate: eta,
            steps: prior + 1 + j,
            iteration: true as const,
          })),
        ),
);
export function selectLossRecords(s: LessonState): LossRecord[] {
  return recordsMemo(
    s.training.history,
    s.lossHistory,
    s.priorUpdates,
    s.training.snapshot?.epoch ?? 0,
    s.lesson.learningRate,
  );
}

/** The step view's loss chart: each record's loss at its update count, then this iteration's once reached. */
export interface LossChart {
  values: number[];
  /** The update count (iteration) of each value. */
  xs: number[];
  /** The records behind the values (the current iteration's, when reached, is not one). */
  records: LossRecord[];
  /** Whether this iteration's loss E is reached (and shown). */
  reached: boolean;
}
const lossChartMemo = memoArgs(
  (records: LossRecord[], lesson: LessonState['lesson'], iteration: number, reached: boolean): LossChart => {
    const r = traceOf(lesson);
    const now = r.ok && reached;
    const values = records.map((h) => h.trainLoss);
    const xs = records.map((h) => h.steps ?? 0);
    if (now) {
      values.push(r.trace.batch?.loss ?? r.trace.loss);
      xs.push(iteration);
    }
    return { values, xs, records, reached: now };
  },
);
export function selectLossChart(s: LessonState): LossChart {
  // reached once the step's own loss E is written (in a mini-batch: the batch loss, after every sample's)
  const tl = selectTimeline(s);
  return lossChartMemo(
    selectLossRecords(s),
    s.lesson,
    selectIteration(s),
    tl !== null && (writtenAt(tl).get(vid.E) ?? Infinity) <= s.cursor && !selectCoveredIds(s)?.has(vid.E),
  );
}
/** Loss per iteration for the sparkline: earlier records, then this iteration's once its loss step is reached. */
export function selectLossSeries(s: LessonState): number[] {
  return selectLossChart(s).values;
}
