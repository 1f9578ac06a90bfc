// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  edgeCount,
  useDeferredDrawing,
  useDeferredLesson,
} from '../../../src/components/graph/deferredLesson';

afterEach(cleanup);

/** Records every render's inputs drawn and busy flag. */
function probe() {
  const renders: Array<[string, boolean]> = [];
  function Panel({ inputs, lag }: { inputs: { lesson: { name: string }; step: number }; lag: boolean }) {
    const [drawn, busy] = useDeferredLesson(inputs, lag);
    renders.push([`${drawn.lesson.name}@${drawn.step}`, busy]);
    return <p aria-busy={busy || undefined}>{`${drawn.lesson.name}@${drawn.step}`}</p>;
  }
  return { renders, Panel };
}

describe('useDeferredLesson', () => {
  it('on a large net draws a new lesson in a later render, busy meanwhile with the older one', async () => {
    const { renders, Panel } = probe();
    const one = { name: 'one' };
    const two = { name: 'two' };
    const { container, rerender } = render(<Panel inputs={{ lesson: one, step: 3 }} lag />);
    expect(renders).toEqual([['one@3', false]]);
    renders.length = 0;
    await act(async () => rerender(<Panel inputs={{ lesson: two, step: 0 }} lag />));
    // first the older lesson at its step, busy; then the new one
    expect(renders).toEqual([
      ['one@3', true],
      ['two@0', false],
    ]);
    expect(container.querySelector('p')!.textContent).toBe('two@0');
    expect(container.querySelector('[aria-busy]')).toBeNull();
  });

  it('draws a step of the same lesson at once, and a small net’s new lesson too', async () => {
    const { renders, Panel } = probe();
    const one = { name: 'one' };
    const { rerender } = render(<Panel inputs={{ lesson: one, step: 3 }} lag />);
    renders.length = 0;
    await act(async () => rerender(<Panel inputs={{ lesson: one, step: 4 }} lag />));
    expect(renders[0]).toEqual(['one@4', false]);
    expect(renders.every(([, busy]) => !busy)).toBe(true);
    renders.length = 0;
    await act(async () => rerender(<Panel inputs={{ lesson: { name: 'small' }, step: 0 }} lag={false} />));
    expect(renders[0]).toEqual(['small@0', false]);
    expect(renders.every(([, busy]) => !busy)).toBe(true);
  });
});

describe('useDeferredDrawing', () => {
  type Inputs = { lesson: { name: string }; origin: { name: string }; step: number };
  function drawingProbe() {
    const renders: Array<[string, boolean]> = [];
    function Panel({ inputs, lag }: { inputs: Inputs; lag: boolean }) {
      const [drawn, busy] = useDeferredDrawing(inputs, lag);
      const text = drawn ? `${drawn.lesson.name}@${drawn.step}` : 'nothing';
      renders.push([text, busy]);
      return <p aria-busy={busy || undefined}>{text}</p>;
    }
    return { renders, Panel };
  }

  it('draws nothing, busy, until a newly opened large lesson’s own render: never the older one', async () => {
    const { renders, Panel } = drawingProbe();
    const small = { name: 'small' };
    const big = { name: 'big' };
    const other = { name: 'other' };
    const { container, rerender } = render(
      <Panel inputs={{ lesson: small, origin: small, step: 2 }} lag={false} />,
    );
    renders.length = 0;
    // a large net opened over a small one
    await act(async () => rerender(<Panel inputs={{ lesson: big, origin: big, step: 0 }} lag />));
    expect(renders).toEqual([
      ['nothing', true],
      ['big@0', false],
    ]);
    expect(container.querySelector('[aria-busy]')).toBeNull();
    renders.length = 0;
    // another large lesson opened over it
    await act(async () => rerender(<Panel inputs={{ lesson: other, origin: other, step: 0 }} lag />));
    expect(renders).toEqual([
      ['nothing', true],
      ['other@0', false],
    ]);
  });

  it('keeps the older lesson, busy, for a lesson of the same origin (Next iteration), and draws steps at once', async () => {
    const { renders, Panel } = drawingProbe();
    const origin = { name: 'one' };
    const two = { name: 'two' };
    const { rerender } = render(<Panel inputs={{ lesson: origin, origin, step: 3 }} lag />);
    expect(renders).toEqual([['one@3', false]]);
    renders.length = 0;
    await act(async () => rerender(<Panel inputs={{ lesson: origin, origin, step: 4 }} lag />));
    expect(renders.every(([, busy]) => !busy)).toBe(true);
    expect(renders[0]).toEqual(['one@4', false]);
    renders.length = 0;
    await act(async () => rerender(<Panel inputs={{ lesson: two, origin, step: 0 }} lag />));
    expect(renders).toEqual([
      ['one@4', true],
      ['two@0', false],
    ]);
  });
});

describe('edgeCount', () => {
  it('counts weights, and biases when used', () => {
    // 2-3-2 with biases: 3 × (2 + 1) + 2 × (3 + 1); without, 3 × 2 + 2 × 3
    const layers = [{ size: 2 }, { size: 3 }, { size: 2 }];
    expect(edgeCount({ layers, useBias: true })).toBe(17);
    expect(edgeCount({ layers, useBias: false })).toBe(12);
    expect(edgeCount({ layers: [{ size: 64 }, { size: 64 }, { size: 10 }], useBias: true })).toBe(
      64 * 65 + 10 * 65,
    );
  });
});
