export {
  lessonStore,
  useLessonStore,
  createLessonStore,
  initialState,
  SPEED_RANGE,
  type LessonStore,
  type LessonState,
  type Theme,
  type Notice,
  type NoticeAction,
  type Work,
} from './store';
export { gateLesson, type GateResult, type Refusal } from './gate';
export * from './selectors';
export { applyEdit, type LessonEdit, type EditResult } from './edits';
export {
  lessonTrainSettings,
  runMoved,
  type View,
  type TrainingState,
  type TrainStop,
  type LossRecord,
} from './training';
export * from './practiceSelectors';
export { timelineOf, formulaOf, gradientCheckOf } from './derived';
export { refusalMessage, lowerRate } from './gate';
export { hintMessage } from './practice';
