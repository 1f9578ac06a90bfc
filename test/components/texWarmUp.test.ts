import { describe, expect, it, vi } from 'vitest';

vi.resetModules();
const engine = await import('../../src/components/texEngine');

describe("KaTeX's warm-up", () => {
  it('has no steps before KaTeX has loaded', () => {
    expect(engine.loadedKatex()).toBeNull();
    expect(engine.warmUpSteps()).toEqual([]);
  });

  it('once loaded, typesets one small valid formula per step', async () => {
    const katex = await engine.loadKatex();
    const spy = vi.spyOn(katex, 'renderToString');
    const steps = engine.warmUpSteps();
    expect(steps.length).toBeGreaterThanOrEqual(5);
    steps.forEach((step, i) => {
      step();
      expect(spy).toHaveBeenCalledTimes(i + 1);
    });
    const sources = spy.mock.calls.map(([tex]) => tex);
    spy.mockRestore();
    expect(sources[0]).toBe('x');
    expect(new Set(sources).size).toBe(steps.length);
    for (const tex of sources) expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });
});
