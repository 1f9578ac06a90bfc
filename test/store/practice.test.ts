import { describe, expect, it } from 'vitest';
import { lesson004 } from '../../src/lessons';
import {
  createLessonStore,
  selectCovered,
  selectLossSeries,
  selectPracticeScore,
  selectShownValues,
  selectStepRecord,
  selectTimeline,
} from '../../src/store';
import { decodeLink, encodeLink } from '../../src/store/persist/link';
import { vId } from '../support/ids';

// lesson 004's first hidden neuron by hand: z = Σ_k w_1k x_k, a = σ(z)
const w = lesson004.weights[0][0];
const z11 = w.reduce((s, wk, k) => s + wk * lesson004.sample.input[k], 0);
const a11 = 1 / (1 + Math.exp(-z11));

const fresh = () => createLessonStore({ lesson: lesson004, granularity: 'neuron' });

describe('practice in the store', () => {
  it('covers the result, judges answers, hints, moves on right, and counts the score', () => {
    const store = fresh();
    const s = store.getState;
    expect(selectCovered(s())).toBe(false);
    s().setPracticeOn(true);
    expect(selectCovered(s())).toBe(true);
    // the covered result is in no view: the graph's shown values leave z out
    expect('z:1:0' in selectShownValues(s())).toBe(false);
    expect(selectShownValues(s())[vId('x:0')]).toBe(lesson004.sample.input[0]);

    expect(s().submitAnswer('1.1')?.verdict).toBe('tooFew'); // not a try
    expect(selectStepRecord(s())).toBeUndefined();
    const wrong = s().submitAnswer((z11 * 1.5).toPrecision(4));
    expect(wrong?.verdict).toBe('wrong');
    expect(selectStepRecord(s())).toEqual({ wrong: 1, hint: wrong!.hint });
    expect(s().practice.feedback.map((m) => m.key)).toEqual([
      'practice.wrong',
      `practice.hint.${wrong!.hint!.kind}`,
      'practice.oneMore',
    ]);
    expect(s().submitAnswer(z11.toPrecision(4))?.verdict).toBe('right');
    expect(s().cursor).toBe(1);
    expect(selectStepRecord(s(), 0)).toMatchObject({ outcome: 'hinted' });
    expect(selectShownValues(s())[vId('z:1:0')]).toBeCloseTo(z11, 12);
    expect('a:1:0' in selectShownValues(s())).toBe(false);

    expect(s().submitAnswer(a11.toPrecision(5))?.verdict).toBe('right');
    s().showAnswer();
    expect(selectCovered(s())).toBe(false);
    expect(selectStepRecord(s(), 2)).toMatchObject({ outcome: 'shown' });
    const forward = selectPracticeScore(s()).find((p) => p.phase === 'forward')!;
    expect(forward).toEqual({ phase: 'forward', total: 10, first: 1, hinted: 1, shown: 1 });
    // the same score object while nothing it counts changes (React's external store needs that)
    expect(selectPracticeScore(s())).toBe(selectPracticeScore(s()));
  });

  it('gives two tries, then only Show answer', () => {
    const store = fresh();
    const s = store.getState;
    s().setPracticeOn(true);
    s().submitAnswer('5.000');
    s().submitAnswer('6.000');
    expect(s().practice.feedback.at(-1)?.key).toBe('practice.noTries');
    expect(s().submitAnswer(z11.toPrecision(4))).toBeNull();
    expect(selectCovered(s())).toBe(true);
  });

  it('keeps the loss off the sparkline while E is covered', () => {
    const store = fresh();
    const s = store.getState;
    const tl = selectTimeline(s())!;
    s().goTo(tl.steps.findIndex((x) => x.writes.includes(vId('E'))));
    expect(selectLossSeries(s())).toHaveLength(1);
    s().setPracticeOn(true);
    expect(selectLossSeries(s())).toHaveLength(0);
    s().showAnswer();
    expect(selectLossSeries(s())).toHaveLength(1);
  });

  it('class mode reveals with R’s action only, and records of another lesson do not count here', () => {
    const store = fresh();
    const s = store.getState;
    s().setPracticeOn(true);
    s().revealStep();
    expect(selectCovered(s())).toBe(true);
    s().setClassMode(true);
    s().revealStep();
    expect(selectCovered(s())).toBe(false);
    s().edit({ kind: 'learningRate', value: 0.25 });
    expect(selectCovered(s())).toBe(true);
  });
});

describe('exercise links', () => {
  it('round-trip the exercise, and open old links as before', () => {
    const exercise = { kinds: ['backward' as const, 'update' as const], fading: 'lastFirst' as const };
    const hash = encodeLink({ lesson: lesson004, granularity: 'neuron', cursor: 0, exercise });
    expect(hash).toBe('#v1&preset=lesson004&g=neuron&s=1&x=du-last');
    const back = decodeLink(hash);
    expect(back).toMatchObject({ ok: true, granularity: 'neuron', cursor: 0, exercise });
    expect(back.ok && back.message).toBeFalsy();
    const old = decodeLink('#v1&preset=lesson004&g=layer&s=3');
    expect(old).toMatchObject({ ok: true, granularity: 'layer', cursor: 2 });
    expect(old.ok && 'exercise' in old).toBe(false);
    // an exercise field that cannot be read: the lesson opens, without practice, and says so
    const bad = decodeLink('#v1&preset=lesson004&g=neuron&s=1&x=zz');
    expect(bad).toMatchObject({ ok: true, message: { key: 'link.badPosition' } });
    expect(bad.ok && 'exercise' in bad).toBe(false);
  });

  it('an exercise opens practice with its settings', () => {
    const store = fresh();
    const s = store.getState;
    s().startExercise({ kinds: ['loss'], fading: 'none' });
    expect(s().practice).toMatchObject({ on: true, exercise: true, settings: { kinds: ['loss'] } });
    expect(selectCovered(s())).toBe(false); // step 1 is a forward step
  });
});

describe('the question of a step', () => {
  it('is one of the values its formula shows as a result, for every preset at every detail', async () => {
    const { PRESETS } = await import('../../src/lessons');
    const { questionOf } = await import('../../src/practice/hints');
    const { formulaFor } = await import('../../src/formulas');
    for (const preset of PRESETS)
      for (const g of ['neuron', 'layer', 'weight'] as const) {
        const store = createLessonStore({ lesson: preset.lesson, granularity: g });
        const tl = selectTimeline(store.getState())!;
        for (const step of tl.steps.slice(0, 400)) {
          const results = formulaFor(step, tl, preset.lesson, { digits: 4 }).results.map((r) => r.id);
          expect(results, `${preset.id} ${g} ${step.id}`).toContain(questionOf(step));
        }
      }
  });
});
