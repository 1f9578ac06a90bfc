import { describe, expect, it, vi } from 'vitest';
import {
  createLessonStore,
  selectFormula,
  selectShownValues,
  selectTimeline,
  selectTrace,
} from '../src/store';
import { firstScreenReads, warmFirstScreen } from '../src/warmStart';

describe('warmFirstScreen', () => {
  it('computes what the first screen reads, one piece per task, each remembered for the render', async () => {
    const s = createLessonStore().getState();
    const reads = firstScreenReads(s);
    const done: unknown[] = [];
    let tasks = 0;
    // each task the warm-up waits for: what was computed in the task before it is recorded
    const next = vi.fn(async () => {
      tasks++;
      done.push(tasks);
    });
    await warmFirstScreen(s, next);
    expect(next).toHaveBeenCalledTimes(reads.length);
    expect(reads.length).toBe(5);
    // the render then reads the very objects computed (the selectors remember them)
    const timeline = selectTimeline(s);
    expect(timeline).not.toBeNull();
    expect(selectTimeline(s)).toBe(timeline);
    expect(selectTrace(s)).toBe(selectTrace(s));
    expect(selectShownValues(s)).toBe(selectShownValues(s));
    expect(selectFormula(s)).toBe(selectFormula(s));
    expect(selectFormula(s, 1)).toBe(selectFormula(s, 1));
    expect(selectFormula(s, 1)).not.toBe(selectFormula(s, 0));
  });

  it('runs each read in a task after the one before, and goes on past one that throws', async () => {
    const s = createLessonStore().getState();
    const order: string[] = [];
    const next = async () => {
      order.push('task');
    };
    const broken = { ...s, lesson: null as never };
    // a state the selectors cannot read: every read throws, the warm-up still ends, one task per read
    await expect(warmFirstScreen(broken, next)).resolves.toBeUndefined();
    expect(order).toEqual(['task', 'task', 'task', 'task', 'task']);
  });
});
