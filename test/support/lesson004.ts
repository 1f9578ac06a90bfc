import type { Lesson } from '../../src/engine';

/** An independent copy of lesson 004 (kept apart from src/lessons so a slip in the preset is caught): its 3-3-2 network as a lesson file (inputs, weights and targets from the lesson; no biases). */
export function lesson004(): Lesson {
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 3 }, { size: 3, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }],
    loss: 'sse',
    learningRate: 0.5,
    useBias: false,
    weights: [
      [
        [0.9, 0.3, 0.4],
        [0.2, 0.8, 0.2],
        [0.8, 0.1, 0.9],
      ],
      [
        [0.3, 0.7, 0.5],
        [0.6, 0.5, 0.2],
      ],
    ],
    biases: [
      [0, 0, 0],
      [0, 0],
    ],
    sample: { input: [0.9, 0.1, 0.8], target: [0.01, 0.99] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'matrix004' },
  };
}
