/** The engine's one public surface: tests, the UI and scripts import only this module. */
export { parseLesson, LIMITS, DEFAULT_CONVENTIONS } from './lessonFormat';
export { traceStep, computeTrace, type StepInput } from './trace';
export { train, isCorrect, type TrainData, type TrainOptions, type TrainResult, type EpochStats } from './train';
export { gradientCheck, lossAt, type GradientCheckEntry } from './gradientCheck';
export { ACTIVATIONS, ACTIVATION_NAMES, LEAKY_SLOPE, sigmoid, type Activation } from './activations';
export { LOSSES, LOSS_NAMES, isValidPair, type Loss } from './losses';
export { createRng, shuffled, normal } from './rng';
export { initialise, INIT_KINDS, type InitScheme } from './init';
export { compileNet, sgdStep, forward, exportNet, type FastNet } from './fastNet';
export { compileStep, CODEGEN_MAX_WEIGHTS, type CompiledStep } from './fastCodegen';
export type * from './types';
