import { describe, expect, it } from 'vitest';
import { judge, readAnswer } from '../../src/practice/answer';

describe('the tolerance rule', () => {
  it('takes 0.761 and 0.7613 for 0.76133, not 0.758 (the issue’s example)', () => {
    expect(judge('0.761', 0.76133)).toBe('right');
    expect(judge('0.7613', 0.76133)).toBe('right');
    expect(judge('0.758', 0.76133)).toBe('wrong');
  });

  it('forgives exactly one unit of the last digit typed, and no more', () => {
    // 0.76133 − 0.760 = 0.00133 > 0.001; 0.762 − 0.76133 = 0.00067
    expect(judge('0.762', 0.76133)).toBe('right');
    expect(judge('0.760', 0.76133)).toBe('wrong');
    // one unit exactly: 1.000 against 1.001 (binary rounding must not refuse it)
    expect(judge('1.000', 1.001)).toBe('right');
    expect(judge('1.000', 1.0011)).toBe('wrong');
    // a longer answer is held to its own last digit
    expect(judge('0.76140', 0.76133)).toBe('wrong');
    expect(judge('0.76134', 0.76133)).toBe('right');
  });

  it('asks for three significant digits before judging', () => {
    expect(judge('0.76', 0.76133)).toBe('tooFew');
    expect(judge('0.8', 0.76133)).toBe('tooFew');
    expect(judge('0.0761', 0.0761)).toBe('right'); // leading zeros do not count, the three after them do
    expect(judge('0.076', 0.0761)).toBe('tooFew');
    expect(judge('12.0', 12.04)).toBe('right'); // a trailing zero after the point counts
  });

  it('reads signs, exponents, full-width digits and the minus sign −', () => {
    expect(judge('-0.0423', -0.04231)).toBe('right');
    expect(judge('−0.0423', -0.04231)).toBe('right');
    expect(judge('0.0423', -0.04231)).toBe('wrong');
    expect(judge('4.23e-2', 0.04231)).toBe('right');
    expect(judge('4.23E-2', 0.04262)).toBe('wrong');
    expect(judge('０．７６１', 0.76133)).toBe('right');
    expect(readAnswer('1.20e3')).toMatchObject({ value: 1200, significant: 3, unit: 10 });
  });

  it('refuses what is not a number, and takes a typed zero only for zero', () => {
    expect(judge('abc', 1)).toBe('notANumber');
    expect(judge('', 1)).toBe('notANumber');
    expect(judge('1,5', 1.5)).toBe('notANumber');
    expect(judge('0', 0)).toBe('right');
    expect(judge('0.000', 0)).toBe('right');
    expect(judge('0', 0.3)).toBe('wrong');
    expect(judge('0.000', 0.0004)).toBe('wrong');
  });
});
