/**
 * What scripts/bench-train.ts runs inside Chromium (bundled to one script): lesson 002's Iris network and data, and
 * the training session timed on the page with and without generated code.
 */
import { createRng, initialise, type Lesson } from '../src/engine';
import { TrainingSession } from '../src/engine/training';
import { irisSplit } from '../src/data';

/** Lesson 002's network: 4-5-3, sigmoid, biases, ½Σ(t − a)², η = 0.2, weights uniform in [0, 1) from seed 1. */
export function irisSetup(seed = 1): { network: Lesson; split: ReturnType<typeof irisSplit> } {
  const { weights, biases } = initialise([4, 5, 3], { kind: 'uniform01' }, createRng(seed), true);
  const network: Lesson = {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 4 }, { size: 5, activation: 'sigmoid' }, { size: 3, activation: 'sigmoid' }],
    loss: 'halfSse',
    learningRate: 0.2,
    useBias: true,
    weights,
    biases,
    sample: { input: [0, 0, 0, 0], target: [1, 0, 0] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
  return { network, split: irisSplit(seed) };
}

/** SGD steps per second of a session trained for `epochs` epochs after a warm-up, with or without generated code. */
export function sessionSpeed(codegen: boolean, epochs: number): number {
  const { network, split } = irisSetup();
  const session = new TrainingSession(network, split, { seed: 1, codegen });
  session.run(split.train.length * 50);
  const t0 = performance.now();
  session.run(split.train.length * epochs);
  return (split.train.length * epochs) / ((performance.now() - t0) / 1000);
}
