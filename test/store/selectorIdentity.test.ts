/**
 * Every selector of the store returns the same object for the same state: React 19's useSyncExternalStore calls a
 * selector again and again and loops forever ("Maximum update depth exceeded") when it gets a new object each
 * time. The selectors are found by their names (every `select…` the store exports), so a new one is covered too.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/lessons';
import * as store from '../../src/store';
import { createLessonStore, initialState, selectTimeline, type LessonState } from '../../src/store';
import { overflowLesson } from '../support/lessons';

type Selector = (s: LessonState) => unknown;
const SELECTORS: [string, Selector][] = Object.entries(store)
  .filter(([name, value]) => /^select[A-Z]/.test(name) && typeof value === 'function')
  .map(([name, value]) => [name, value as Selector]);

/** A state reached by actions on a store opened on `lesson` (the default lesson when absent). */
function after(
  act: (s: ReturnType<ReturnType<typeof createLessonStore>['getState']>) => void,
  lesson?: LessonState['lesson'],
) {
  const s = createLessonStore(lesson ? { lesson, origin: lesson } : {});
  act(s.getState());
  return s.getState();
}
const middle = (s: LessonState) => Math.floor((selectTimeline(s)?.steps.length ?? 0) / 2);

/** The states the selectors are asked about: each with a name to report. */
const STATES: [string, () => LessonState][] = [
  ['the default lesson', () => initialState()],
  ['no timeline (a lesson whose step is not finite)', () => initialState(overflowLesson)],
  ...PRESETS.flatMap((p) =>
    (['neuron', 'layer', 'weight'] as const).map((g): [string, () => LessonState] => [
      `${p.id} by ${g}, half-way`,
      () =>
        after((s) => {
          s.loadLesson(p.lesson, { granularity: g });
          s.goTo(middle(s));
        }),
    ]),
  ),
  [
    'after an edit (a weight changed), at the last step',
    () =>
      after((s) => {
        s.edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.25 });
        s.last();
      }),
  ],
  [
    'in the second iteration',
    () =>
      after((s) => {
        s.last();
        s.nextIteration();
        s.goTo(3);
      }),
  ],
  [
    'practice on, at a covered step',
    () =>
      after((s) => {
        s.setPracticeOn(true);
        s.goTo(middle(s));
      }),
  ],
  [
    'practice on, one answer shown',
    () =>
      after((s) => {
        s.setPracticeOn(true);
        s.goTo(middle(s));
        s.showAnswer();
      }),
  ],
];

describe('selector identity', () => {
  it('finds the selectors of selectors.ts and practiceSelectors.ts', () => {
    const names = SELECTORS.map(([n]) => n);
    for (const n of [
      'selectShownValues',
      'selectLossSeries',
      'selectProgress',
      'selectPracticeScore',
      'selectCoveredIds',
    ])
      expect(names).toContain(n);
    expect(names.length).toBeGreaterThanOrEqual(16);
  });

  it('the "no timeline" state really has none, and practice is really on in its states', () => {
    expect(selectTimeline(initialState(overflowLesson))).toBeNull();
    const practising = STATES.filter(([n]) => n.startsWith('practice')).map(([, make]) => make());
    for (const s of practising) expect(store.selectCoveredIds(s)?.size ?? 0).toBeGreaterThan(0);
  });

  it.each(STATES)('every selector gives the same object twice for the same state: %s', (_name, make) => {
    const s = make();
    const other = initialState(PRESETS[0].lesson);
    for (const [name, sel] of SELECTORS) {
      const first = sel(s);
      expect({ name, same: sel(s) === first }).toEqual({ name, same: true });
      // asked about another state in between (a second store, another component), still the same
      sel(other);
      expect({ name, same: sel(s) === first }).toEqual({ name, same: true });
      // and for a new state object that changes nothing it reads (a theme change)
      expect({ name, same: sel({ ...s, theme: s.theme === 'dark' ? 'light' : 'dark' }) === first }).toEqual({
        name,
        same: true,
      });
    }
  });
});
