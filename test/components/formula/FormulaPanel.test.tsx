// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormulaPanel } from '../../../src/components/formula/FormulaPanel';
import { traceStep } from '../../../src/engine';
import { formatNumber } from '../../../src/formulas';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore, selectTimeline } from '../../../src/store';

const trace = (() => {
  const r = traceStep(lesson004);
  if (!r.ok) throw new Error('lesson 004 must trace');
  return r.trace;
})();

/** The TeX source KaTeX keeps in the MathML annotation of a formula row. */
const texOf = (testId: string) => screen.getByTestId(testId).querySelector('annotation')?.textContent ?? '';

beforeEach(() => lessonStore.setState({ ...initialState(lesson004) }));
afterEach(cleanup);

describe('FormulaPanel', () => {
  it('shows the rule, the numbers and the result of the current step', () => {
    render(<FormulaPanel />);
    expect(screen.getByTestId('sentence').textContent).toMatch(/Neuron 1 of layer 1/);
    expect(texOf('formula-substituted')).toContain('0.9 \\cdot 0.9');
    expect(texOf('formula-result')).toContain('1.16');
  });

  it('follows the cursor to every step, always with the engine’s numbers', () => {
    render(<FormulaPanel />);
    const tl = selectTimeline(lessonStore.getState())!;
    const hidden2Delta = tl.steps.findIndex((s) => s.writes.includes('d:1:1'));
    act(() => lessonStore.getState().goTo(hidden2Delta));
    expect(texOf('formula-result')).toContain(formatNumber(trace.layers[1].delta[1], 4));
    const lastUpdate = tl.steps.length - 1;
    act(() => lessonStore.getState().goTo(lastUpdate));
    expect(texOf('formula-result')).toContain(formatNumber(trace.updated.weights[1][1][2], 4));
  });

  it('links every number to the step that produced it, and back', () => {
    render(<FormulaPanel />);
    act(() => lessonStore.getState().goTo(1)); // a¹₁ = σ(z¹₁)
    fireEvent.click(screen.getByRole('button', { name: '← step 1' }));
    expect(lessonStore.getState().cursor).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: /Back to step 2/ }));
    expect(lessonStore.getState().cursor).toBe(1);
    // givens are marked as such
    act(() => lessonStore.getState().goTo(0));
    expect(screen.getAllByText('(given)').length).toBe(6);
  });

  it('shows the gradient check on gradient steps and an erratum where the lesson printed another figure', () => {
    render(<FormulaPanel />);
    const tl = selectTimeline(lessonStore.getState())!;
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.phase === 'gradient')));
    expect(screen.getAllByText(/Gradient check: backprop/).length).toBeGreaterThan(0);
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.writes.includes('z:1:2'))));
    expect(screen.getByRole('note').textContent).toMatch(/prints 0\.62; the computed value is 1\.45/);
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.writes.includes('z:1:0'))));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('speaks Chinese when the locale is zh-CN', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    render(<FormulaPanel />);
    expect(screen.getByText('规则')).toBeTruthy();
  });
});
