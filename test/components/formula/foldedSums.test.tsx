// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormulaPanel } from '../../../src/components/formula/FormulaPanel';
import { useKeyboard } from '../../../src/hooks/useKeyboard';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore, selectFormula } from '../../../src/store';

// 12 inputs: z of each output is a sum of 12 products (the lesson has no biases), drawn folded
const wide = {
  ...lesson004,
  layers: [{ size: 12 }, { size: 2, activation: 'sigmoid' as const }],
  weights: [
    [
      Array.from({ length: 12 }, (_, k) => 0.1 * (k + 1)),
      Array.from({ length: 12 }, (_, k) => -0.05 * (k + 1)),
    ],
  ],
  biases: [[0.3, -0.2]],
  sample: { input: Array.from({ length: 12 }, (_, k) => (k + 1) / 16), target: [0, 1] },
  published: undefined,
};

function Page() {
  useKeyboard();
  return <FormulaPanel />;
}

const current = () => document.querySelector<HTMLElement>('.formula-page.is-current')!;
/** The TeX source KaTeX keeps in the MathML annotation of a row of the page on show. */
const texOf = (testId: string) =>
  within(current()).getByTestId(testId).querySelector('annotation')?.textContent ?? '';
const formula = () => selectFormula(lessonStore.getState())!;
const terms = (tex: string) => tex.split(' = ').at(-1)!.split(' + ');

beforeEach(() => lessonStore.setState({ ...initialState(wide) }));
afterEach(cleanup);

describe('a long sum on the formula page', () => {
  it('is drawn folded with its first and last terms, and the button shows every term and back', () => {
    render(<Page />);
    const f = formula();
    expect(f.folded?.terms).toBe(12);
    const full = terms(f.substituted);
    expect(full).toHaveLength(12);
    const result = texOf('formula-result');
    expect(result).toBe(f.result);

    // folded: the first three terms, ⋯, the last two
    const folded = terms(texOf('formula-substituted'));
    expect(folded).toEqual([...full.slice(0, 3), '\\cdots', ...full.slice(-2)]);
    expect(texOf('formula-symbolic')).toBe(f.folded!.symbolic);
    expect(texOf('formula-symbolic')).toContain('\\cdots');
    const button = within(current()).getByRole('button', { name: 'Show all 12 terms' });
    expect(button.getAttribute('aria-expanded')).toBe('false');

    fireEvent.pointerDown(button);
    button.focus();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Show fewer terms');
    expect(texOf('formula-substituted')).toBe(f.substituted);
    expect(terms(texOf('formula-substituted'))).toEqual(full);
    expect(texOf('formula-symbolic')).toBe(f.symbolic);
    expect(texOf('formula-result')).toBe(result); // the same number

    // the stepping keys still step the lesson from the clicked button
    act(() => {
      fireEvent.keyDown(button, { key: 'PageDown' });
    });
    expect(lessonStore.getState().cursor).toBe(1);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    });
    expect(lessonStore.getState().cursor).toBe(2); // z of output 2: as long, and still every term
    expect(formula().folded?.terms).toBe(12);
    expect(texOf('formula-substituted')).toBe(formula().substituted);
    const again = within(current()).getByRole('button', { name: 'Show fewer terms' });
    expect(again.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(again);
    expect(texOf('formula-substituted')).toBe(formula().folded!.substituted);
    expect(within(current()).getByRole('button', { name: 'Show all 12 terms' })).toBeTruthy();
  });

  it('has no button on a step without a long sum, and names it in Chinese', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    render(<Page />);
    expect(within(current()).getByRole('button', { name: '显示全部 12 项' })).toBeTruthy();
    act(() => lessonStore.getState().goTo(1)); // a = σ(z): one number
    expect(formula().folded).toBeUndefined();
    expect(within(current()).queryByRole('button', { expanded: false })).toBeNull();
    expect(current().textContent).not.toContain('显示全部');
  });
});
