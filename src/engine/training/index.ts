/** The training module's entry: gradient descent over data sets, off the step-by-step path. */
export { train, type TrainData, type TrainOptions, type TrainResult, type EpochStats } from './train';
export { isCorrect, evaluate } from './evaluate';
export { compileNet, sgdStep, forward, exportNet, type FastNet } from './fastNet';
export { compileStep, CODEGEN_MAX_WEIGHTS, type CompiledStep } from './fastCodegen';
export {
  TrainingSession,
  parameterProblem,
  type SessionNetwork,
  type SessionOptions,
  type SessionStop,
  type SessionSnapshot,
  type SessionProgress,
  type SettingChange,
  type TrainingFailure,
  type RunResult,
} from './session';
