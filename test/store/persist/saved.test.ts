import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/lessons';
import {
  GRANULARITIES,
  parseSaved,
  savedLocale,
  serialiseSaved,
  type SavedState,
} from '../../../src/store/persist';
import { anyShownLesson, gated, viaJson } from './arbitraries';

const savedArb: fc.Arbitrary<SavedState> = fc
  .record({
    lesson: anyShownLesson,
    origin: fc.option(anyShownLesson, { nil: undefined }),
    granularity: fc.constantFrom(...GRANULARITIES),
    cursor: fc.nat({ max: 1000 }),
    locale: fc.constantFrom('en' as const, 'zh-CN' as const),
    theme: fc.constantFrom('light' as const, 'dark' as const, 'projector' as const),
    digits: fc.integer({ min: 2, max: 10 }),
    // updates before the loss history's first (a link's, the Train view's run): the iteration ends the history
    prior: fc.integer({ min: 0, max: 50 }),
    lossHistory: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 49 }),
  })
  .map(({ prior, ...s }) => ({
    ...s,
    origin: s.origin ?? s.lesson,
    iteration: prior + s.lossHistory.length + 1,
  }));

const base = (): SavedState => ({
  lesson: PRESETS[1].lesson,
  origin: PRESETS[1].lesson,
  granularity: 'layer',
  cursor: 5,
  locale: 'zh-CN',
  theme: 'dark',
  digits: 6,
  iteration: 3,
  lossHistory: [0.5, 0.4],
});

describe('autosave', () => {
  it('round-trips random saved states', () => {
    fc.assert(
      fc.property(savedArb, (state) => {
        expect(parseSaved(serialiseSaved(state))).toEqual({ ok: true, saved: viaJson(state), dropped: [] });
      }),
      { numRuns: 100 },
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'round-trips the preset %s, trained or not',
    (_id, preset) => {
      const state = { ...base(), lesson: preset.lesson, origin: preset.lesson };
      expect(parseSaved(serialiseSaved(state))).toEqual({ ok: true, saved: state, dropped: [] });
      const trained = { ...state, lesson: gated({ ...preset.lesson, learningRate: 0.123 }) };
      expect(parseSaved(serialiseSaved(trained))).toEqual({ ok: true, saved: trained, dropped: [] });
    },
  );

  it('leaves out the origin while it is the lesson itself', () => {
    expect(JSON.parse(serialiseSaved(base()))).not.toHaveProperty('origin');
    const edited = { ...base(), lesson: { ...PRESETS[1].lesson, learningRate: 2 } };
    expect(JSON.parse(serialiseSaved(edited))).toHaveProperty('origin');
  });

  it('refuses corrupt or foreign saves with a message, and an older format as old', () => {
    const good = JSON.parse(serialiseSaved(base()));
    const variants: unknown[] = [
      'not json',
      '',
      'null',
      '[]',
      { ...good, format: 'something-else' },
      { ...good, lesson: { ...good.lesson, layers: [] } },
    ];
    for (const v of variants) {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      expect(parseSaved(text)).toEqual({ ok: false, message: { key: 'saved.corrupt' } });
    }
    expect(parseSaved(JSON.stringify({ ...good, version: 0 }))).toEqual({
      ok: false,
      message: { key: 'saved.old' },
    });
  });

  it('an unknown or invalid setting is dropped alone: the lesson and every other setting are kept', () => {
    const good = JSON.parse(
      serialiseSaved({ ...base(), lesson: gated({ ...PRESETS[1].lesson, learningRate: 0.7 }) }),
    );
    const cases: [Record<string, unknown>, string, Partial<SavedState>][] = [
      [{ granularity: 'atom' }, 'granularity', { granularity: 'neuron' }],
      [{ locale: 'fr' }, 'locale', {}],
      [{ theme: 'neon' }, 'theme', { theme: 'light' }],
      [{ cursor: -1 }, 'cursor', { cursor: 0 }],
      [{ digits: 40 }, 'digits', { digits: 4 }],
      [{ iteration: 0 }, 'iteration', { iteration: 1, lossHistory: [] }],
      [{ lossHistory: [1, null] }, 'iteration', { iteration: 1, lossHistory: [] }],
      // more losses than iterations before this one: they cannot both be right
      [{ iteration: 2, lossHistory: [0.5, 0.4] }, 'iteration', { iteration: 1, lossHistory: [] }],
      [{ origin: 42 }, 'origin', { origin: good.lesson }],
    ];
    for (const [change, name, reset] of cases) {
      const r = parseSaved(JSON.stringify({ ...good, ...change }));
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.dropped).toEqual([name]);
      expect(r.notice).toEqual({ key: 'saved.settingsDropped' });
      expect(r.saved.lesson).toEqual(good.lesson);
      expect(r.saved.lesson.learningRate).toBe(0.7);
      const kept = { ...base(), lesson: good.lesson, origin: PRESETS[1].lesson, ...reset };
      const { locale: _l, ...rest } = kept;
      expect(r.saved).toMatchObject(name === 'locale' ? rest : kept);
    }
  });

  it('a saved lesson whose step is not finite falls back to the lesson as opened, and says so', () => {
    // one sigmoid neuron with cross-entropy, weight 1000, input 1, target 0: a = σ(1000) rounds to 1 and
    // E = −ln(1 − a) is infinite
    const overflow = {
      ...JSON.parse(JSON.stringify(PRESETS[1].lesson)),
      layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' }],
      loss: 'bce',
      useBias: false,
      weights: [[[1000]]],
      biases: [[0]],
      sample: { input: [1], target: [0] },
    };
    delete overflow.dataset;
    delete overflow.published;
    const good = JSON.parse(serialiseSaved(base()));
    const withOrigin = parseSaved(JSON.stringify({ ...good, lesson: overflow, origin: good.lesson }));
    expect(withOrigin).toMatchObject({
      ok: true,
      saved: { lesson: PRESETS[1].lesson, iteration: 1, lossHistory: [], theme: 'dark', digits: 6 },
      notice: { key: 'saved.lessonNonFinite' },
    });
    const alone = parseSaved(JSON.stringify({ ...good, lesson: overflow }));
    expect(alone).toMatchObject({ ok: false, message: { key: 'saved.nonFinite' } });
  });

  it('never throws on random text or JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(parseSaved(s).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.json(), (s) => {
        const r = parseSaved(s);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the chosen locale even from a save it cannot restore', () => {
    expect(savedLocale(null)).toBeNull();
    expect(savedLocale('garbage')).toBeNull();
    expect(savedLocale(JSON.stringify({ locale: 'zh-CN', lesson: 'broken' }))).toBe('zh-CN');
  });
});
