// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadPanels } from '../../../src/components/lazyPanels';
import { LessonValueField } from '../../../src/components/editor/LessonValueField';
import { MatrixView } from '../../../src/components/formula/MatrixView';
import { GraphPanel } from '../../../src/components/graph/GraphPanel';
import { applyEdit, initialState, lessonStore } from '../../../src/store';
import { lesson004 } from '../../../src/lessons';
import type { Lesson } from '../../../src/engine';

const W111 = { kind: 'weight', layer: 1, neuron: 0, from: 0 } as const;
const lesson = () => lessonStore.getState().lesson;

function withBce(): Lesson {
  const r = applyEdit(lesson004, { kind: 'loss', loss: 'bce' });
  if (!r.ok) throw new Error('lesson 004 takes the bce loss');
  return r.lesson;
}

beforeAll(() => preloadPanels()); // the panels' chunks, as the page fetches them once idle
beforeEach(() => {
  lessonStore.setState(initialState(lesson004));
});
afterEach(cleanup);

const type = (input: HTMLElement, text: string, key?: string) => {
  fireEvent.change(input, { target: { value: text } });
  if (key) fireEvent.keyDown(input, { key });
};

describe('a value typed in place', () => {
  it('shows the lesson’s value, and Enter applies a new one through the store (undoable)', () => {
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: 'Weight w₁,₁' });
    expect(input).toHaveProperty('value', '0.9');
    type(input, ' 0.5 ', 'Enter');
    expect(lesson().weights[0][0][0]).toBe(0.5);
    expect(input).toHaveProperty('value', '0.5');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    act(() => lessonStore.getState().undo());
    expect(input).toHaveProperty('value', '0.9');
  });

  it('Escape restores the shown value and changes nothing', () => {
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: 'Weight w₁,₁' });
    type(input, '0.7', 'Escape');
    expect(input).toHaveProperty('value', '0.9');
    fireEvent.blur(input);
    expect(input).toHaveProperty('value', '0.9');
    expect(lesson()).toBe(lesson004);
    expect(lessonStore.getState().past).toHaveLength(0);
  });

  it('leaving the field applies a typed value as Enter does; a bad one stays with its message', () => {
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: 'Weight w₁,₁' });
    type(input, '0.7');
    fireEvent.blur(input);
    expect(lesson().weights[0][0][0]).toBe(0.7);
    expect(input).toHaveProperty('value', '0.7');
    expect(lessonStore.getState().past).toHaveLength(1);

    type(input, '0.7x');
    fireEvent.blur(input);
    expect(lesson().weights[0][0][0]).toBe(0.7);
    expect(input).toHaveProperty('value', '0.7x'); // still there to correct
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('“0.7x” is not a number. The value stays 0.7.');
    // blurring the unchanged value again records nothing more
    type(input, '0.7');
    fireEvent.blur(input);
    expect(lessonStore.getState().past).toHaveLength(1);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('Enter on the unchanged value records no edit', () => {
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: 'Weight w₁,₁' });
    type(input, '0.9', 'Enter');
    type(input, '9e-1', 'Enter');
    expect(lessonStore.getState().past).toHaveLength(0);
  });

  it('explains a bad number beside the field and keeps the value', () => {
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: 'Weight w₁,₁' });
    type(input, 'abc', 'Enter');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“abc” is not a number. The value stays 0.9.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(input).toHaveProperty('value', 'abc');
    expect(lesson()).toBe(lesson004);

    type(input, '');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(alert.textContent).toContain('Type a number.');
    type(input, '2e7', 'Enter');
    expect(alert.textContent).toContain('Keep numbers within ±1000000.');
    type(input, '0,5', 'Enter');
    expect(alert.textContent).toContain('write decimals with a point, e.g. 0.5');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(alert.textContent).toBe('');
    expect(input).toHaveProperty('value', '0.9');
  });

  it('refuses a learning rate ≤ 0 with the engine’s message', () => {
    render(<LessonValueField target={{ kind: 'learningRate' }} />);
    const input = screen.getByRole('textbox', { name: 'Learning rate η' });
    type(input, '0', 'Enter');
    expect(screen.getByRole('alert').textContent).toContain('The learning rate must be greater than 0.');
    expect(lesson().learningRate).toBe(0.5);
  });

  it('shows what the store refuses inline instead of in the page-wide notice', () => {
    lessonStore.setState(initialState(withBce()));
    render(<LessonValueField target={{ kind: 'target', index: 0 }} />);
    const input = screen.getByRole('textbox', { name: 'Target target₁' });
    type(input, '2', 'Enter');
    expect(screen.getByRole('alert').textContent).toMatch(/would make the lesson invalid.*between 0 and 1/);
    expect(lessonStore.getState().notice).toBeNull();
    expect(lesson().sample.target[0]).toBe(0.01);
  });

  it('in Chinese', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    render(<LessonValueField target={W111} />);
    const input = screen.getByRole('textbox', { name: '权重 w₁,₁' });
    type(input, 'abc', 'Enter');
    expect(screen.getByRole('alert').textContent).toContain('“abc”不是数字。数值仍为 0.9。');
  });
});

describe('the graph panel', () => {
  const node = (container: HTMLElement, id: string) => container.querySelector(`[data-id="${id}"]`)!;

  it('opens a selected weight’s chain rule with its value to edit', () => {
    const { container } = render(<GraphPanel />);
    fireEvent.keyDown(node(container, 'e:1:0:0'), { key: 'Enter' });
    // lesson 004's name for the weight into hidden neuron 1 from input 1, in the header and the field
    const panel = screen.getByRole('complementary', { name: 'Chain rule for w₁,₁' });
    const input = within(panel).getByRole('textbox', { name: 'Weight w₁,₁' });
    type(input, '0.5', 'Enter');
    expect(lesson().weights[0][0][0]).toBe(0.5);
    expect(lesson().published).toBeUndefined(); // the source's figures no longer apply
  });

  it('edits an input node’s x and an output node’s target; a hidden node opens nothing', () => {
    const { container } = render(<GraphPanel />);
    fireEvent.click(node(container, 'n:1:0'));
    expect(screen.queryByTestId('value-panel')).toBeNull();
    fireEvent.click(node(container, 'n:0:2'));
    type(screen.getByRole('textbox', { name: 'Input X₃' }), '-1', 'Enter');
    expect(lesson().sample.input).toEqual([0.9, 0.1, -1]);
    fireEvent.keyDown(node(container, 'n:2:1'), { key: 'Enter' });
    const panel = screen.getByTestId('value-panel');
    type(within(panel).getByRole('textbox', { name: 'Target target₂' }), '0.5', 'Enter');
    expect(lesson().sample.target).toEqual([0.01, 0.5]);
    fireEvent.keyDown(within(panel).getByRole('textbox'), { key: 'Escape' });
    expect(screen.queryByTestId('value-panel')).toBeNull();
  });
});

describe('the matrix view', () => {
  it('has a field for every entry of W¹ and of x', () => {
    render(<MatrixView />);
    const grid = screen.getByRole('group', { name: 'Edit the weights and inputs' });
    expect(within(grid).getAllByRole('textbox')).toHaveLength(9 + 3);
    type(within(grid).getByRole('textbox', { name: 'Weight w₃,₂' }), '-0.25', 'Enter');
    expect(lesson().weights[0][1][2]).toBe(-0.25);
    type(within(grid).getByRole('textbox', { name: 'Input X₂' }), '0.3', 'Enter');
    expect(lesson().sample.input[1]).toBe(0.3);
  });
});
