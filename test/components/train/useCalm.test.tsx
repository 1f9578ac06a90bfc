// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALM_MS, useCalmSelector } from '../../../src/components/train/useCalm';
import { iris } from '../../../src/lessons/iris';
import { initialState, lessonStore, type LessonState } from '../../../src/store';
import type { TrainSnapshot } from '../../../src/training/protocol';

// What the network has learned follows a run at most every CALM_MS while it goes, always ending on its last
// state, and at once while it is paused.

const epochOf = (s: LessonState) => s.training.snapshot?.epoch ?? -1;
const seen: number[] = [];
function Probe() {
  seen.push(useCalmSelector(epochOf));
  return null;
}

const snapshot = (epoch: number): TrainSnapshot =>
  ({
    epoch,
    position: 0,
    nextSample: 0,
    steps: epoch,
    weights: [],
    biases: [],
    running: true,
  }) as unknown as TrainSnapshot;
const report = (epoch: number, running: boolean) =>
  act(() =>
    lessonStore.setState({
      training: { ...lessonStore.getState().training, snapshot: snapshot(epoch), running },
    }),
  );
const last = () => seen[seen.length - 1];

beforeEach(() => {
  vi.useFakeTimers();
  lessonStore.setState({ ...initialState(iris), view: 'train' });
  seen.length = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useCalmSelector', () => {
  it('follows the store at once while no run goes', () => {
    render(<Probe />);
    expect(last()).toBe(-1);
    report(1, false);
    expect(last()).toBe(1);
    report(2, false);
    expect(last()).toBe(2);
  });

  it('while a run goes, shows a new value at most every CALM_MS, and the last one in the end', () => {
    render(<Probe />);
    report(1, true); // within CALM_MS of the first value shown: it waits for the rest of it
    act(() => vi.advanceTimersByTime(CALM_MS));
    expect(last()).toBe(1);
    const renders = seen.length;
    // 16 ms frames for 5 × CALM_MS: about one value shown per CALM_MS, not one per frame
    let epoch = 1;
    for (let t = 0; t < 5 * CALM_MS; t += 16) {
      act(() => vi.advanceTimersByTime(16));
      report(++epoch, true);
    }
    const shown = seen.length - renders;
    expect(shown).toBeGreaterThanOrEqual(4);
    expect(shown).toBeLessThanOrEqual(6);
    expect(last()).toBeLessThan(epoch);
    // no more messages: the trailing update brings the last value
    act(() => vi.advanceTimersByTime(CALM_MS));
    expect(last()).toBe(epoch);
    // the run stops: shown at once
    report(epoch + 1, false);
    expect(last()).toBe(epoch + 1);
  });
});
