import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECK_CHARS, completionCode, exerciseId, verifyCode } from '../../src/practice/code';
import { sha256 } from '../../src/practice/sha256';
import { lesson001, lesson004 } from '../../src/lessons';
import type { PracticeSettings } from '../../src/practice/session';
import { traceLesson, type Lesson } from '../../src/engine';
import { buildTimeline, type Granularity } from '../../src/steps';

const all: PracticeSettings = {
  kinds: ['forward', 'loss', 'backward', 'gradient', 'update'],
  fading: 'none',
};
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function timeline(lesson: Lesson, g: Granularity = 'neuron') {
  const r = traceLesson(lesson);
  if (!r.ok) throw new Error('no trace');
  return buildTimeline(lesson, r.trace, g);
}
const idOf = (lesson: Lesson, settings = all, g: Granularity = 'neuron') =>
  exerciseId(lesson, timeline(lesson, g), settings);

describe('SHA-256', () => {
  it('agrees with Node’s on the standard vectors, on multi-block and on non-ASCII text', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const texts = ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), '反向传播 δ ∂E/∂w'];
    for (const t of texts) expect(sha256(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
  });
});

describe('completion codes', () => {
  const ex = idOf(lesson004);
  /** The check worked out independently: Node's SHA-256 of the same text, its first 40 bits in base 32. */
  const expected = (exercise: string, f: number, h: number, s: number) => {
    const digest = createHash('sha256').update(`${exercise}\n${f}-${h}-${s}`, 'utf8').digest();
    const bits = [...digest.subarray(0, 5)].map((b) => b.toString(2).padStart(8, '0')).join('');
    let check = '';
    for (let i = 0; i < 40; i += 5) check += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)];
    return `${f}-${h}-${s}-${check}`;
  };

  it('is the counts and 40 bits of a SHA-256 of the exercise, its answers and the counts', () => {
    expect(CHECK_CHARS).toBe(8);
    expect(completionCode(ex, { first: 5, hinted: 2, shown: 1 })).toBe(expected(ex, 5, 2, 1));
    expect(completionCode(ex, { first: 0, hinted: 0, shown: 31 })).toBe(expected(ex, 0, 0, 31));
  });

  it('depends on the answers of the hidden steps, not only on the lesson’s figures', () => {
    // lesson 004's first hidden sum, by hand: 0.1·0.9 + 0.8·0.1 + 0.4·0.8 (no bias)
    const z11 = lesson004.weights[0][0].reduce((s, w, k) => s + w * lesson004.sample.input[k], 0);
    expect(ex).toContain(`=${z11.toPrecision(10)}`);
    // the same lesson text and settings with one answer changed gives another exercise, so other codes
    const tampered = ex.replace(`=${z11.toPrecision(10)}`, `=${(z11 + 0.01).toPrecision(10)}`);
    expect(tampered).not.toBe(ex);
    const code = completionCode(ex, { first: 3, hinted: 0, shown: 0 });
    expect(verifyCode(tampered, code)).toBeNull();
  });

  it('verifies a code of this exercise and reads back its counts, typed back loosely', () => {
    const code = completionCode(ex, { first: 5, hinted: 2, shown: 1 });
    expect(code).toMatch(/^5-2-1-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(verifyCode(ex, code)).toEqual({ first: 5, hinted: 2, shown: 1 });
    // lower case, spaces, a dash of another kind
    expect(verifyCode(ex, ` ${code.toLowerCase().replace(/-/g, '–')} `)).toEqual({
      first: 5,
      hinted: 2,
      shown: 1,
    });
  });

  it('refuses near misses: a count off by one, a character changed, two swapped, one missing or extra', () => {
    const counts = { first: 5, hinted: 2, shown: 1 };
    const code = completionCode(ex, counts);
    const check = code.split('-')[3];
    const near: string[] = [];
    for (const [f, h, s] of [
      [6, 2, 1],
      [4, 2, 1],
      [5, 3, 1],
      [5, 1, 1],
      [5, 2, 2],
      [5, 2, 0],
      [6, 1, 1],
      [6, 2, 0],
    ])
      near.push(`${f}-${h}-${s}-${check}`);
    for (let i = 0; i < check.length; i++) {
      for (const c of CROCKFORD)
        if (c !== check[i]) near.push(`5-2-1-${check.slice(0, i)}${c}${check.slice(i + 1)}`);
      if (i + 1 < check.length && check[i] !== check[i + 1])
        near.push(`5-2-1-${check.slice(0, i)}${check[i + 1]}${check[i]}${check.slice(i + 2)}`);
    }
    near.push(`5-2-1-${check.slice(1)}`, `5-2-1-${check}0`, `5-2-1-${check.slice(0, 5)}`, '5-2-1');
    expect(near.length).toBeGreaterThan(8 * 31);
    for (const n of near) expect(verifyCode(ex, n), n).toBeNull();
    expect(verifyCode(ex, 'hello')).toBeNull();
  });

  it('refuses a code of another lesson, detail, setting or learning rate', () => {
    const code = completionCode(ex, { first: 5, hinted: 2, shown: 1 });
    expect(verifyCode(idOf(lesson001), code)).toBeNull();
    expect(verifyCode(idOf(lesson004, all, 'layer'), code)).toBeNull();
    expect(verifyCode(idOf(lesson004, { ...all, fading: 'lastFirst' }), code)).toBeNull();
    expect(verifyCode(idOf(lesson004, { ...all, kinds: ['loss'] }), code)).toBeNull();
    expect(verifyCode(idOf({ ...lesson004, learningRate: 0.25 }), code)).toBeNull();
  });

  it('gives different checks for different counts of the same exercise', () => {
    const codes = new Set<string>();
    for (let f = 0; f < 6; f++)
      for (let h = 0; h < 6; h++)
        codes.add(completionCode(ex, { first: f, hinted: h, shown: 0 }).split('-')[3]);
    expect(codes.size).toBe(36);
  });
});
