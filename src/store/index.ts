export {
  lessonStore,
  useLessonStore,
  createLessonStore,
  initialState,
  SPEED_RANGE,
  type LessonStore,
  type LessonState,
  type Theme,
} from './store';
export * from './selectors';
export { applyEdit, type LessonEdit, type EditResult } from './edits';
