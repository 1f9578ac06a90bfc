import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lesson001, PRESETS } from '../../src/lessons';
import { createLessonStore, selectIteration, type LessonStore } from '../../src/store';
import { gateLesson } from '../../src/store/gate';
import {
  chooseStart,
  encodeLink,
  parseLessonFile,
  sameLesson,
  serialiseLesson,
  serialiseSaved,
} from '../../src/store/persist';

/** One thing a student does. Indices are taken modulo the lesson's sizes when the action runs. */
type Action =
  | { kind: 'weight'; at: number; value: number }
  | { kind: 'input'; at: number; value: number }
  | { kind: 'rate'; value: number }
  | { kind: 'iterate'; times: number }
  | { kind: 'undo' | 'redo' | 'reset' | 'noticeAction' | 'last' | 'next' }
  | { kind: 'preset'; index: number }
  | { kind: 'granularity'; g: 'neuron' | 'layer' | 'weight' };

/** Numbers a student might type: ordinary ones, huge ones near and past the format's ±10⁶, and tiny ones. */
const value = fc.oneof(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(1000, -1000, 999_999, 1e6, -1e6, 1e7, 5e5),
  fc.double({ min: -1e-9, max: 1e-9, noNaN: true }),
);

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('weight' as const), at: fc.nat(), value }),
  fc.record({ kind: fc.constant('input' as const), at: fc.nat(), value }),
  fc.record({ kind: fc.constant('rate' as const), value: fc.constantFrom(0.1, 0.5, 5, 50, 1000, 1e6) }),
  fc.record({ kind: fc.constant('iterate' as const), times: fc.integer({ min: 1, max: 25 }) }),
  fc.record({
    kind: fc.constantFrom('undo' as const, 'redo' as const, 'reset' as const, 'noticeAction' as const),
  }),
  fc.record({ kind: fc.constantFrom('last' as const, 'next' as const) }),
  // the small built-in lessons (Iris's 4-5-3 would only slow the run)
  fc.record({ kind: fc.constant('preset' as const), index: fc.constantFrom(0, 1, 2, 3, 5) }),
  fc.record({
    kind: fc.constant('granularity' as const),
    g: fc.constantFrom('neuron' as const, 'layer' as const, 'weight' as const),
  }),
);

function run(s: () => LessonStore, a: Action): void {
  const { lesson } = s();
  switch (a.kind) {
    case 'weight': {
      const l = a.at % lesson.weights.length;
      const j = Math.floor(a.at / 7) % lesson.weights[l].length;
      const k = Math.floor(a.at / 49) % lesson.weights[l][j].length;
      s().edit({ kind: 'weight', layer: l + 1, neuron: j, from: k, value: a.value });
      return;
    }
    case 'input':
      s().edit({ kind: 'input', index: a.at % lesson.sample.input.length, value: a.value });
      return;
    case 'rate':
      s().edit({ kind: 'learningRate', value: a.value });
      return;
    case 'iterate':
      for (let i = 0; i < a.times; i++) s().nextIteration();
      return;
    case 'undo':
      return s().undo();
    case 'redo':
      return s().redo();
    case 'reset':
      return s().resetLesson();
    case 'noticeAction':
      return s().runNoticeAction();
    case 'last':
      return s().last();
    case 'next':
      return s().next();
    case 'preset':
      s().loadLesson(PRESETS[a.index].lesson, { cursor: 0 });
      return;
    case 'granularity':
      return s().setGranularity(a.g);
  }
}

/** Whatever the store shows can be saved, linked and reopened: lesson, step and iteration read back exactly. */
function expectReopens(st: LessonStore): void {
  const gated = gateLesson(st.lesson);
  expect(gated.ok).toBe(true);

  const file = parseLessonFile(serialiseLesson(st.lesson));
  expect(file.ok).toBe(true);
  if (file.ok) {
    const reopened = gateLesson(file.lesson);
    expect(reopened.ok && sameLesson(reopened.lesson, st.lesson)).toBe(true);
  }

  const savedText = serialiseSaved({
    lesson: st.lesson,
    origin: st.origin,
    granularity: st.granularity,
    cursor: st.cursor,
    locale: st.locale,
    theme: st.theme,
    digits: st.digits,
    iteration: selectIteration(st),
    lossHistory: st.lossHistory,
  });
  const fromSave = chooseStart({ hash: '', savedText, languages: ['en'] });
  expect(fromSave.notice).toBeNull();
  expect(sameLesson(fromSave.lesson, st.lesson)).toBe(true);
  expect(sameLesson(fromSave.origin, st.origin)).toBe(true);
  expect([fromSave.granularity, fromSave.cursor, selectIteration(fromSave)]).toEqual([
    st.granularity,
    st.cursor,
    selectIteration(st),
  ]);
  expect(fromSave.lossHistory).toEqual(st.lossHistory);

  const hash = encodeLink({
    lesson: st.lesson,
    granularity: st.granularity,
    cursor: st.cursor,
    iteration: selectIteration(st),
  });
  const fromLink = chooseStart({ hash, savedText: null, languages: ['en'] });
  expect(fromLink.notice).toBeNull();
  expect(sameLesson(fromLink.lesson, st.lesson)).toBe(true);
  expect([fromLink.granularity, fromLink.cursor, selectIteration(fromLink)]).toEqual([
    st.granularity,
    st.cursor,
    selectIteration(st),
  ]);
}

describe('whatever the app shows, it can save, link and reopen', () => {
  it('random action sequences (huge values, huge η, many iterations, undo, redo, reset, presets)', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const store = createLessonStore({ lesson: lesson001 });
        const s = store.getState;
        for (const a of actions) {
          run(s, a);
          expectReopens(s());
        }
      }),
      { numRuns: 60 },
    );
  });
});
