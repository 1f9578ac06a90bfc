import { describe, expect, it } from 'vitest';
import { createRng, initialise, shuffled } from '../../src/engine';

describe('seeded generator and initialisers', () => {
  it('the same seed gives the same sequence, another seed another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('shuffled returns a permutation and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, createRng(1));
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.slice().sort()).toEqual(items);
  });

  it('draws each scheme within its range and shape', () => {
    const sizes = [4, 5, 3];
    const u01 = initialise(sizes, { kind: 'uniform01' }, createRng(1), true);
    expect(u01.weights.map((W) => [W.length, W[0].length])).toEqual([
      [5, 4],
      [3, 5],
    ]);
    u01.weights
      .flat(2)
      .concat(u01.biases.flat())
      .forEach((w) => expect(w >= 0 && w < 1).toBe(true));
    const ur = initialise(sizes, { kind: 'uniform', range: 0.3 }, createRng(1), false);
    ur.weights.flat(2).forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(0.3));
    expect(ur.biases.flat().every((b) => b === 0)).toBe(true);
    const xav = initialise(sizes, { kind: 'xavier' }, createRng(1), true);
    const r0 = Math.sqrt(6 / 9);
    xav.weights[0].flat().forEach((w) => expect(Math.abs(w)).toBeLessThanOrEqual(r0));
    expect(xav.biases.flat().every((b) => b === 0)).toBe(true);
    const he = initialise([400, 300], { kind: 'he' }, createRng(2), true);
    const ws = he.weights[0].flat();
    const sd = Math.sqrt(ws.reduce((s, w) => s + w * w, 0) / ws.length);
    expect(sd).toBeCloseTo(Math.sqrt(2 / 400), 2);
  });
});
