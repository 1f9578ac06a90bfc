import type { MessageRef } from '../i18n/keys';
import type { EdgeId, NodeId, ValueId } from '../steps/types';

/** A message of the product's text tables (src/i18n), by key, with its parameters (defined in i18n/keys). */
export type { MessageRef };

/** One number that appears in a formula: which value it is and how it is written. */
export interface Operand {
  id: ValueId;
  /** The symbol, in TeX (e.g. `a^{1}_{2}` or `O_{\text{hidden},2}`). */
  symbol: string;
  /** The number as shown (formatted with the significant-digits setting). */
  shown: string;
  /** The exact value. */
  value: number;
}

/** What the formula panel shows for a step: rule, rule with numbers, result, and one plain sentence. */
export interface Formula {
  /** The symbolic rule, e.g. `z^{1}_{1} = \sum_k w^{1}_{1k} a^{0}_{k}`. */
  symbolic: string;
  /** The same rule with every number substituted. */
  substituted: string;
  /** The result, e.g. `z^{1}_{1} = 1.16`. */
  result: string;
  /** What the step does, in one sentence (translated by the UI). */
  sentence: MessageRef;
  /** Every value the substituted formula reads, in order. */
  operands: Operand[];
  /** Every value the step writes, with its exact value. */
  results: Operand[];
  /**
   * When a sum has more than FOLD_OVER terms: the rule and the rule with numbers as shown on screen, each long
   * sum as its first terms, ⋯ and its last terms (those shown exact), and the most terms of one sum.
   */
  folded?: { symbolic: string; substituted: string; terms: number };
}

/** One factor of a path's product: a value, or a softmax Jacobian entry ∂a_i/∂z_j (which has no value id). */
export interface PathFactor {
  id?: ValueId;
  symbol: string;
  shown: string;
  value: number;
}

/** One path from a weight to the loss, through one neuron of each later layer. */
export interface WeightPath {
  /** From the weight's source node (or bias node) up to the output the path ends at. */
  nodes: NodeId[];
  edges: EdgeId[];
  /** The local derivatives along the path, from the loss back: ∂E/∂a^L_i, f′, w, f′, …, a^{l−1}_k. */
  factors: PathFactor[];
  /** Their product. */
  value: number;
}

/** ∂E/∂w as the sum over every path from the weight to the loss (lesson 001's Equation A). */
export interface PathSum {
  weight: { layer: number; to: number; from: number };
  /** The first `maxPaths` paths (all of them when not truncated). */
  paths: WeightPath[];
  /** How many paths there are in all. */
  pathCount: number;
  truncated: boolean;
  /** The sum over every path: path by path when all are listed, else grouped layer by layer. */
  total: number;
  /** The sum of the listed paths. */
  shownTotal: number;
  /** The δ form δ^l_j a^{l−1}_k (δ^l_j for a bias): the trace's gradient, equal to `total`. */
  compactDelta: number;
  tex: { symbolic: string; substituted: string; result: string };
  sentence: MessageRef;
}
