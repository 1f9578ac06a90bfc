import { createRng, initialise, type Lesson } from '../../src/engine';
import { iris } from '../../src/lessons/iris';

/**
 * Lesson 002's Iris network (4-5-3, sigmoid with biases, ½Σ(t − o)², η = 0.2, the first flower as its sample) with
 * weights and biases drawn uniform in [0, 1) from `seed`: the preset's network without its title, notes or data set.
 */
export function irisLesson(seed: number): Lesson {
  const { title: _title, notes: _notes, dataset: _dataset, batchSize: _batchSize, ...network } = iris;
  const sizes = network.layers.map((l) => l.size);
  const { weights, biases } = initialise(sizes, { kind: 'uniform01' }, createRng(seed), network.useBias);
  return { ...network, weights, biases, seed };
}
