/**
 * One rule per step kind: its phase, id, the neurons it concerns, the values it reads (in formula order) and
 * writes, and what it lights up on the graph. The rules of the neuron, weight and batch kinds are in
 * neuronRules.ts, those of the layer kinds (matrix form) in layerRules.ts, as in the formulas layer.
 */
import { LAYER_RULES } from './layerRules';
import { NEURON_RULES } from './neuronRules';
import type { KindRule } from './ruleReads';
import type { StepKind } from './types';

export type { KindRule } from './ruleReads';

export const RULES: Record<StepKind, KindRule> = { ...NEURON_RULES, ...LAYER_RULES };
