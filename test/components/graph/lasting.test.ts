import { describe, expect, it } from 'vitest';
import { Lasting } from '../../../src/components/graph/lasting';

describe('Lasting', () => {
  it('gives the last value for the same inputs by identity, and makes a new one otherwise', () => {
    const memo = new Lasting<{ n: number }>();
    const a = {};
    let made = 0;
    const make = () => ({ n: ++made });
    const first = memo.get([a, 1], make);
    expect(memo.get([a, 1], make)).toBe(first);
    expect(made).toBe(1);
    expect(memo.get([{}, 1], make)).toEqual({ n: 2 });
    expect(memo.get([a, 2], make)).toEqual({ n: 3 });
    expect(memo.get([a, 2, 3], make)).toEqual({ n: 4 });
  });
});
