import {
  selectFormula,
  selectShownValues,
  selectStepCount,
  selectTimeline,
  selectTrace,
  type LessonState,
} from './store';

/** The next task of the browser's (what is left of this one is done first). */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * What the first screen's render reads from the store, in the order it is first needed: the lesson's trace,
 * its timeline, the values on screen, the formula of the step shown and of the next one (its page is drawn
 * ahead). Each is remembered by the store's selectors once computed.
 */
export const firstScreenReads = (s: LessonState): (() => unknown)[] => [
  () => selectTrace(s),
  () => selectTimeline(s),
  () => selectShownValues(s),
  () => selectFormula(s),
  () => (s.cursor + 1 < selectStepCount(s) ? selectFormula(s, s.cursor + 1) : null),
];

/**
 * Computes what the first screen's render reads, one piece per task, before the page is hydrated. Left to
 * the render, the graph's first component computed the trace, the timeline and the values in one piece of
 * React's work (React yields between components, never inside one): a task of 15–25 ms, a long task on a
 * phone. Resolves once all are remembered (a piece that throws is left to the render, which shows its error).
 */
export async function warmFirstScreen(s: LessonState, next = nextTask): Promise<void> {
  for (const read of firstScreenReads(s)) {
    await next();
    try {
      read();
    } catch {
      // the render computes it again and reports it
    }
  }
}
