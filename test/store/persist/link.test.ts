import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../../src/engine';
import { en } from '../../../src/i18n/en';
import { zhCN } from '../../../src/i18n/zh-CN';
import { PRESETS } from '../../../src/lessons';
import {
  decodeLink,
  encodeLink,
  GRANULARITIES,
  isLessonLink,
  type DecodedLink,
} from '../../../src/store/persist';
import { anyShownLesson, gated, viaJson } from './arbitraries';

const granularity = fc.constantFrom(...GRANULARITIES);
const cursor = fc.nat({ max: 500 });

/** Every outcome is either a valid lesson or a message both languages can show. */
function expectSound(r: DecodedLink): void {
  if (r.ok) {
    expect(parseLesson(r.lesson).ok).toBe(true);
    expect(GRANULARITIES).toContain(r.granularity);
    expect(Number.isInteger(r.cursor) && r.cursor >= 0).toBe(true);
  }
  const message = r.message;
  if (message) {
    expect(message.key in en).toBe(true);
    expect(message.key in zhCN).toBe(true);
  }
  if (!r.ok) expect(message).toBeDefined();
}

/** A preset with its learning rate changed: no longer a built-in lesson, so a link carries it whole. */
const modified = (lesson: Lesson): Lesson => ({ ...lesson, learningRate: lesson.learningRate * 0.5 });

describe('share link', () => {
  it('round-trips random lessons with granularity and step: state → hash → state', () => {
    fc.assert(
      fc.property(anyShownLesson, granularity, cursor, (lesson, g, c) => {
        const hash = encodeLink({ lesson, granularity: g, cursor: c, iteration: 1 });
        expect(hash).toMatch(/^#v1=[A-Za-z0-9+\-$]+&g=(neuron|layer|weight)&s=\d+$/);
        expect(isLessonLink(hash)).toBe(true);
        expect(decodeLink(hash)).toEqual({
          ok: true,
          lesson: viaJson(lesson),
          granularity: g,
          cursor: c,
          iteration: 1,
        });
      }),
      { numRuns: 150 },
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('round-trips the preset %s, by name', (id, preset) => {
    const hash = encodeLink({ lesson: preset.lesson, granularity: 'layer', cursor: 6, iteration: 1 });
    expect(hash).toBe(`#v1&preset=${id}&g=layer&s=7`);
    expect(decodeLink(hash)).toEqual({
      ok: true,
      lesson: preset.lesson,
      granularity: 'layer',
      cursor: 6,
      iteration: 1,
    });
    expect(decodeLink(hash.slice(1)).ok).toBe(true); // with or without the #
    // an equal copy is named too; a changed one is carried whole
    expect(encodeLink({ lesson: viaJson(preset.lesson), granularity: 'layer', cursor: 6 })).toBe(hash);
    const changed = modified(preset.lesson);
    const full = encodeLink({ lesson: changed, granularity: 'layer', cursor: 6, iteration: 1 });
    expect(full).toMatch(/^#v1=[A-Za-z0-9+\-$]+&g=layer&s=7$/);
    // the source's printed figures stay with the untouched built-in lesson only
    expect(decodeLink(full)).toEqual({
      ok: true,
      lesson: gated(changed),
      granularity: 'layer',
      cursor: 6,
      iteration: 1,
    });
  });

  it('a link naming a built-in lesson this version lacks says so', () => {
    expect(decodeLink('#v1&preset=lesson999&g=neuron&s=2')).toEqual({
      ok: false,
      message: { key: 'link.unknownPreset', params: { id: 'lesson999' } },
    });
    expect(decodeLink('#v1&g=neuron&s=2')).toEqual({ ok: false, message: { key: 'link.broken' } });
  });

  it('writes the step 1-based: s=7 is the cursor 6', () => {
    const hash = encodeLink({ lesson: PRESETS[0].lesson, granularity: 'neuron', cursor: 6 });
    expect(hash.endsWith('&g=neuron&s=7')).toBe(true);
  });

  it('keeps lz-string’s + characters (URLSearchParams would turn them into spaces)', () => {
    const withPlus = PRESETS.map((p) =>
      encodeLink({ lesson: modified(p.lesson), granularity: 'neuron', cursor: 0 }),
    ).find((h) => h.includes('+'));
    expect(withPlus).toBeDefined();
    expect(decodeLink(withPlus!).ok).toBe(true);
  });

  it('is not fooled by in-page anchors, and names what it cannot read', () => {
    expect(isLessonLink('')).toBe(false);
    expect(isLessonLink('#lesson')).toBe(false);
    expect(isLessonLink('#g=neuron&s=3')).toBe(false);
    expect(decodeLink('#lesson')).toEqual({ ok: false, message: { key: 'link.broken' } });
    expect(decodeLink('#v2=abc')).toEqual({
      ok: false,
      message: { key: 'link.version', params: { version: '2' } },
    });
    expect(decodeLink('#v1=')).toEqual({ ok: false, message: { key: 'link.broken' } });
    expect(decodeLink('#v1=not-lz-at-all')).toMatchObject({ ok: false });
  });

  it('a link whose lesson is refused says how many problems and the first one', () => {
    const bad = { ...viaJson(PRESETS[1].lesson), loss: 'hinge', version: 3 };
    const hash = encodeLink({ lesson: bad as never, granularity: 'neuron', cursor: 0, iteration: 1 });
    const r = decodeLink(hash);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.key).toBe('link.invalid');
    expect(r.message.params?.count).toBe(2);
    expect(r.message.params?.problem).toMatchObject({ path: 'version', code: 'wrongVersion' });
  });

  it('an unreadable granularity or step opens the lesson at step 1 with a message', () => {
    const good = encodeLink({ lesson: PRESETS[0].lesson, granularity: 'weight', cursor: 3 });
    for (const tail of [
      '&g=neurons&s=4',
      '&g=weight&s=0',
      '&g=weight&s=-2',
      '&g=weight&s=4.5',
      '&g=weight&s=99999999',
    ]) {
      const r = decodeLink(good.replace(/&g=.*$/, tail));
      expect(r).toMatchObject({ ok: true, message: { key: 'link.badPosition' } });
    }
    const bare = decodeLink(good.replace(/&g=.*$/, ''));
    expect(bare).toEqual({
      ok: true,
      lesson: PRESETS[0].lesson,
      granularity: 'neuron',
      cursor: 0,
      iteration: 1,
    });
  });

  it('never throws on random strings, truncations or bit flips of a valid link', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => expectSound(decodeLink(s))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => expectSound(decodeLink(`#v1=${s}&g=neuron&s=1`))),
      { numRuns: 300 },
    );
    const valid = encodeLink({ lesson: modified(PRESETS[3].lesson), granularity: 'neuron', cursor: 6 });
    fc.assert(
      fc.property(fc.nat({ max: valid.length }), (n) => expectSound(decodeLink(valid.slice(0, n)))),
      { numRuns: 300 },
    );
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 5 }), fc.nat(), (at, bit, pick) => {
        const i = 4 + (at % (valid.length - 4)); // after '#v1='
        const code = valid.charCodeAt(i) ^ (1 << bit);
        const flipped = valid.slice(0, i) + String.fromCharCode(code) + valid.slice(i + 1);
        const swapped = valid.slice(0, i) + alphabet[pick % alphabet.length] + valid.slice(i + 1);
        expectSound(decodeLink(flipped));
        expectSound(decodeLink(swapped));
      }),
      { numRuns: 500 },
    );
  });

  it('a truncated link is refused with a message', () => {
    const valid = encodeLink({ lesson: modified(PRESETS[3].lesson), granularity: 'neuron', cursor: 6 });
    const payloadEnd = valid.indexOf('&g=');
    for (const n of [5, 20, Math.floor(payloadEnd / 2), payloadEnd - 3]) {
      expect(decodeLink(valid.slice(0, n)).ok).toBe(false);
    }
  });
});
