import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine';
import { createLessonStore, HISTORY_LIMIT } from '../../src/store/store';
import type { Snapshot } from '../../src/store/state';
import { iterationOf } from '../../src/store/iteration';
import { capHistory, HISTORY_MIN_ENTRIES, HISTORY_PARAMETERS, parametersOf } from '../../src/store/history';
import { lesson004 } from '../support/lesson004';
import { sigmoidNet } from '../support/lessons';

/** A stand-in lesson with `n` parameters (capHistory reads only weights and biases). */
const sized = (n: number) => ({ weights: [[Array<number>(n).fill(0)]], biases: [[]] }) as unknown as Lesson;
/** An entry told apart by its `priorUpdates` (`k`). */
const snap = (lesson: Lesson, origin: Lesson, k: number): Snapshot => ({
  lesson,
  origin,
  priorUpdates: k,
  lossHistory: [],
});

describe('undo history bound (capHistory)', () => {
  it('counts weights and biases', () => {
    // 3-4-2 with biases: 3·4 + 4 + 4·2 + 2 = 26, counted by hand
    expect(parametersOf(sigmoidNet([3, 4, 2], 7))).toBe(26);
  });

  it('keeps every entry of small lessons up to the count limit, and returns the same array when nothing is cut', () => {
    const origin = sized(30);
    const entries = Array.from({ length: HISTORY_LIMIT }, (_, i) => snap(sized(30), origin, i));
    expect(capHistory(entries)).toBe(entries);
    const more = [...entries, snap(sized(30), origin, HISTORY_LIMIT)];
    const cut = capHistory(more);
    expect(cut).toHaveLength(HISTORY_LIMIT);
    expect(cut[0].priorUpdates).toBe(1); // the oldest one went
    expect(cut[cut.length - 1].priorUpdates).toBe(HISTORY_LIMIT);
  });

  it('drops the oldest entries first once their lessons pass the parameter budget', () => {
    const origin = sized(1);
    const each = 50_000;
    const entries = Array.from({ length: 30 }, (_, i) => snap(sized(each), origin, i));
    const cut = capHistory(entries);
    // the newest k entries with k·50,000 + 1 ≤ 400,000: k = 7 (8 would be 400,001)
    expect(HISTORY_PARAMETERS).toBe(400_000);
    expect(cut.map((e) => e.priorUpdates)).toEqual([23, 24, 25, 26, 27, 28, 29]);
  });

  it('counts a lesson shared by several entries once', () => {
    const shared = sized(100_000);
    const entries = Array.from({ length: 20 }, (_, i) => snap(shared, shared, i));
    expect(capHistory(entries)).toBe(entries);
  });

  it('always keeps a few entries, however large', () => {
    const origin = sized(10);
    const entries = Array.from({ length: 12 }, (_, i) => snap(sized(HISTORY_PARAMETERS), origin, i));
    const cut = capHistory(entries);
    expect(cut).toHaveLength(HISTORY_MIN_ENTRIES);
    expect(cut[cut.length - 1]).toBe(entries[entries.length - 1]);
    expect(cut[0]).toBe(entries[entries.length - HISTORY_MIN_ENTRIES]);
  });
});

describe('undo history in the store', () => {
  it('a small lesson keeps the full history: 120 iterations undo back 100, exactly', () => {
    const store = createLessonStore({ lesson: lesson004() });
    const s = store.getState;
    const lessons = [s().lesson];
    for (let i = 0; i < 120; i++) {
      expect(s().nextIteration()).toBe(true);
      lessons.push(s().lesson);
    }
    expect(s().past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) s().undo();
    expect(s().lesson).toBe(lessons[120 - HISTORY_LIMIT]);
    expect(iterationOf(s())).toBe(121 - HISTORY_LIMIT);
    s().undo(); // the oldest were dropped: nothing further back
    expect(s().lesson).toBe(lessons[120 - HISTORY_LIMIT]);
    for (let i = 0; i < HISTORY_LIMIT; i++) s().redo();
    expect(s().lesson).toBe(lessons[120]);
    expect(iterationOf(s())).toBe(121);
  });

  it('a large lesson keeps only the newest iterations that fit the budget; undo and redo walk them exactly', () => {
    // 6 layers of 64: 5 · (64·64 + 64) = 20,800 parameters per lesson
    const start = sigmoidNet([64, 64, 64, 64, 64, 64], 7);
    expect(parametersOf(start)).toBe(20_800);
    const store = createLessonStore({ lesson: start, granularity: 'layer' });
    const s = store.getState;
    const lessons = [s().lesson];
    const iterations = 25;
    for (let i = 0; i < iterations; i++) {
      expect(s().nextIteration()).toBe(true);
      lessons.push(s().lesson);
    }
    // Entries hold the lessons of iterations 1 … 25 (newest last) and all share the origin (iteration 1's
    // lesson). From the newest back, k entries hold k lessons, plus the origin unless the oldest kept is
    // iteration 1: 20,800 · (k + 1) ≤ 400,000 gives k = 18.
    const kept = 18;
    expect(s().past).toHaveLength(kept);
    expect(s().past.map(iterationOf)).toEqual(
      Array.from({ length: kept }, (_, i) => iterations + 1 - kept + i),
    );
    for (let i = 0; i < kept; i++) {
      s().undo();
      expect(s().lesson).toBe(lessons[iterations - 1 - i]);
      expect(iterationOf(s())).toBe(iterations - i);
    }
    s().undo(); // nothing older is kept
    expect(s().lesson).toBe(lessons[iterations - kept]);
    expect(s().past).toHaveLength(0);
    for (let i = 0; i < kept; i++) s().redo();
    expect(s().lesson).toBe(lessons[iterations]);
    expect(s().lesson.weights).toEqual(lessons[iterations].weights);
    expect(iterationOf(s())).toBe(iterations + 1);
    expect(s().future).toHaveLength(0);
  }, 120_000); // each undo rebuilds a lesson's trace and timeline: slow on a busy machine
});
