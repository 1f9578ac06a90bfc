// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkPanelBody } from '../../../src/components/editor/NetworkPanel';
import { createRng, initialise, isValidPair, LOSS_NAMES } from '../../../src/engine';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

const lesson = () => lessonStore.getState().lesson;
const sizes = () => lesson().layers.map((l) => l.size);
/** Every weight matrix is (size of layer l) × (size of layer l − 1), every bias vector as long as its layer. */
const shapeOf = () => ({
  weights: lesson().weights.map((m) => [m.length, m[0].length]),
  biases: lesson().biases.map((b) => b.length),
});
const expectedShape = (s: number[]) => ({
  weights: s.slice(1).map((n, l) => [n, s[l]]),
  biases: s.slice(1),
});

beforeEach(() => {
  lessonStore.setState(initialState(lesson004));
});
afterEach(cleanup);

function open() {
  const onClose = vi.fn();
  render(<NetworkPanelBody onClose={onClose} />);
  return { panel: screen.getByTestId('network-panel'), onClose };
}
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const options = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].map((o) => ({ value: o.value, disabled: o.disabled }));

describe('the Network panel', () => {
  it('adds and removes hidden layers, and the lesson takes the new shape (undoably)', () => {
    open();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3);
    fireEvent.click(button('Add a hidden layer'));
    expect(sizes()).toEqual([3, 3, 3, 2]);
    expect(shapeOf()).toEqual(expectedShape([3, 3, 3, 2]));
    expect(screen.getByRole('rowheader', { name: 'Hidden layer 2' })).toBeTruthy();

    fireEvent.click(button('Hidden layer 1: remove'));
    expect(sizes()).toEqual([3, 3, 2]);
    fireEvent.click(button('Output layer: one neuron more'));
    fireEvent.click(button('Input layer: one neuron fewer'));
    expect(sizes()).toEqual([2, 3, 3]);
    expect(shapeOf()).toEqual(expectedShape([2, 3, 3]));
    expect(lesson().sample.input).toEqual([0.9, 0.1]);
    expect(lesson().sample.target).toEqual([0.01, 0.99, 0]);

    act(() => lessonStore.getState().undo());
    act(() => lessonStore.getState().undo());
    act(() => lessonStore.getState().undo());
    act(() => lessonStore.getState().undo());
    expect(lesson()).toBe(lesson004);
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3);
  });

  it('types a layer size: Enter applies, a size out of range is explained and refused', () => {
    open();
    const field = screen.getByRole('textbox', { name: 'Hidden layer 1: number of neurons' });
    fireEvent.change(field, { target: { value: '5' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(sizes()).toEqual([3, 5, 2]);
    const again = screen.getByRole('textbox', { name: 'Hidden layer 1: number of neurons' });
    fireEvent.change(again, { target: { value: '65' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(again.getAttribute('aria-describedby')!)!.textContent).toContain(
      'A layer has 1 to 64 neurons.',
    );
    expect(sizes()).toEqual([3, 5, 2]);
  });

  it('offers softmax on the output layer only, and only valid activation–loss pairs', () => {
    open();
    const hidden = screen.getByRole('combobox', { name: 'Hidden layer 1: activation' });
    const output = screen.getByRole('combobox', { name: 'Output layer: activation' });
    expect(options(hidden).map((o) => o.value)).not.toContain('softmax');
    expect(options(output).map((o) => o.value)).toContain('softmax');

    fireEvent.change(output, { target: { value: 'identity' } });
    expect(lesson().layers[2].activation).toBe('identity');
    const loss = screen.getByRole('combobox', { name: 'Loss' });
    for (const o of options(loss))
      expect(o.disabled).toBe(!isValidPair('identity', o.value as (typeof LOSS_NAMES)[number]));
    expect(
      options(loss)
        .filter((o) => o.disabled)
        .map((o) => o.value),
    ).toEqual(['bce', 'cce']);

    fireEvent.change(loss, { target: { value: 'cce' } }); // not offered; if forced, the store refuses
    expect(lesson().loss).toBe('sse');
    expect((loss as HTMLSelectElement).value).toBe('sse');
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toContain('The cce loss is not defined for a identity output layer.');
  });

  it('switches biases and sets the learning rate', () => {
    open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Biases' }));
    expect(lesson().useBias).toBe(true);
    const eta = screen.getByRole('textbox', { name: 'Learning rate η' });
    fireEvent.change(eta, { target: { value: '0.1' } });
    fireEvent.keyDown(eta, { key: 'Enter' });
    expect(lesson().learningRate).toBe(0.1);
  });

  it('re-initialises with the chosen initialiser and seed, as the engine draws them', () => {
    open();
    fireEvent.change(screen.getByRole('combobox', { name: 'Initialiser' }), { target: { value: 'uniform' } });
    const range = screen.getByRole('textbox', { name: 'Range r' });
    fireEvent.change(range, { target: { value: '0' } });
    fireEvent.click(button('Re-initialise'));
    expect(range.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toContain('r must be greater than 0.');
    expect(lesson()).toBe(lesson004);

    fireEvent.change(range, { target: { value: '0.1' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Seed' }), { target: { value: '7' } });
    fireEvent.click(button('Re-initialise'));
    const expected = initialise([3, 3, 2], { kind: 'uniform', range: 0.1 }, createRng(7), false);
    expect(lesson().weights).toEqual(expected.weights);
    expect(lesson().seed).toBe(7);
    expect(screen.getByRole('textbox', { name: 'Seed' })).toHaveProperty('value', '7');
  });

  it('closes on Escape (a field’s first Escape only cancels its typing)', () => {
    const { panel, onClose } = open();
    const eta = within(panel).getByRole('textbox', { name: 'Learning rate η' });
    fireEvent.change(eta, { target: { value: '3' } });
    fireEvent.keyDown(eta, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(eta, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('labels everything in Chinese', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    open();
    expect(screen.getByRole('heading', { name: '网络' })).toBeTruthy();
    expect(button('添加隐藏层')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '输出层：激活函数' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '损失函数' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '学习率 η' })).toBeTruthy();
  });
});
