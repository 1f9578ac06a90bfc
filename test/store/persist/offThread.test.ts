// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lesson001 } from '../../../src/lessons';
import { createLessonStore } from '../../../src/store';
import {
  decodeLink,
  encodeLink,
  encodeLinkAsync,
  parseSaved,
  SAVED_KEY,
  serialiseSaved,
  type SavedState,
} from '../../../src/store/persist';
import { compressLesson } from '../../../src/store/persist/compress';
import { connectPersistence, WRITE_INTERVAL_MS, type BrowserEnv } from '../../../src/store/persist/connect';
import { sameJson, sameLesson } from '../../../src/store/persist/lessonFile';
import { anyLesson } from './arbitraries';

/** The plain version sameJson replaces: both values' JSON with every object's keys sorted, compared as text. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const env = (): BrowserEnv =>
  ({
    localStorage: window.localStorage,
    sessionStorage: window.sessionStorage,
    location: window.location,
    history: window.history,
    navigator: window.navigator,
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  }) as unknown as BrowserEnv;

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
  let disconnect: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    window.localStorage.clear();
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    disconnect();
    vi.useRealTimers();
  });

  it('the hash is written once the compressor answers, with the state of then; the autosave never waits', async () => {
    const store = createLessonStore();
    const { asked, compress } = heldCompressor();
    disconnect = connectPersistence(store, env(), { compressLink: compress });
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
