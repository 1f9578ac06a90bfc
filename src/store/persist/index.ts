/** URL and local persistence as pure parse/serialise functions (STYLE habit 8). */
export { serialiseLesson, parseLessonFile, lessonFileName, sameLesson, MAX_FILE_CHARS } from './lessonFile';
export {
  encodeLink,
  encodeLinkAsync,
  decodeLink,
  isLessonLink,
  GRANULARITIES,
  type LinkState,
  type DecodedLink,
} from './link';
export {
  serialiseSaved,
  parseSaved,
  savedLocale,
  SAVED_KEY,
  type SavedState,
  type ParsedSaved,
} from './saved';
export { chooseStart, type StartInput, type StartState } from './start';
export { compressOffThread } from './linkCompressor';
