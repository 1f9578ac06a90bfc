import { describe, expect, it } from 'vitest';
import { train } from '../../src/engine';
import { datasetSplit, irisSplit } from '../../src/data';
import { TrainingSession } from '../../src/engine/training';
import { irisLesson } from '../support/iris';

describe("lesson 002's Iris project (4-5-3, sigmoid, uniform [0, 1), η = 0.2, 300 epochs, SGD, 130/20)", () => {
  it('reaches at least 90% validation accuracy for at least 9 of 10 seeds', () => {
    const finals = Array.from({ length: 10 }, (_, seed) => {
      const result = train(irisLesson(seed + 1), irisSplit(seed + 1), { epochs: 300, seed: seed + 1 });
      expect(result.condition).toBeNull();
      expect(result.steps).toBe(39_000);
      expect(result.history).toHaveLength(300);
      const last = result.history[299];
      expect(last.trainLoss).toBeLessThan(result.history[0].trainLoss);
      return last.validationAccuracy ?? 0;
    });
    expect(finals.filter((acc) => acc >= 0.9).length).toBeGreaterThanOrEqual(9);
  });

  it('the same through the Train view’s path: a TrainingSession on the lesson’s data set, 300 epochs', () => {
    const finals = Array.from({ length: 10 }, (_, i) => {
      const seed = i + 1;
      const split = datasetSplit({ kind: 'builtin', name: 'iris', seed });
      const session = new TrainingSession(irisLesson(seed), split, { seed });
      const r = session.run(Infinity, { kind: 'epochs', epochs: 300 });
      expect(r.stop).toEqual({ reason: 'done' });
      expect(session.snapshot().steps).toBe(39_000);
      return session.history[299].validationAccuracy ?? 0;
    });
    expect(finals.filter((acc) => acc >= 0.9).length).toBeGreaterThanOrEqual(9);
  });
});
