/**
 * The practice layer's public surface (pure): which steps a student predicts, how an answer is judged and hinted,
 * the score, the progress kept between visits, exercise links and completion codes.
 */
export {
  PRACTICE_KINDS,
  FADINGS,
  FADING_ITERATIONS,
  DEFAULT_SETTINGS,
  OUTCOMES,
  MAX_TRIES,
  hiddenSteps,
  scoreByPhase,
  totalScore,
  outcomeOfRight,
  encodeExercise,
  decodeExercise,
  type Fading,
  type PracticeSettings,
  type Outcome,
  type StepRecord,
  type PhaseScore,
} from './session';
export { checkAnswer, questionOf, type Checked, type Hint, type HintKind } from './hints';
export { readAnswer, judge, type Verdict } from './answer';
export {
  DEFAULT_PRACTICE,
  PRACTICE_KEY,
  parsePractice,
  serialisePractice,
  type PracticeState,
} from './progress';
export { lessonFingerprint, exerciseId, completionCode, verifyCode, type CodeCounts } from './code';
