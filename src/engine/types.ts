/**
 * The engine's data types. Notation used throughout: layer l (0 = input, L = output), neuron j of layer l,
 * incoming neuron k of layer l − 1; z = weighted sum, a = activation, δ = ∂E/∂z, E = the loss.
 */
import type { ProblemCode, ProblemParams } from './problems';

/** Activation function names; `softmax` is allowed on the output layer only. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'identity' | 'softmax';

/**
 * Loss names: `halfSse` = ½Σ(t − a)², `sse` = Σ(t − a)², `mse` = (1/n)Σ(t − a)²,
 * `bce` = −Σ[t ln a + (1 − t) ln(1 − a)], `cce` = −Σ t ln a.
 */
export type LossName = 'halfSse' | 'sse' | 'mse' | 'bce' | 'cce';

/** A bilingual text: the string in each of the app's languages. */
export interface LocalText {
  en: string;
  'zh-CN': string;
}

/** A lesson's title: plain text in one language, shown in both, or its text in each language (see textIn). */
export type LessonTitle = string | LocalText;

/** One layer of the architecture: its size, and for every layer but the input, its activation f. */
export interface LayerSpec {
  size: number;
  activation?: ActivationName;
}

/** One training example: input vector x (= a⁰) and target vector t. */
export interface Sample {
  input: number[];
  target: number[];
}

/** Names of the data sets the product ships or generates from a seed. */
export type BuiltinDatasetName = 'iris' | 'xor' | 'gaussians' | 'circle' | 'spiral';

/**
 * A lesson's data: inline samples, a built-in set by name (generated sets take a seed and a noise, a standard
 * deviation in input units), or CSV text carried in the file (header row, numeric features, label last; the seed
 * shuffles it before the training/validation split).
 */
export type DatasetSpec =
  | { kind: 'inline'; samples: Sample[] }
  | { kind: 'builtin'; name: BuiltinDatasetName; seed?: number; noise?: number }
  | { kind: 'csv'; text: string; seed?: number };

/** How the weight update is written: `w − η∂E/∂w` (descent) or `w + α(−∂E/∂w)` (lesson 001). */
export type UpdateStyle = 'minusEta' | 'plusAlpha';
/** Vectors as columns (z = W a, lessons 003/004) or rows (h′ = x W, lesson 001). */
export type VectorStyle = 'column' | 'row';
/** Symbol sets: standard (z, a, δ, W, b, η, E), lesson 004's (X, O, W_input-hidden), lesson 001's (h, Φ, α, d, y). */
export type SymbolSet = 'standard' | 'matrix004' | 'paths001';

/** The detail a lesson opens at (the timeline's granularity): per neuron, per layer (matrix form), per weight. */
export type Detail = 'neuron' | 'layer' | 'weight';

/** Display conventions: they change how formulas are written, never the numbers (except `fixedBiases`). */
export interface Conventions {
  update: UpdateStyle;
  vectors: VectorStyle;
  symbols: SymbolSet;
  /** The detail the lesson opens at (absent: per neuron); a link's own detail wins. */
  detail?: Detail;
  /** Biases b are used in the forward pass but never updated (no ∂E/∂b, b_new = b), as some worked examples do. */
  fixedBiases?: boolean;
}

/** The `backprop-lesson` file, version 1: what teachers save and share and what links carry. */
export interface Lesson {
  format: 'backprop-lesson';
  version: 1;
  title?: LessonTitle;
  notes?: LocalText;
  /** Layer sizes; layers[0] is the input layer (no activation). */
  layers: LayerSpec[];
  loss: LossName;
  /** Learning rate η (α in lesson 001). */
  learningRate: number;
  /** Whether neurons have a bias b. */
  useBias: boolean;
  /** weights[l][j][k]: the weight into neuron j of layer l + 1 from neuron k of layer l. */
  weights: number[][][];
  /** biases[l][j]: the bias of neuron j of layer l + 1 (zeros when useBias is false). */
  biases: number[][];
  /** The sample one training step is traced on. */
  sample: Sample;
  dataset?: DatasetSpec;
  /** Mini-batch size m used by training and the batch view (1 = SGD). */
  batchSize?: number;
  /** Seed of the generator used to initialise and shuffle. */
  seed?: number;
  conventions: Conventions;
  /**
   * Figures the lesson's source printed, by value id (`z:1:2`, `dW:2:0:0`…), as written there (e.g. "0.62");
   * a step whose computed value rounds differently shows an erratum note.
   */
  published?: Record<string, string>;
}

/** A lesson whose title and notes are written in both languages, as every built-in lesson's are. */
export type BilingualLesson = Lesson & { title: LocalText; notes: LocalText };

/** Which quantity a non-finite value appeared in. */
export type QuantityName =
  | 'input'
  | 'target'
  | 'z'
  | 'a'
  | 'loss'
  | 'lossTerm'
  | 'dLoss'
  | 'dA'
  | 'delta'
  | 'dW'
  | 'db'
  | 'weight'
  | 'bias';

/** A value that is NaN or ±Infinity, named by quantity, layer and neuron (and incoming neuron for weights). */
export interface NonFiniteCondition {
  kind: 'nonFinite';
  quantity: QuantityName;
  /** Layer l of the quantity (for weights and their gradients: the layer the weight leads into). */
  layer: number;
  /** Neuron j. */
  neuron: number;
  /** Incoming neuron k, for weights and weight gradients. */
  from?: number;
  value: number;
  /** Training position where it happened, when it happened during training. */
  epoch?: number;
  step?: number;
}

/** Everything one layer holds after a traced step. Layer 0 is the input: z = a = x; the rest are empty. */
export interface LayerTrace {
  /** Weighted sums z^l_j = Σ_k w^l_jk a^{l−1}_k + b^l_j. */
  z: number[];
  /** Activations a^l_j = f(z^l_j). */
  a: number[];
  /** f′(z^l_j); empty for the input and for a softmax layer (whose derivative is a Jacobian). */
  fPrime: number[];
  /** ∂E/∂a^l_j: from the loss at the output, Σ_i w^{l+1}_ij δ^{l+1}_i in hidden layers. */
  dA: number[];
  /** Error terms δ^l_j = ∂E/∂z^l_j. */
  delta: number[];
  /** Weight gradients ∂E/∂w^l_jk = δ^l_j a^{l−1}_k. */
  dW: number[][];
  /** Bias gradients ∂E/∂b^l_j = δ^l_j (empty without biases). */
  db: number[];
}

/** The full record of one gradient-descent step on one sample. */
export interface Trace {
  layers: LayerTrace[];
  /** E, the total loss. */
  loss: number;
  /** The per-output terms whose sum (or mean, for MSE) is E. */
  lossTerms: number[];
  /** ∂E/∂a at the output layer. */
  dLoss: number[];
  /**
   * Weights and biases after w ← w − η ∂E/∂w, every gradient taken before any weight moved. In a batch trace:
   * after the batch's step, w ← w − η (1/m) Σ_x ∂E_x/∂w.
   */
  updated: { weights: number[][][]; biases: number[][] };
  /**
   * A mini-batch step (m ≥ 2 samples): every sample's own trace and the averaged gradients. The rest of the trace
   * is then the first sample's, except `updated`, which is the batch's step.
   */
  batch?: BatchTrace;
}

/** One gradient-descent step averaged over a mini-batch of m samples x. */
export interface BatchTrace {
  /** The m samples, in order. */
  samples: Sample[];
  /** Each sample's full trace from the same weights (its own `updated` is not the step taken). */
  traces: Trace[];
  /** The batch loss E = (1/m) Σ_x E_x. */
  loss: number;
  /** ∂E/∂W^l = (1/m) Σ_x δ^{x,l} (a^{x,l−1})ᵀ, as dW[l − 1][j][k]. */
  dW: number[][][];
  /** ∂E/∂b^l = (1/m) Σ_x δ^{x,l}, as db[l − 1][j] (empty lists without biases or with fixed biases). */
  db: number[][];
}

export type TraceResult = { ok: true; trace: Trace } | { ok: false; condition: NonFiniteCondition };

/**
 * A problem found in a lesson file: where (a JSON path such as `layers[2].activation`) and what, in English
 * (`message`) and as a code with parameters to translate. `parseLesson` always sets `code` and `params`;
 * problems found before it (a file too large, not JSON) carry only the message.
 */
export interface LessonProblem {
  path: string;
  message: string;
  code?: ProblemCode;
  params?: ProblemParams;
}

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; problems: LessonProblem[] };

/** A seeded generator of uniform numbers in [0, 1). */
export type Rng = () => number;
