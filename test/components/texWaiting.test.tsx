// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// KaTeX on its way, under the test's control: formulas render as placeholders until `arrive` is called.
const engine = vi.hoisted(() => {
  const typeset: string[] = [];
  let katex: { renderToString: (tex: string) => string } | null = null;
  const waiting = new Set<() => void>();
  let arrive: () => void = () => undefined;
  const loading = new Promise<void>((done) => (arrive = done));
  return {
    typeset,
    arrive: () => {
      katex = {
        renderToString: (tex: string) => {
          typeset.push(tex);
          return `<span class="katex">${tex}</span>`;
        },
      };
      for (const notify of waiting) notify();
      arrive();
    },
    module: {
      holdKatexUntil: () => undefined,
      warmUpSteps: () => (katex ? ['warm 1', 'warm 2'].map((w) => () => typeset.push(w)) : []),
      loadKatex: () => loading.then(() => katex),
      loadedKatex: () => katex,
      onKatexLoaded: (notify: () => void) => {
        if (katex) return () => undefined;
        waiting.add(notify);
        return () => waiting.delete(notify);
      },
    },
  };
});
vi.mock('../../src/components/texEngine', () => engine.module);

// the test setup has loaded Tex with the real engine (and KaTeX): a fresh copy reads the one above
vi.resetModules();
const { Tex } = await import('../../src/components/Tex');

afterEach(cleanup);

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('formulas that waited for KaTeX', () => {
  it('are typeset one per task once it arrives (after the warm-up of KaTeX), then shown', async () => {
    const sources = ['a_{1} = 0.5', 'b_{2} = 0.25', 'c_{3} = 0.125'];
    const { container } = render(
      <>
        {sources.map((tex) => (
          <Tex key={tex} tex={tex} block />
        ))}
      </>,
    );
    expect(container.querySelectorAll('.tex-pending')).toHaveLength(3);
    // how many formulas were typeset by the end of each task after KaTeX arrived
    // React's own scheduler from here on, as in the page (act() would run React's work in one piece)
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    env.IS_REACT_ACT_ENVIRONMENT = false;
    const counts: number[] = [];
    const pending: number[] = [];
    try {
      engine.arrive();
      for (let i = 0; i < 20; i++) {
        await nextTask();
        counts.push(engine.typeset.length);
        pending.push(container.querySelectorAll('.tex-pending').length);
      }
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
    }
    // KaTeX warmed up first, a small formula per task, then the formulas themselves
    expect(engine.typeset).toEqual(['warm 1', 'warm 2', ...sources]);
    // never two in one task (in React's render, a page's formulas were typeset together: one long task)
    counts.forEach((n, i) => expect(n - (counts[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    expect(container.querySelectorAll('.tex-pending')).toHaveLength(0);
    // each formula is shown once its own is typeset, not all of them at the end in one commit
    expect(pending).toContain(2);
    expect(pending).toContain(1);
    expect([...container.querySelectorAll('.katex')].map((k) => k.textContent)).toEqual(sources);
  });
});
