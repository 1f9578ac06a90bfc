import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine';
import { lesson004 } from '../../src/lessons';
import { LESSONS_KEPT, PARAMETERS_KEPT, timelineOf, traceOf } from '../../src/store/derived';
import { sigmoidNet } from '../support/lessons';

/** A sigmoid network of `layers` layers of `width` neurons, weights from the seed. */
const net = (layers: number, width: number, seed: number): Lesson =>
  sigmoidNet(Array<number>(layers).fill(width), seed);

describe('derived values kept', () => {
  it('of the largest networks, two lessons (the current one and the one before); of small ones, four', () => {
    const big = [1, 2, 3].map((seed) => net(10, 64, seed)); // 37,440 parameters each
    expect(2 * 37_440).toBeLessThanOrEqual(PARAMETERS_KEPT);
    expect(3 * 37_440).toBeGreaterThan(PARAMETERS_KEPT);
    const traces = big.map((l) => traceOf(l));
    const timeline = timelineOf(big[2], 'neuron');
    // the last two are kept (the same objects come back), the first is made anew
    expect(traceOf(big[1])).toBe(traces[1]);
    expect(traceOf(big[2])).toBe(traces[2]);
    expect(timelineOf(big[2], 'neuron')).toBe(timeline);
    expect(traceOf(big[0])).not.toBe(traces[0]);
    expect(traceOf(big[0])).toEqual(traces[0]);

    // small lessons: LESSONS_KEPT of them
    const small = Array.from({ length: LESSONS_KEPT }, (_, i) => ({
      ...lesson004,
      learningRate: 0.1 + i / 10,
    }));
    const smallTraces = small.map((l) => traceOf(l));
    small.forEach((l, i) => expect(traceOf(l)).toBe(smallTraces[i]));
  });
});
