// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainCharts } from '../../../src/components/train/TrainCharts';
import { iris } from '../../../src/lessons/iris';
import { initialState, lessonStore, type LossRecord } from '../../../src/store';

// the chart's box: 480 wide (jsdom measures no width), plot from x = 56 to 466
const LEFT = 56;
const RIGHT = 480 - 14;

beforeEach(() => {
  // jsdom has no 2D canvas: the long series' lines are not drawn, their SVG last points are
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  lessonStore.setState({ ...initialState(iris), view: 'train' });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** n epochs of history, the training loss 1/epoch, accuracy epoch/n. */
function records(n: number): LossRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1 / (i + 1),
    trainAccuracy: (i + 1) / n,
    validationLoss: 2 / (i + 1),
    validationAccuracy: (i + 1) / n,
    learningRate: iris.learningRate,
  }));
}

describe('TrainCharts', () => {
  it('gives the x axis room past the last epoch while the run goes on, none once it pauses', () => {
    const { training } = lessonStore.getState();
    act(() => lessonStore.setState({ training: { ...training, history: records(10001), running: true } }));
    const { container } = render(<TrainCharts />);
    const dots = () =>
      [...container.querySelectorAll('[data-series="trainLoss"] circle.last')].map((c) =>
        Number(c.getAttribute('cx')),
      );
    // running: 10,001 epochs, round steps of 5,000: the axis runs 1 … 15,000
    expect(dots()).toHaveLength(1);
    expect(dots()[0]).toBeCloseTo(LEFT + ((RIGHT - LEFT) * 10000) / 14999, 9);
    // paused: steps of 16, the axis 1 … 10,016
    act(() => lessonStore.setState({ training: { ...lessonStore.getState().training, running: false } }));
    expect(dots()[0]).toBeCloseTo(LEFT + ((RIGHT - LEFT) * 10000) / 10015, 9);
  });
});
