import { describe, expect, it } from 'vitest';
import { lesson002, lesson004 } from '../../src/lessons';
import { createLessonStore, initialState, selectIteration, selectLossSeries } from '../../src/store';
import { parseSaved, serialiseSaved } from '../../src/store/persist/saved';

describe('the iteration is derived from the loss history', () => {
  it('is no field of the state: the loss history’s length + 1', () => {
    expect('iteration' in initialState()).toBe(false);
    const store = createLessonStore({ lesson: lesson004, origin: lesson004 });
    const s = () => store.getState();
    expect(selectIteration(s())).toBe(1);
    s().nextIteration();
    s().nextIteration();
    expect(s().lossHistory).toHaveLength(2);
    expect(selectIteration(s())).toBe(3);
    s().undo();
    expect(selectIteration(s())).toBe(2);
    s().resetLesson();
    expect(selectIteration(s())).toBe(1);
  });

  it('a lesson opened at iteration 4 (a share link) holds three losses not known, shown as gaps', () => {
    const store = createLessonStore();
    const s = () => store.getState();
    expect(s().loadLesson(lesson002, { iteration: 4 }).ok).toBe(true);
    expect(s().lossHistory).toEqual([null, null, null]);
    expect(selectIteration(s())).toBe(4);
    s().nextIteration();
    expect(selectIteration(s())).toBe(5);
    const [a, b, c, d] = s().lossHistory;
    expect([a, b, c]).toEqual([null, null, null]);
    expect(d).toBeGreaterThan(0);
    store.setState({ cursor: 0 });
    expect(selectLossSeries(s())).toEqual([undefined, undefined, undefined, d]);
  });

  it('an older autosave with its iteration beyond its losses reads as losses not known before them', () => {
    const text = serialiseSaved({
      lesson: lesson002,
      origin: lesson002,
      granularity: 'neuron',
      cursor: 0,
      locale: 'en',
      theme: 'light',
      digits: 4,
      lossHistory: [0.5],
    });
    const old = JSON.stringify({ ...JSON.parse(text), iteration: 4 });
    const r = parseSaved(old);
    expect(r.ok && r.saved.lossHistory).toEqual([null, null, 0.5]);
    expect(r.ok && r.dropped).toEqual([]);
    // written now, the autosave holds no separate iteration
    expect(JSON.parse(text)).not.toHaveProperty('iteration');
    const inconsistent = parseSaved(JSON.stringify({ ...JSON.parse(text), iteration: 1 }));
    expect(inconsistent.ok && inconsistent.dropped).toEqual(['iteration']);
  });
});
