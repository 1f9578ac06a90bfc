// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormulaPanel } from '../../../src/components/formula/FormulaPanel';
import { LONG_SOURCES } from '../../../src/components/formula/SourceList';
import { traceStep } from '../../../src/engine';
import { formatNumber } from '../../../src/formulas';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore, selectTimeline } from '../../../src/store';
import { vId } from '../../support/ids';

const trace = (() => {
  const r = traceStep(lesson004);
  if (!r.ok) throw new Error('lesson 004 must trace');
  return r.trace;
})();

/** The TeX source KaTeX keeps in the MathML annotation of a formula row. */
const texOf = (testId: string) => screen.getByTestId(testId).querySelector('annotation')?.textContent ?? '';

/** The page on show (its neighbours are rendered too, hidden). */
const currentPage = () => within(document.querySelector<HTMLElement>('.formula-page.is-current')!);

beforeEach(() => lessonStore.setState({ ...initialState(lesson004) }));
afterEach(cleanup);

describe('FormulaPanel', () => {
  it('shows the rule, the numbers and the result of the current step', () => {
    render(<FormulaPanel />);
    expect(screen.getByTestId('sentence').textContent).toBe(
      'The weighted sum X_hidden,1 of hidden neuron 1: each input times its weight, all added up.',
    );
    expect(texOf('formula-substituted')).toContain('0.9 \\cdot 0.9');
    expect(texOf('formula-result')).toContain('1.16');
  });

  it('follows the cursor to every step, always with the engine’s numbers', () => {
    render(<FormulaPanel />);
    const tl = selectTimeline(lessonStore.getState())!;
    const hidden2Delta = tl.steps.findIndex((s) => s.writes.includes(vId('d:1:1')));
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
    expect(currentPage().getAllByText('(given)').length).toBe(6);
  });

  it('shows the gradient check on gradient steps and an erratum where the lesson printed another figure', () => {
    render(<FormulaPanel />);
    const tl = selectTimeline(lessonStore.getState())!;
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.phase === 'gradient')));
    expect(currentPage().getAllByText(/Gradient check: backprop/).length).toBeGreaterThan(0);
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.writes.includes(vId('z:1:2')))));
    expect(screen.getByRole('note').textContent).toMatch(/prints 0\.62; the computed value is 1\.45/);
    act(() => lessonStore.getState().goTo(tl.steps.findIndex((s) => s.writes.includes(vId('z:1:0')))));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('speaks Chinese when the locale is zh-CN', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    render(<FormulaPanel />);
    expect(currentPage().getByText('规则')).toBeTruthy();
  });
});

describe('pages rendered ahead', () => {
  it('keeps the steps beside the cursor rendered beneath the current one, out of reach, and shows only that one', () => {
    render(<FormulaPanel />);
    act(() => lessonStore.getState().goTo(5));
    const pages = [...document.querySelectorAll<HTMLElement>('.formula-page')];
    const tl = selectTimeline(lessonStore.getState())!;
    expect(pages.map((p) => p.dataset.stepId)).toEqual([4, 5, 6].map((i) => tl.steps[i].id));
    expect(pages.map((p) => p.classList.contains('is-current'))).toEqual([false, true, false]);
    // the pages beneath keep their controls out of the tab order
    const tabbable = (p: HTMLElement) =>
      [...p.querySelectorAll<HTMLElement>('button, summary')].every((b) => b.tabIndex >= 0);
    expect(pages.map(tabbable)).toEqual([false, true, false]);
    expect(pages.map((p) => p.getAttribute('aria-hidden'))).toEqual(['true', null, 'true']);
    // one set of test ids and one accessible heading: the current page's
    expect(screen.getAllByTestId('formula-result')).toHaveLength(1);
    expect(screen.getAllByRole('heading')).toHaveLength(1);
    // a step forward shows the page already there (same element), and the next one is rendered ahead
    const next = pages[2];
    const focused = pages[1].querySelector<HTMLElement>('summary')!;
    focused.focus();
    act(() => lessonStore.getState().next());
    expect(next.classList.contains('is-current')).toBe(true);
    expect(tabbable(next)).toBe(true);
    expect(document.activeElement).not.toBe(focused); // focus does not stay on a page that went under
    expect([...document.querySelectorAll<HTMLElement>('.formula-page')].map((p) => p.dataset.stepId)).toEqual(
      [5, 6, 7].map((i) => tl.steps[i].id),
    );
  });

  it('lists the pages around the cursor, in step order, within the timeline', async () => {
    const { pageIndices } = await import('../../../src/components/formula/FormulaPanel');
    expect(pageIndices(5, 5, 10)).toEqual([4, 5, 6]);
    expect(pageIndices(6, 5, 10)).toEqual([4, 5, 6]); // the step itself, before the deferred render
    expect(pageIndices(9, 5, 10)).toEqual([4, 5, 6, 9]); // a jump: the new page is built at once
    expect(pageIndices(0, 0, 10)).toEqual([0, 1]);
    expect(pageIndices(9, 9, 10)).toEqual([8, 9]);
    expect(pageIndices(0, 0, 1)).toEqual([0]);
  });
});

describe('pages rendered ahead of a new timeline', () => {
  it('renders no neighbours of the old cursor with a new lesson’s or detail’s numbers', async () => {
    const { settledCursor } = await import('../../../src/components/formula/FormulaPanel');
    const before = selectTimeline(lessonStore.getState())!;
    expect(settledCursor({ cursor: 5, timeline: before }, before)).toBe(5);
    lessonStore.getState().goTo(5);
    lessonStore.getState().nextIteration();
    const after = selectTimeline(lessonStore.getState())!;
    expect(after).not.toBe(before);
    // the urgent render after Next iteration: the current page alone (its neighbours follow, deferred)
    const { pageIndices } = await import('../../../src/components/formula/FormulaPanel');
    const cursor = lessonStore.getState().cursor;
    expect(
      pageIndices(cursor, settledCursor({ cursor: 5, timeline: before }, after), after.steps.length),
    ).toEqual([cursor]);
  });

  it('shows the neighbours of the new cursor once settled, with the new lesson’s numbers', () => {
    render(<FormulaPanel />);
    act(() => lessonStore.getState().goTo(5));
    act(() => {
      lessonStore.getState().nextIteration();
    });
    const tl = selectTimeline(lessonStore.getState())!;
    const pages = [...document.querySelectorAll<HTMLElement>('.formula-page')];
    expect(pages.map((p) => p.dataset.stepId)).toEqual([0, 1].map((i) => tl.steps[i].id));
    const r = traceStep(lessonStore.getState().lesson);
    if (!r.ok) throw new Error('must trace');
    expect(texOf('formula-result')).toContain(formatNumber(r.trace.layers[1].z[0], 4));
  });
});

describe('a long list of sources', () => {
  // 8 inputs: the first step, z of output 1, reads 8 weights and 8 inputs (and the bias)
  const wide = {
    ...lesson004,
    layers: [{ size: 8 }, { size: 2, activation: 'sigmoid' as const }],
    weights: [[Array<number>(8).fill(0.1), Array<number>(8).fill(-0.1)]],
    biases: [[0, 0]],
    sample: { input: Array<number>(8).fill(0.5), target: [0, 1] },
    published: undefined,
  };

  it('starts closed with its length, renders its items only when open, and stays open from step to step', () => {
    lessonStore.setState({ ...initialState(wide) });
    render(<FormulaPanel />);
    const summary = () => currentPage().getByText(/Where the numbers come from/);
    const count = LONG_SOURCES + 1;
    expect(summary().textContent).toMatch(/Where the numbers come from \((1[3-9])\)/);
    expect(Number(/\((\d+)\)/.exec(summary().textContent!)![1])).toBeGreaterThanOrEqual(count);
    const details = summary().closest('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelectorAll('li')).toHaveLength(0);
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    expect(lessonStore.getState().longSourcesOpen).toBe(true);
    expect(summary().closest('details')!.querySelectorAll('li').length).toBeGreaterThanOrEqual(count);
    act(() => lessonStore.getState().goTo(2)); // z of output 2: as long, and open too
    expect(summary().textContent).toMatch(/\(\d+\)/);
    expect(summary().closest('details')!.open).toBe(true);
    // a short list is always open
    act(() => lessonStore.getState().goTo(1)); // a = σ(z): one number
    expect(currentPage().getByText('Where the numbers come from').closest('details')!.open).toBe(true);
  });
});
