/**
 * What scripts/bench-train.ts runs inside Chromium (bundled to one script): lesson 002's Iris network and data, and
 * the training session timed on the page with and without generated code.
 */
import type { Lesson } from '../src/engine';
import { TrainingSession } from '../src/engine/training';
import { irisSplit } from '../src/data';
import { irisLesson } from '../test/support/iris';

/** Lesson 002's network (4-5-3, sigmoid, biases, ½Σ(t − a)², η = 0.2, weights uniform in [0, 1) from the seed) and data. */
export function irisSetup(seed = 1): { network: Lesson; split: ReturnType<typeof irisSplit> } {
  return { network: irisLesson(seed), split: irisSplit(seed) };
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
