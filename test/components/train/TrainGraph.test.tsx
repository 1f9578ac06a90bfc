// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quantiseWidth, TrainGraph } from '../../../src/components/train/TrainGraph';
import { iris } from '../../../src/lessons/iris';
import { initialState, lessonStore } from '../../../src/store';
import type { TrainSnapshot } from '../../../src/training/protocol';

beforeEach(() => lessonStore.setState({ ...initialState(iris), view: 'train' }));
afterEach(cleanup);

/** The run's weights for a 2-2 network, at an epoch. */
function show(w: number[][], epoch: number) {
  const { training } = lessonStore.getState();
  act(() =>
    lessonStore.setState({
      training: { ...training, snapshot: { weights: [w], epoch } as unknown as TrainSnapshot },
    }),
  );
}

const label = (n: number) => `Network after epoch ${n}`;

describe('TrainGraph', () => {
  it('draws each weight’s width and sign, and writes only the attributes that change', () => {
    show(
      [
        [2, -1],
        [0.5, -2],
      ],
      1,
    );
    const { container } = render(<TrainGraph sizes={[2, 2]} label={label} />);
    const edges = [...container.querySelectorAll('line.train-edge')];
    // width = 0.6 + 3 × |w| / 2 px (0.6 … 3.6 px for a node radius of 9, the largest |w| being 2), drawn to the
    // nearest quarter of a pixel; a negative weight dashed (2·width + 3, width + 2) from the drawn width
    const attrs = () =>
      edges.map((e) => [
        e.getAttribute('class'),
        e.getAttribute('stroke-width'),
        e.getAttribute('stroke-dasharray'),
      ]);
    // 3.6 → 3.5, 2.1 → 2, 1.35 → 1.25, 3.6 → 3.5
    expect(attrs()).toEqual([
      ['train-edge train-edge--pos', '3.50', null],
      ['train-edge train-edge--neg', '2.00', '7 4'],
      ['train-edge train-edge--pos', '1.25', null],
      ['train-edge train-edge--neg', '3.50', '10 5.5'],
    ]);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('Network after epoch 1');

    const observer = new MutationObserver(() => {});
    observer.observe(container, { subtree: true, attributes: true });
    const changed = () =>
      observer.takeRecords().map((r) => `${edges.indexOf(r.target as Element)}:${r.attributeName}`);
    // −1.001 (2.1015 px) and −1.01 (2.115 px): still 2 px to a quarter: nothing written
    for (const w of [-1.001, -1.01]) {
      show(
        [
          [2, w],
          [0.5, -2],
        ],
        1,
      );
      expect(changed()).toEqual([]);
    }
    // −1.05: 2.175 px, drawn 2.25: the width and the dashes (7.5, 4.25)
    show(
      [
        [2, -1.05],
        [0.5, -2],
      ],
      1,
    );
    expect(changed().sort()).toEqual(['1:stroke-dasharray', '1:stroke-width']);
    expect(attrs()[1]).toEqual(['train-edge train-edge--neg', '2.25', '7.5 4.25']);
    // −1.5: 2.85 px, drawn 2.75, dashes 8.5 4.75
    show(
      [
        [2, -1.5],
        [0.5, -2],
      ],
      2,
    );
    expect(changed().sort()).toEqual(['-1:aria-label', '1:stroke-dasharray', '1:stroke-width']);
    expect(attrs()[1]).toEqual(['train-edge train-edge--neg', '2.75', '8.5 4.75']);
    // +1.5: the sign changes, the width does not, the dashes go
    show(
      [
        [2, 1.5],
        [0.5, -2],
      ],
      2,
    );
    expect(changed().sort()).toEqual(['1:class', '1:stroke-dasharray']);
    expect(attrs()[1]).toEqual(['train-edge train-edge--pos', '2.75', null]);
    observer.disconnect();
  });

  it('draws widths to the nearest quarter of a pixel, never under a quarter', () => {
    expect(quantiseWidth(2.1)).toBe(2);
    expect(quantiseWidth(2.12)).toBe(2);
    expect(quantiseWidth(2.2)).toBe(2.25);
    expect(quantiseWidth(0.6)).toBe(0.5);
    expect(quantiseWidth(0.05)).toBe(0.25);
    expect(quantiseWidth(3.6)).toBe(3.5);
  });
});
