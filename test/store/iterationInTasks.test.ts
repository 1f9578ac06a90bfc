import { describe, expect, it } from 'vitest';
import { lesson001 } from '../../src/lessons';
import {
  createLessonStore,
  selectIteration,
  selectShownValues,
  selectTimeline,
  type LessonState,
} from '../../src/store';
import { warmFirstScreen } from '../../src/warmStart';

describe('Next iteration in tasks', () => {
  it('computes what the new iteration shows first, then takes the same state as Next iteration', async () => {
    const a = createLessonStore({ lesson: lesson001, cursor: 5 });
    const b = createLessonStore({ lesson: lesson001, cursor: 5 });
    let warmed: LessonState | null = null;
    const taken = b.getState().nextIterationAfter(async (next) => {
      warmed = next;
      // nothing is taken while the new state is being computed
      expect(b.getState().lesson).toBe(lesson001);
      await warmFirstScreen(next);
    });
    expect(a.getState().nextIteration()).toBe(true);
    expect(await taken).toBe(true);
    const [x, y] = [a.getState(), b.getState()];
    expect(y.lesson).toBe(warmed!.lesson); // the lesson whose values were computed ahead
    expect(y.lesson.weights).toEqual(x.lesson.weights);
    expect(y.lossHistory).toEqual(x.lossHistory);
    expect(y.cursor).toBe(0);
    expect(selectIteration(y)).toBe(2);
    expect(selectTimeline(y)).toBe(selectTimeline(warmed!)); // remembered, not computed again
    expect(selectShownValues(y)).toBe(selectShownValues(warmed!));
    // undoable as one step
    y.undo();
    expect(b.getState().lesson).toBe(lesson001);
  });

  it('is dropped when the lesson changed meanwhile', async () => {
    const s = createLessonStore({ lesson: lesson001 });
    const taken = s.getState().nextIterationAfter(async () => {
      s.getState().edit({ kind: 'learningRate', value: 0.1 });
    });
    expect(await taken).toBe(false);
    expect(selectIteration(s.getState())).toBe(1);
    expect(s.getState().lesson.learningRate).toBe(0.1);
  });
});
