/** The engine's one public surface: tests, the UI and scripts import only this module. */
export { parseLesson, LIMITS, DEFAULT_CONVENTIONS } from './lessonFormat';
export { parameterProblems } from './parameterLimits';
export { textIn } from './text';
export {
  vid,
  gid,
  parseValueId,
  parseNodeId,
  parseEdgeId,
  asValueId,
  asNodeId,
  asEdgeId,
  asGraphId,
  isEdgeId,
  isNodeId,
  valueKind,
  valueIndices,
  sampleOf,
  unscoped,
  scopeId,
  valueOfEdge,
  type ValueId,
  type NodeId,
  type EdgeId,
  type GraphId,
  type ValueKind,
  type ValueParts,
  type NodeParts,
  type EdgeParts,
} from './ids';
export { parseCsv, type CsvData, type CsvProblem, type CsvResult } from './csv';
export {
  PROBLEM_CODES,
  FOUND_KINDS,
  LIST_KINDS,
  problemMessage,
  problemOf,
  problemLine,
  ROOT_PATH,
  FILE_PROBLEM_CODES,
  ENGLISH_PROBLEMS,
  ENGLISH_FOUND,
  ENGLISH_LISTS,
  ENGLISH_LISTS_ONE,
  renderProblem,
  type ProblemCode,
  type ProblemParams,
  type ProblemParamMap,
  type ProblemLookup,
  type FoundKind,
  type ListKind,
} from './problems';
export {
  traceStep,
  computeTrace,
  traceBatch,
  traceLesson,
  batchOf,
  trainsBiases,
  type StepInput,
} from './trace';
// Training (train, the fast path, the resumable session) has its own entry, src/engine/training; the step
// engine re-exports only what lessons and the step view use.
export {
  train,
  isCorrect,
  type TrainData,
  type TrainOptions,
  type TrainResult,
  type EpochStats,
} from './training';
export {
  checkParameter,
  gradientCheck,
  lossAt,
  batchLossAt,
  type GradientCheckEntry,
  type ParameterRef,
} from './gradientCheck';
export {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  LEAKY_SLOPE,
  sigmoid,
  complementOf,
  logSoftmax,
  type Activation,
} from './activations';
export { LOSSES, LOSS_NAMES, isValidPair, type Loss } from './losses';
export { createRng, shuffled, normal } from './rng';
export { initialise, INIT_KINDS, type InitScheme } from './init';
export type * from './types';
