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
import { anyLesson, viaJson } from './arbitraries';

const savedArb: fc.Arbitrary<SavedState> = fc
  .record({
    lesson: anyLesson,
    origin: fc.option(anyLesson, { nil: undefined }),
    granularity: fc.constantFrom(...GRANULARITIES),
    cursor: fc.nat({ max: 1000 }),
    locale: fc.constantFrom('en' as const, 'zh-CN' as const),
    theme: fc.constantFrom('light' as const, 'dark' as const, 'projector' as const),
    digits: fc.integer({ min: 2, max: 10 }),
    iteration: fc.integer({ min: 1, max: 50 }),
    lossHistory: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 49 }),
  })
  .map((s) => ({ ...s, origin: s.origin ?? s.lesson }));

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
        expect(parseSaved(serialiseSaved(state))).toEqual({ ok: true, saved: viaJson(state) });
      }),
      { numRuns: 100 },
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))(
    'round-trips the preset %s, trained or not',
    (_id, preset) => {
      const state = { ...base(), lesson: preset.lesson, origin: preset.lesson };
      expect(parseSaved(serialiseSaved(state))).toEqual({ ok: true, saved: state });
      const trained = { ...state, lesson: { ...preset.lesson, learningRate: 0.123 } };
      expect(parseSaved(serialiseSaved(trained))).toEqual({ ok: true, saved: trained });
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
      { ...good, origin: 42 },
      { ...good, granularity: 'atom' },
      { ...good, locale: 'fr' },
      { ...good, theme: 'neon' },
      { ...good, cursor: -1 },
      { ...good, digits: 40 },
      { ...good, iteration: 0 },
      { ...good, lossHistory: [1, null] },
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
