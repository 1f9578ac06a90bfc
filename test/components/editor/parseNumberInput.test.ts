import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForInput, parseNumberInput } from '../../../src/components/editor/parseNumberInput';
import { LIMITS } from '../../../src/engine';

const value = (text: string, options = {}) => {
  const r = parseNumberInput(text, options);
  return r.ok ? r.value : r.message;
};

describe('parseNumberInput', () => {
  it.each([
    ['0.9', 0.9],
    ['1e-3', 0.001],
    ['-0.5', -0.5],
    [' 2 ', 2],
    ['.5', 0.5],
    ['+3', 3],
    ['3.', 3],
    ['2E+2', 200],
    ['−0.25', -0.25], // the minus sign the app prints
    ['０．５', 0.5], // full-width, as a Chinese input method types it
    ['-1e6', -1e6], // the limit itself is allowed
    ['-0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['', 'edit.empty'],
    ['   ', 'edit.empty'],
    ['abc', 'edit.notANumber'],
    ['NaN', 'edit.notANumber'],
    ['0x10', 'edit.notANumber'],
    ['1_000', 'edit.notANumber'],
    ['1,2,3', 'edit.notANumber'],
    ['1.2.3', 'edit.notANumber'],
    ['e5', 'edit.notANumber'],
    ['Infinity', 'edit.notFinite'],
    ['-∞', 'edit.notFinite'],
    ['1e999', 'edit.notFinite'],
    ['2e6', 'edit.tooLarge'],
    ['1000000.5', 'edit.tooLarge'],
  ])('refuses %j with %s', (text, key) => {
    const r = parseNumberInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.key).toBe(key);
  });

  it('names the text that is not a number, and the limit that is exceeded', () => {
    expect(value(' abc ')).toEqual({ key: 'edit.notANumber', params: { text: 'abc' } });
    expect(value('-3e7')).toEqual({ key: 'edit.tooLarge', params: { max: LIMITS.maxMagnitude } });
  });

  it('refuses a nonzero number below the smallest double instead of reading it as 0', () => {
    const tooSmall = { key: 'edit.tooSmall', params: { min: '1e-308' } };
    expect(value('1e-400')).toEqual(tooSmall);
    expect(value('-1e-400')).toEqual(tooSmall);
    expect(value('0.000001e-320')).toEqual(tooSmall);
    expect(value('2e-324')).toEqual(tooSmall); // under half the smallest subnormal (4.9e-324): rounds to 0
    // zero written any way is still 0; a subnormal is a double and is kept
    expect(value('0e-400')).toBe(0);
    expect(value('0.000e-999')).toBe(0);
    expect(value('1e-310')).toBe(1e-310);
    expect(value('5e-324')).toBe(5e-324);
  });

  it('refuses a decimal comma and suggests the point', () => {
    expect(value('0,5')).toEqual({ key: 'editor.commaDecimal', params: { text: '0,5', suggestion: '0.5' } });
    expect(value('-1,25e3')).toMatchObject({ params: { suggestion: '-1.25e3' } });
  });

  it('checks a positive value (the learning rate) with the given message', () => {
    const positive = { message: { key: 'edit.learningRatePositive' } };
    expect(value('0', { positive })).toEqual({ key: 'edit.learningRatePositive' });
    expect(value('-0.1', { positive })).toEqual({ key: 'edit.learningRatePositive' });
    expect(value('0.01', { positive })).toBe(0.01);
  });

  it('checks a whole number in its own range (a seed may exceed ±1e6)', () => {
    const integer = { min: 1, max: 64, message: { key: 'edit.neuronCount' } };
    expect(value('3', { integer })).toBe(3);
    expect(value('2.5', { integer })).toEqual({ key: 'edit.neuronCount' });
    expect(value('0', { integer })).toEqual({ key: 'edit.neuronCount' });
    expect(value('65', { integer })).toEqual({ key: 'edit.neuronCount' });
    const seed = { min: 0, max: 2 ** 32 - 1, message: { key: 'network.seedRange' } };
    expect(value('4294967295', { integer: seed })).toBe(2 ** 32 - 1);
    expect(value('4294967296', { integer: seed })).toEqual({ key: 'network.seedRange' });
  });
});

describe('formatForInput', () => {
  it('shows short values as typed and hides floating-point noise', () => {
    expect(formatForInput(0.9)).toBe('0.9');
    expect(formatForInput(0.1 + 0.2)).toBe('0.3');
    expect(formatForInput(-1e-7)).toBe('-1e-7');
    expect(formatForInput(1e6)).toBe('1000000');
  });

  it('reads back to the same value at 12 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = parseNumberInput(formatForInput(x));
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.value - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-11 + Number.MIN_VALUE);
      }),
    );
  });
});
