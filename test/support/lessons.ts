import { createRng, initialise, type ActivationName, type Lesson, type LossName } from '../../src/engine';
import type { Notice, Work } from '../../src/store';

/** The parts of a lesson file a test lesson does not vary: the format, its version and the standard conventions. */
const FILE = {
  format: 'backprop-lesson',
  version: 1,
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
} as const;

/** A lesson file from its network, loss and sample, in the standard conventions (w − η∂E/∂w, column vectors). */
export function lessonOf(
  parts: Omit<Lesson, keyof typeof FILE> & Partial<Pick<Lesson, 'conventions'>>,
): Lesson {
  return { ...FILE, ...parts };
}

/**
 * A sigmoid network of these sizes with squared error, η = 0.5, biases, and uniform(−1, 1) weights and biases,
 * input and target drawn from the seed (6 × 48 makes a ~0.2 MB autosave; 10 × 64 is the largest the format allows).
 */
export function sigmoidNet(sizes: number[], seed: number): Lesson {
  const rng = createRng(seed);
  const { weights, biases } = initialise(sizes, { kind: 'uniform', range: 1 }, rng, true);
  return lessonOf({
    layers: sizes.map((size, l) => (l === 0 ? { size } : { size, activation: 'sigmoid' as const })),
    loss: 'sse',
    learningRate: 0.5,
    useBias: true,
    weights,
    biases,
    sample: {
      input: Array.from({ length: sizes[0] }, rng),
      target: Array.from({ length: sizes[sizes.length - 1] }, rng),
    },
  });
}

/**
 * One sigmoid neuron with cross-entropy, weight 1000, input 1, target 0: within the format's limits, but σ(1000)
 * rounds to 1 and E = −ln(1 − a) = −ln 0 is infinite, so the gate refuses it.
 */
export const overflowLesson: Lesson = lessonOf({
  layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' }],
  loss: 'bce',
  learningRate: 0.1,
  useBias: false,
  weights: [[[1000]]],
  biases: [[0]],
  sample: { input: [1], target: [0] },
});

/** A lesson whose output layer has the weighted sums z (input 1, weights 0, biases z) and the target t. */
export function outputLesson(act: ActivationName, loss: LossName, z: number[], t: number[]): Lesson {
  return lessonOf({
    layers: [{ size: 1 }, { size: z.length, activation: act }],
    loss,
    learningRate: 0.1,
    useBias: true,
    weights: [z.map(() => [0])],
    biases: [z],
    sample: { input: [1], target: t },
  });
}

/** The notice a link to other work than the saved work opens with: its action brings `work` back. */
export const replacedWorkNotice = (work: Work): Notice => ({
  key: 'link.replacedWork',
  action: { kind: 'restoreWork', work },
});
