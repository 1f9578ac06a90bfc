/**
 * The lesson timeline as data. Values, nodes and edges are named by the typed ids of src/engine/ids/ (l = layer,
 * j = neuron, k = incoming neuron): `w:l:j:k`, `z:l:j`, …; nodes `n:l:j`, edges `e:l:j:k`, …
 */
import type { EdgeId, GraphId, NodeId, ValueId, ValueKind } from '../engine';

export type { EdgeId, GraphId, NodeId, ValueId, ValueKind };

export type Phase = 'forward' | 'loss' | 'backward' | 'gradient' | 'update';
export const PHASES: readonly Phase[] = ['forward', 'loss', 'backward', 'gradient', 'update'];

/** neuron (default): one quantity per neuron; layer: one step per layer per phase in matrix form; weight: as
 * neuron plus one step per single weight's gradient and update. */
export type Granularity = 'neuron' | 'layer' | 'weight';

export type StepKind =
  // neuron and weight granularity
  | 'z' // z^l_j = Σ_k w^l_jk a^{l−1}_k + b^l_j
  | 'a' // a^l_j = f(z^l_j) (softmax: a^L_j from the whole layer)
  | 'lossTerm' // e_j
  | 'lossTotal' // E = Σ e_j
  | 'outputDA' // ∂E/∂a^L_j
  | 'outputFPrime' // f′(z^L_j) (absent for softmax)
  | 'outputDelta' // δ^L_j
  | 'hiddenDelta' // δ^l_j = (Σ_i w^{l+1}_ij δ^{l+1}_i) f′(z^l_j)
  | 'neuronGradients' // ∂E/∂w^l_jk = δ^l_j a^{l−1}_k for all k, ∂E/∂b^l_j = δ^l_j
  | 'weightGradient' // one ∂E/∂w^l_jk (weight granularity) or one ∂E/∂b^l_j
  | 'neuronUpdate' // w^l_jk ← w^l_jk − η ∂E/∂w^l_jk for all k, and b^l_j
  | 'weightUpdate' // one weight's (or bias's) update (weight granularity)
  // layer granularity (matrix form, BP1–BP4)
  | 'layerForward' // z^l = W^l a^{l−1} + b^l, a^l = f(z^l)
  | 'layerLoss' // E = Σ_j e_j
  | 'layerOutputDelta' // BP1: δ^L = ∇_a E ⊙ f′(z^L)
  | 'layerHiddenDelta' // BP2: δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f′(z^l)
  | 'layerGradients' // BP3 + BP4: ∂E/∂W^l = δ^l (a^{l−1})ᵀ, ∂E/∂b^l = δ^l
  | 'layerUpdate' // W^l ← W^l − η ∂E/∂W^l, b^l ← b^l − η ∂E/∂b^l
  // mini-batch (m samples x): the batch loss and the mean gradients
  | 'batchLoss' // E = (1/m) Σ_x E_x
  | 'meanGradients' // ∂E/∂w^l_jk = (1/m) Σ_x ∂E_x/∂w^l_jk for all k, and ∂E/∂b^l_j
  | 'meanWeightGradient' // one mean ∂E/∂w^l_jk (or ∂E/∂b^l_j) (weight granularity)
  | 'layerMeanGradients'; // ∂E/∂W^l = (1/m) Σ_x δ^{x,l} (a^{x,l−1})ᵀ, ∂E/∂b^l = (1/m) Σ_x δ^{x,l}

/** The kinds of layer granularity (matrix form): their names start with `layer`. */
export type LayerKind = Extract<StepKind, `layer${string}`>;
/** The kinds about one neuron, one weight or the batch's loss. */
export type NeuronKind = Exclude<StepKind, LayerKind>;

export interface Highlight {
  nodes: NodeId[];
  edges: EdgeId[];
  /** True on backward steps: the error travels along `edges` from layer l + 1 back to layer l. */
  backward: boolean;
}

/** One step of the timeline: what it computes, from what, and what to show on the graph. */
export interface Step {
  /** Stable across edits that keep the architecture, e.g. `forward/z/1/0`. */
  id: string;
  index: number;
  phase: Phase;
  kind: StepKind;
  layer: number;
  /** Neurons of `layer` the step concerns (all of them on layer steps). */
  neurons: number[];
  /** Incoming neuron k on single-weight steps; -1 for a bias. */
  from?: number;
  /**
   * In a mini-batch timeline, the sample x (0-based) whose forward and backward pass the step belongs to; its
   * reads and writes are that sample's ids (`z:1:0@1`). Absent on the batch's own steps (mean, update).
   */
  sample?: number;
  /** Value ids the step's formula reads, in the order they appear in it. */
  reads: ValueId[];
  /** Value ids the step computes. */
  writes: ValueId[];
  highlight: Highlight;
  /** For every value read: the id of the step that wrote it (absent for givens: inputs, targets, weights, η). */
  sources: Record<ValueId, string>;
}

/**
 * Steps (frozen) depend only on the network, the loss, the vector convention and the granularity, and are shared
 * by every timeline of that network; only `values` belongs to one trace.
 */
export interface Timeline {
  granularity: Granularity;
  steps: Step[];
  /** Step index by step id. */
  indexById: Record<string, number>;
  /** Every value of the trace and the lesson by value id (exact, unrounded); a prototype-less dictionary. */
  values: Record<ValueId, number>;
  /** m, the samples the step averages over (1: a one-sample step; then no step has a `sample`). */
  batchSize: number;
}
