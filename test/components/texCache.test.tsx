// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_CHARS, CACHE_SIZE, Tex, texCacheUsage } from '../../src/components/Tex';
import { SizedCache } from '../../src/components/texCache';

afterEach(cleanup);

const byLength = (key: string, v: string) => key.length + v.length;

describe('SizedCache (the Tex render cache)', () => {
  it('drops the least recently used beyond its size budget, keeping the newest', () => {
    const c = new SizedCache<string>(100, 1000, byLength);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, 'x'.repeat(198)); // 200 each with its key
    // 1000 / 200: the newest five
    expect(c.keys()).toEqual(['k5', 'k6', 'k7', 'k8', 'k9']);
    expect(c.usage).toEqual({ entries: 5, size: 1000 });
    c.get('k5'); // now the most recently used
    c.set('k10', 'x'.repeat(197));
    expect(c.keys()).toEqual(['k7', 'k8', 'k9', 'k5', 'k10']);
    expect(c.usage.size).toBe(1000 - 200 + 200);
  });

  it('keeps an entry larger than the whole budget alone, and frees it when it goes', () => {
    const c = new SizedCache<string>(100, 1000, byLength);
    c.set('a', 'x'.repeat(99));
    c.set('big', 'x'.repeat(5000));
    expect(c.keys()).toEqual(['big']);
    expect(c.usage).toEqual({ entries: 1, size: 5003 });
    c.set('b', 'x'.repeat(9));
    expect(c.keys()).toEqual(['b']);
    expect(c.usage).toEqual({ entries: 1, size: 10 });
  });

  it('caps the count too, and replacing a key counts its new size only', () => {
    const c = new SizedCache<string>(3, 1_000_000, byLength);
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, 'vv');
    expect(c.keys()).toEqual(['b', 'c', 'd']);
    c.set('c', 'v'.repeat(10));
    expect(c.keys()).toEqual(['b', 'd', 'c']);
    expect(c.usage).toEqual({ entries: 3, size: 3 + 3 + 11 });
  });
});

describe('Tex', () => {
  it('keeps its rendered formulas within the cache bounds, counting their markup', () => {
    expect(CACHE_SIZE).toBe(600);
    expect(CACHE_CHARS).toBe(4_000_000);
    const before = texCacheUsage();
    const { container } = render(<Tex tex="\frac{\partial E}{\partial w_{7}} = 0.125" block />);
    const html = container.querySelector('.tex')!.innerHTML;
    const after = texCacheUsage();
    expect(after.entries).toBe(before.entries + 1);
    // the markup and its key ('bf' + the source)
    expect(after.chars - before.chars).toBe(
      html.length + 2 + '\\frac{\\partial E}{\\partial w_{7}} = 0.125'.length,
    );
    // the same formula again is a hit: nothing added
    render(<Tex tex="\frac{\partial E}{\partial w_{7}} = 0.125" block />);
    expect(texCacheUsage()).toEqual(after);
  });
});
