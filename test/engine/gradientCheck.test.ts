import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../../src/engine';
import { lesson004 } from '../support/lesson004';

describe('gradientCheck', () => {
  it('gives one entry per weight (and bias) with analytic and numeric values that agree', () => {
    const entries = gradientCheck(lesson004());
    expect(entries).toHaveLength(9 + 6);
    entries.forEach((e) => expect(e.relativeError).toBeLessThan(1e-7));
    const w11 = entries.find((e) => e.layer === 2 && e.neuron === 0 && e.from === 0)!;
    expect(w11.numeric).toBeCloseTo(0.2134, 4);
  });

  it('includes biases when the lesson uses them', () => {
    const lesson = {
      ...lesson004(),
      useBias: true,
      biases: [
        [0.1, -0.2, 0.3],
        [0.05, 0.4],
      ],
    };
    const entries = gradientCheck(lesson);
    expect(entries.filter((e) => e.kind === 'bias')).toHaveLength(5);
    entries.forEach((e) => expect(e.relativeError).toBeLessThan(1e-7));
  });
});
