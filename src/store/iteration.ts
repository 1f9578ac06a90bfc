import type { LessonState } from './state';

// The training iteration the step view shows, derived (never stored): the weight updates made before the step
// view's own iterations, then one per entry of its loss history, then the current one.

/** What the iteration is derived from. */
export type IterationSource = Pick<LessonState, 'priorUpdates' | 'lossHistory'>;

/** The iteration shown (1 = the lesson's own weights): priorUpdates + lossHistory.length + 1. */
export function iterationOf({ priorUpdates, lossHistory }: IterationSource): number {
  return priorUpdates + lossHistory.length + 1;
}

/**
 * The updates before the step view's own iterations, for an iteration and the loss history that ends at it (an
 * autosave's or a link's, which carry the iteration itself); the autosave's reader checks they fit (≥ 0).
 */
export function priorUpdatesFor(iteration: number, lossHistory: readonly number[]): number {
  return iteration - 1 - lossHistory.length;
}
