/**
 * Selectors: everything the UI shows that can be derived from the stored state, each returning the same object for
 * the same state. They live beside what they select (below); the practice ones are in practiceSelectors.ts.
 */
export {
  selectTrace,
  selectTimeline,
  selectStep,
  selectStepCount,
  selectFormula,
  selectHighlight,
  selectProgress,
} from './stepSelectors';
export { shownChanges, shownSlots, selectShownValues, type ShownSlots } from './shownValues';
export {
  selectIteration,
  selectLossRecords,
  selectLossChart,
  selectLossSeries,
  type LossChart,
} from './lossSelectors';
export {
  CHECKS_SHOWN,
  selectGradientChecks,
  selectErrata,
  differsAtPrintedPrecision,
  type Erratum,
} from './checksAndErrata';
