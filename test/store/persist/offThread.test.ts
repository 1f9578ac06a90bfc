// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { lesson001 } from '../../../src/lessons';
import { createLessonStore } from '../../../src/store';
import {
  decodeLink,
  encodeLink,
  encodeLinkAsync,
  parseSaved,
  SAVED_KEY,
  serialiseSaved,
  sameLesson as sameLessonOf,
  type SavedState,
} from '../../../src/store/persist';
import { compressLesson } from '../../../src/store/persist/compress';
import {
  connectPersistence,
  LIVE_LINK_MAX_CHARS,
  WRITE_INTERVAL_MS,
} from '../../../src/store/persist/connect';
import { freshPage, windowEnv } from '../../support/persistence';
import { SAVED_STEP_KEY, SAVED_STEP_MIN_CHARS } from '../../../src/store/persist/saved';
import { sameJson, sameLesson } from '../../../src/store/persist/lessonFile';
import { anyLesson } from './arbitraries';
import { sigmoidNet } from '../../support/lessons';

/** The plain version sameJson replaces: both values' JSON with every object's keys sorted, compared as text. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** A compressor that answers only when the test says so (a worker's reply), counting what it was asked. */
function heldCompressor() {
  const asked: Array<{ text: string; answer: () => void }> = [];
  const compress = (text: string) =>
    new Promise<string>((ok) => asked.push({ text, answer: () => ok(compressLesson(text)) }));
  return { asked, compress };
}

/** lesson001 with its first weight changed: a lesson that travels compressed in its link. */
const edited = (w: number) => ({
  ...lesson001,
  weights: [
    lesson001.weights[0].map((row, j) => (j === 0 ? [w, ...row.slice(1)] : row)),
    ...lesson001.weights.slice(1),
  ],
});

describe('the same lesson, by structure', () => {
  it('sameJson agrees with comparing canonical JSON texts, on random values and on random lessons', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, 0, -0, 1, NaN, Infinity, true, false, '', 'a'),
        fc.double(),
        fc.string({ maxLength: 3 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameJson(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(anyLesson, anyLesson, fc.integer({ min: 0, max: 5 }), (a, b, k) => {
        expect(sameLesson(a, b)).toBe(canonical(a) === canonical(b));
        // the same lesson with its keys in another order, and with one number changed
        const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
        expect(sameLesson(a, reordered)).toBe(true);
        const w = a.weights.flat(2);
        const changed = structuredClone(a);
        changed.weights.flat(1)[0][k % w.length] = 1e5 + 0.5; // outside every lesson's random range
        expect(sameLesson(a, changed)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the autosave written from kept lesson texts', () => {
  const state = (lesson: SavedState['lesson'], origin = lesson, cursor = 3): SavedState => ({
    lesson,
    origin,
    granularity: 'neuron',
    cursor,
    locale: 'zh-CN',
    theme: 'dark',
    digits: 6,
    iteration: 2,
    lossHistory: [0.25],
  });
  it('is the JSON of the plain object, with or without the origin, however often it is written', () => {
    fc.assert(
      fc.property(anyLesson, anyLesson, fc.nat({ max: 50 }), (a, b, cursor) => {
        for (const s of [state(a, a, cursor), state(a, b, cursor), state(b, a, cursor + 1)]) {
          const { origin, ...rest } = s;
          const plain = {
            format: 'backprop-saved',
            version: 1,
            ...rest,
            ...(sameLesson(origin, s.lesson) ? {} : { origin }),
          };
          expect(JSON.parse(serialiseSaved(s))).toEqual(JSON.parse(JSON.stringify(plain)));
          const read = parseSaved(serialiseSaved(s));
          expect(read.ok && read.saved.cursor).toBe(s.cursor);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('links compressed off the page’s thread', () => {
  const page = freshPage();

  it('the hash is written once the compressor answers, with the state of then; the autosave never waits', async () => {
    const store = createLessonStore();
    const { asked, compress } = heldCompressor();
    page.disconnect = connectPersistence(store, windowEnv(), { compressLink: compress });
    store.getState().loadLesson(lesson001);
    expect(store.getState().edit({ kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.123 })).toBe(true);
    const lesson = store.getState().lesson;
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    // the autosave has the edit at once; the hash waits for the compressor (one request for this lesson)
    const saved = parseSaved(window.localStorage.getItem(SAVED_KEY)!);
    expect(saved.ok && saved.saved.lesson.weights[0][0][0]).toBe(0.123);
    expect(window.location.hash).toBe('');
    expect(asked).toHaveLength(1);
    expect(JSON.parse(asked[0].text)).toEqual(JSON.parse(JSON.stringify(lesson)));
    store.getState().next();
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(asked).toHaveLength(1); // asked again, the compression under way is awaited, not repeated
    asked[0].answer();
    await vi.runAllTimersAsync();
    const link = decodeLink(window.location.hash);
    expect(link).toMatchObject({ ok: true, granularity: store.getState().granularity, cursor: 2 });
    expect(link.ok && link.lesson.weights[0][0][0]).toBe(0.123);
    // exactly the link made in place
    expect(window.location.hash).toBe(
      encodeLink({ lesson, granularity: store.getState().granularity, cursor: 2, iteration: 1 }),
    );
    // from now on this lesson's link is written without the compressor
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(decodeLink(window.location.hash)).toMatchObject({ ok: true, cursor: 3 });
    expect(asked).toHaveLength(1);
  });

  it('a link asked for (copy link) is the one made in place, compressed once', async () => {
    const { asked, compress } = heldCompressor();
    const lesson = edited(0.4321);
    const state = { lesson, granularity: 'weight' as const, cursor: 7, iteration: 3 };
    const first = encodeLinkAsync(state, compress);
    const second = encodeLinkAsync({ ...state, cursor: 8 }, compress);
    await Promise.resolve();
    expect(asked).toHaveLength(1);
    asked[0].answer();
    const [a, b] = await Promise.all([first, second]);
    expect(decodeLink(a)).toEqual({ ok: true, ...state });
    expect(decodeLink(b)).toMatchObject({ ok: true, cursor: 8, iteration: 3 });
    expect(a).toBe(`#v1=${compressLesson(JSON.stringify(lesson))}&g=weight&s=8&i=3`);
    // a built-in lesson is named, with no compression at all
    expect(await encodeLinkAsync({ ...state, lesson: lesson001 }, compress)).toBe(
      '#v1&preset=lesson001&g=weight&s=8&i=3',
    );
    expect(asked).toHaveLength(1);
  });
});

describe('a large lesson’s autosave and link', () => {
  const page = freshPage();
  const saved = () => {
    const r = parseSaved(window.localStorage.getItem(SAVED_KEY)!);
    if (!r.ok) throw new Error('no readable autosave');
    return r.saved;
  };
  /** What a reload opens. */
  const reopened = () => {
    const again = createLessonStore();
    const off = connectPersistence(again, windowEnv());
    const s = again.getState();
    off();
    return s;
  };

  it('steps write the step alone; an edit, the page hiding and a reload lose nothing', () => {
    const lesson = sigmoidNet([48, 48, 48, 48, 48, 48], 7);
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    expect(store.getState().loadLesson(lesson).ok).toBe(true);
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    const whole = window.localStorage.getItem(SAVED_KEY)!;
    expect(whole.length).toBeGreaterThan(SAVED_STEP_MIN_CHARS);
    expect(sameLessonOf(saved().lesson, lesson)).toBe(true);
    // the link is too long for the address bar: it stays out of it, and a reload opens the autosave
    expect(window.location.hash).toBe('');
    expect(encodeLink({ lesson, granularity: 'neuron', cursor: 0 }).length).toBeGreaterThan(
      LIVE_LINK_MAX_CHARS,
    );

    store.getState().next();
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    // the ~0.2 MB autosave is not written again; its step is
    expect(window.localStorage.getItem(SAVED_KEY)).toBe(whole);
    expect(JSON.parse(window.localStorage.getItem(SAVED_STEP_KEY)!)).toMatchObject({ cursor: 2 });
    expect(reopened()).toMatchObject({ cursor: 2, granularity: store.getState().granularity });
    expect(sameLessonOf(reopened().lesson, lesson)).toBe(true);

    // the page hides within the interval: the step is written at once
    store.getState().next();
    window.dispatchEvent(new Event('pagehide'));
    expect(reopened().cursor).toBe(3);

    // an edit writes the whole autosave, and the old step is dropped
    expect(store.getState().edit({ kind: 'weight', layer: 2, neuron: 5, from: 7, value: 0.875 })).toBe(true);
    store.getState().next();
    window.dispatchEvent(new Event('pagehide'));
    expect(window.localStorage.getItem(SAVED_STEP_KEY)).toBeNull();
    expect(saved()).toMatchObject({ cursor: 4 });
    expect(saved().lesson.weights[1][5][7]).toBe(0.875);
    expect(reopened().lesson.weights[1][5][7]).toBe(0.875);
    expect(reopened().cursor).toBe(4);

    // a step written for another autosave (another stamp) is not applied to this one
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    const step = JSON.parse(window.localStorage.getItem(SAVED_STEP_KEY)!) as {
      stamp: string;
      cursor: number;
    };
    expect(step.cursor).toBe(5);
    window.localStorage.setItem(SAVED_STEP_KEY, JSON.stringify({ ...step, stamp: 'other', cursor: 9 }));
    expect(reopened().cursor).toBe(4);
  });

  it('a small lesson keeps its link in the address bar and its step in the autosave itself', () => {
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    store.getState().loadLesson(edited(0.25));
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(decodeLink(window.location.hash)).toMatchObject({ ok: true, cursor: 1 });
    expect(saved().cursor).toBe(1);
    expect(window.localStorage.getItem(SAVED_STEP_KEY)).toBeNull();
    expect(window.localStorage.getItem(SAVED_KEY)).not.toContain('"stamp"');
  });
});
