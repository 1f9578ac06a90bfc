import { describe, expect, it } from 'vitest';
import { lesson004 } from '../../src/lessons';
import { parsePractice, serialisePractice, DEFAULT_PRACTICE } from '../../src/practice/progress';
import {
  decodeExercise,
  encodeExercise,
  hiddenSteps,
  PRACTICE_KINDS,
  type PracticeSettings,
} from '../../src/practice/session';
import { timelineOf } from '../../src/store/derived';

const tl = timelineOf(lesson004, 'neuron')!;
const all: PracticeSettings = { kinds: [...PRACTICE_KINDS], fading: 'none' };
/** Indices of lesson 004's forward steps at neuron detail: z and a of 3 hidden and 2 output neurons. */
const forward = tl.steps.filter((s) => s.phase === 'forward').map((s) => s.index);

describe('which steps practice hides', () => {
  it('hides every step of the chosen kinds, and none of the others', () => {
    expect(forward).toHaveLength(10);
    expect(hiddenSteps(tl, all, 1).every(Boolean)).toBe(true);
    const lossOnly = hiddenSteps(tl, { kinds: ['loss'], fading: 'none' }, 1);
    expect(tl.steps.filter((s) => lossOnly[s.index]).map((s) => s.phase)).toEqual(['loss', 'loss', 'loss']);
  });

  it('fades: a phase’s first steps come solved, more hidden each iteration, from either end', () => {
    const hiddenForward = (fading: PracticeSettings['fading'], iteration: number) => {
      const h = hiddenSteps(tl, { kinds: ['forward'], fading }, iteration);
      return forward.filter((i) => h[i]);
    };
    // a third of 10 is 4 steps (rounded up), two thirds 7, then all of them
    expect(hiddenForward('lastFirst', 1)).toEqual(forward.slice(6));
    expect(hiddenForward('lastFirst', 2)).toEqual(forward.slice(3));
    expect(hiddenForward('lastFirst', 3)).toEqual(forward);
    expect(hiddenForward('lastFirst', 9)).toEqual(forward);
    expect(hiddenForward('firstFirst', 1)).toEqual(forward.slice(0, 4));
    expect(hiddenForward('firstFirst', 2)).toEqual(forward.slice(0, 7));
  });
});

describe('the exercise field of a link', () => {
  it('round-trips every setting', () => {
    const cases: PracticeSettings[] = [
      all,
      { kinds: ['backward', 'gradient'], fading: 'lastFirst' },
      { kinds: ['update'], fading: 'firstFirst' },
    ];
    for (const c of cases) expect(decodeExercise(encodeExercise(c))).toEqual(c);
    expect(encodeExercise({ kinds: ['backward', 'gradient'], fading: 'lastFirst' })).toBe('dg-last');
  });

  it('refuses what it does not understand', () => {
    for (const bad of ['', 'x', 'ff', 'fldguf', 'f-middle', 'F', 'f-', 'f;g'])
      expect(decodeExercise(bad)).toBeNull();
  });
});

describe('practice progress in the browser', () => {
  it('round-trips, without the announcements', () => {
    const p = {
      ...DEFAULT_PRACTICE,
      on: true,
      settings: { kinds: ['loss', 'update'], fading: 'firstFirst' } as PracticeSettings,
      classMode: true,
      exercise: true,
      key: 'abc/neuron',
      records: {
        'forward/z/1/0': { wrong: 1, outcome: 'hinted' as const, hint: { kind: 'generic' as const } },
        'loss/total': { wrong: 0, outcome: 'shown' as const },
      },
      feedback: [{ key: 'practice.right' as const }],
    };
    const back = parsePractice(serialisePractice(p));
    expect({ ...back, records: { ...back.records } }).toEqual({ ...p, feedback: [] });
  });

  it('drops what cannot be read, field by field, and never throws', () => {
    for (const text of [null, '', 'not json', '[]', 'null', '{"version":2,"on":true}'])
      expect(parsePractice(text)).toEqual(DEFAULT_PRACTICE);
    const odd = parsePractice(
      JSON.stringify({
        version: 1,
        on: 'yes',
        settings: { kinds: ['loss', 'nonsense'], fading: 'sideways' },
        classMode: 1,
        key: 42,
        records: {
          good: { wrong: 2, outcome: 'first', hint: { kind: 'noEta' } },
          bad: 'x',
          odd: { wrong: -3, outcome: 'won', hint: { kind: 'magic' } },
          __proto__: { wrong: 0, outcome: 'shown' },
        },
      }),
    );
    expect(odd.on).toBe(false);
    expect(odd.settings).toEqual({ kinds: ['loss'], fading: 'none' });
    expect(odd.classMode).toBe(false);
    expect(odd.key).toBeNull();
    expect(odd.records.good).toEqual({ wrong: 2, outcome: 'first', hint: { kind: 'noEta' } });
    expect(odd.records.odd).toEqual({ wrong: 0 });
    expect('bad' in odd.records).toBe(false);
    expect(Object.getPrototypeOf(odd.records)).toBeNull();
    // no kinds at all: every kind, not none
    expect(parsePractice(JSON.stringify({ version: 1, settings: { kinds: [] } })).settings.kinds).toEqual([
      ...PRACTICE_KINDS,
    ]);
  });
});
