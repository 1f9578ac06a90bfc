import { describe, expect, it } from 'vitest';
import { completionCode, exerciseId, verifyCode } from '../../src/practice/code';
import { lesson001, lesson004 } from '../../src/lessons';
import type { PracticeSettings } from '../../src/practice/session';

const all: PracticeSettings = {
  kinds: ['forward', 'loss', 'backward', 'gradient', 'update'],
  fading: 'none',
};

describe('completion codes', () => {
  const ex = exerciseId(lesson004, 'neuron', all);

  it('verifies a code of this exercise and reads back its counts', () => {
    const code = completionCode(ex, { first: 5, hinted: 2, shown: 1 });
    expect(code).toMatch(/^5-2-1-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(verifyCode(ex, code)).toEqual({ first: 5, hinted: 2, shown: 1 });
    // typed back loosely: lower case, spaces, a dash of another kind
    expect(verifyCode(ex, ` ${code.toLowerCase().replace(/-/g, ' – ').replace(/ – /g, '–')} `)).toEqual({
      first: 5,
      hinted: 2,
      shown: 1,
    });
  });

  it('refuses a code with a count changed, of another lesson, detail or setting, or malformed', () => {
    const code = completionCode(ex, { first: 5, hinted: 2, shown: 1 });
    const check = code.split('-')[3];
    expect(verifyCode(ex, `6-2-1-${check}`)).toBeNull();
    expect(verifyCode(ex, `5-1-1-${check}`)).toBeNull();
    expect(verifyCode(exerciseId(lesson001, 'neuron', all), code)).toBeNull();
    expect(verifyCode(exerciseId(lesson004, 'layer', all), code)).toBeNull();
    expect(verifyCode(exerciseId(lesson004, 'neuron', { ...all, fading: 'lastFirst' }), code)).toBeNull();
    const edited = { ...lesson004, learningRate: 0.25 };
    expect(verifyCode(exerciseId(edited, 'neuron', all), code)).toBeNull();
    expect(verifyCode(ex, '5-2-1')).toBeNull();
    expect(verifyCode(ex, 'hello')).toBeNull();
  });

  it('gives different codes for different counts of the same exercise', () => {
    const codes = new Set<string>();
    for (let f = 0; f < 6; f++)
      for (let h = 0; h < 6; h++)
        codes.add(completionCode(ex, { first: f, hinted: h, shown: 0 }).split('-')[3]);
    expect(codes.size).toBeGreaterThan(30);
  });
});
