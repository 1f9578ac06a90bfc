// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainGraph } from '../../../src/components/train/TrainGraph';
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
    // width = 0.6 + 3 × |w| / 2 px (0.6 … 3.6 px for a node radius of 9, the largest |w| being 2); a negative
    // weight dashed (2·width + 3, width + 2)
    const attrs = () =>
      edges.map((e) => [
        e.getAttribute('class'),
        e.getAttribute('stroke-width'),
        e.getAttribute('stroke-dasharray'),
      ]);
    expect(attrs()).toEqual([
      ['train-edge train-edge--pos', '3.60', null],
      ['train-edge train-edge--neg', '2.10', '7.2 4.1'],
      ['train-edge train-edge--pos', '1.35', null],
      ['train-edge train-edge--neg', '3.60', '10.2 5.6'],
    ]);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('Network after epoch 1');

    const observer = new MutationObserver(() => {});
    observer.observe(container, { subtree: true, attributes: true });
    const changed = () =>
      observer.takeRecords().map((r) => `${edges.indexOf(r.target as Element)}:${r.attributeName}`);
    // −1.001: 2.1015 px, the same to a hundredth: nothing written
    show(
      [
        [2, -1.001],
        [0.5, -2],
      ],
      1,
    );
    expect(changed()).toEqual([]);
    // −1.01: 2.115 px, a new width but the same dashes to a tenth (7.23 → 7.2, 4.115 → 4.1): the width alone
    show(
      [
        [2, -1.01],
        [0.5, -2],
      ],
      1,
    );
    expect(changed()).toEqual(['1:stroke-width']);
    expect(edges[1].getAttribute('stroke-dasharray')).toBe('7.2 4.1');
    // −1.5: 2.85 px, dashes 8.7 4.8
    show(
      [
        [2, -1.5],
        [0.5, -2],
      ],
      2,
    );
    expect(changed().sort()).toEqual(['-1:aria-label', '1:stroke-dasharray', '1:stroke-width']);
    expect(attrs()[1]).toEqual(['train-edge train-edge--neg', '2.85', '8.7 4.8']);
    // +1.5: the sign changes, the width does not, the dashes go
    show(
      [
        [2, 1.5],
        [0.5, -2],
      ],
      2,
    );
    expect(changed().sort()).toEqual(['1:class', '1:stroke-dasharray']);
    expect(attrs()[1]).toEqual(['train-edge train-edge--pos', '2.85', null]);
    observer.disconnect();
  });
});
