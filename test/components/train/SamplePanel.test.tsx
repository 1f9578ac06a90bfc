// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SamplePanel } from '../../../src/components/train/SamplePanel';
import { irisSplit } from '../../../src/data';
import { iris } from '../../../src/lessons/iris';
import { initialState, lessonStore } from '../../../src/store';
import type { TrainSnapshot } from '../../../src/training/protocol';

beforeEach(() => lessonStore.setState({ ...initialState(iris), view: 'train' }));
afterEach(cleanup);

const split = irisSplit(1);
/** A run standing before training sample `next` (only what the panel reads of it). */
const at = (next: number) => ({ nextSample: next }) as TrainSnapshot;

function panel(next: number) {
  return (
    <SamplePanel
      split={split}
      snapshot={at(next)}
      predict={null}
      classOf={() => 0}
      classNames={['setosa', 'versicolor', 'virginica']}
    />
  );
}

describe('SamplePanel', () => {
  it('shows the next sample’s number as the run moves on, without rewriting the box’s attributes', () => {
    const { rerender } = render(panel(0));
    const box = screen.getByRole('spinbutton', { name: /sample/i }) as HTMLInputElement;
    expect(box.value).toBe('1');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((r) => changes.push(...r));
    observer.observe(box, { attributes: true });
    for (let next = 1; next <= 40; next++) {
      rerender(panel(next));
      expect(box.value).toBe(String(next + 1));
    }
    expect(screen.getByTestId('train-sample').textContent).toContain('41');
    observer.takeRecords().forEach((r) => changes.push(r));
    expect(changes.map((r) => r.attributeName)).toEqual([]);
    observer.disconnect();
  });

  it('picks the sample typed, and puts back the shown number for one out of range', () => {
    render(panel(4));
    const box = screen.getByRole('spinbutton', { name: /sample/i }) as HTMLInputElement;
    fireEvent.change(box, { target: { value: '12' } });
    expect(lessonStore.getState().training.picked).toEqual({ set: 'train', index: 11 });
    expect(box.value).toBe('12');
    fireEvent.change(box, { target: { value: String(split.train.length + 1) } });
    expect(lessonStore.getState().training.picked).toEqual({ set: 'train', index: 11 });
    expect(box.value).toBe('12');
    // back to the next sample: the box follows
    act(() => lessonStore.getState().pickSample(null));
    expect(box.value).toBe('5');
  });

  it('names the classes only when the data set names them; otherwise it writes the vectors out', () => {
    const twoOutputs = {
      train: [{ input: [0.6, 0.5], target: [0.01, 0.99] }],
      validation: [],
    };
    const predict = () => new Float64Array([0.25, 0.75]);
    const { rerender } = render(
      <SamplePanel
        split={twoOutputs}
        snapshot={at(0)}
        predict={predict}
        classOf={() => 1}
        classNames={null}
      />,
    );
    const line = () => screen.getByTestId('train-sample').textContent;
    expect(line()).toContain('input (0.6, 0.5), target (0.01, 0.99), the network says (0.25, 0.75)');
    rerender(
      <SamplePanel
        split={twoOutputs}
        snapshot={at(0)}
        predict={predict}
        classOf={() => 1}
        classNames={['left', 'right']}
      />,
    );
    expect(line()).toContain('target right, the network says right');
  });
});
