import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/engine';
import { SLOT, templates } from '../../src/steps';
import { fill, guard, isSum, matrix, minus, plus } from '../../src/formulas/tex';

const sub = (template: string, value: string) => fill(template, () => value);

describe('filling the engine’s TeX templates', () => {
  it('brackets a negative number after an operator: σ(−0.5) = 1/(1 + e^{−(−0.5)})', () => {
    expect(sub(ACTIVATIONS.sigmoid.tex(SLOT.z), '-0.5')).toBe('\\frac{1}{1+e^{-(-0.5)}}');
    expect(sub(ACTIVATIONS.sigmoid.tex(SLOT.z), '1.16')).toBe('\\frac{1}{1+e^{-1.16}}');
  });

  it('brackets a negative or scientific number, and braces a symbol, before a power', () => {
    const tanhPrime = templates.fPrime('tanh');
    expect(sub(tanhPrime, '-0.5')).toBe('1-(-0.5)^{2}');
    expect(sub(tanhPrime, '1.2\\times10^{-4}')).toBe('1-(1.2\\times10^{-4})^{2}');
    expect(sub(tanhPrime, '0.5')).toBe('1-0.5^{2}');
    expect(sub(tanhPrime, 'a^{1}_{2}')).toBe('1-{a^{1}_{2}}^{2}');
  });

  it('never runs two numbers together: 0.01 · (−0.5), not 0.01-0.5', () => {
    expect(sub(ACTIVATIONS.leakyRelu.tex(SLOT.z), '-0.5')).toBe('\\max(0.01\\cdot (-0.5),-0.5)');
    expect(sub(ACTIVATIONS.leakyRelu.tex(SLOT.z), 'z^{1}_{1}')).toBe('\\max(0.01z^{1}_{1},z^{1}_{1})');
  });

  it('leaves a negative number alone where nothing precedes it', () => {
    expect(sub(templates.fPrime('relu'), '-0.5')).toBe('[-0.5>0]');
    expect(sub(ACTIVATIONS.tanh.tex(SLOT.z), '-0.5')).toBe('\\tanh(-0.5)');
  });
});

describe('sums and products', () => {
  it('bracket a negative leading number, or a whole negative expression, after an operator', () => {
    expect(plus(['1 \\cdot 0.1', '-0.5 \\cdot (-0.2)'])).toBe('1 \\cdot 0.1 + (-0.5) \\cdot (-0.2)');
    expect(plus(['-0.5', '-\\frac{0.1}{0.3}'])).toBe('-0.5 + (-\\frac{0.1}{0.3})');
    expect(minus('0.3', '-1.0\\times10^{-5}')).toBe('0.3 - (-1.0\\times10^{-5})');
    expect(guard('0.25')).toBe('0.25');
  });

  it('tell a sum from a product at the top level', () => {
    expect(isSum(templates.fPrime('tanh'))).toBe(true); // 1 − a²
    expect(isSum(templates.fPrime('sigmoid'))).toBe(false); // a(1 − a)
    expect(isSum(templates.lossGrad('bce'))).toBe(true);
    expect(isSum(templates.lossGrad('sse'))).toBe(false); // −2(t − a): the leading sign is not a sum
  });
});

describe('matrices', () => {
  it('keep a cell opening with [ from reading as the row-spacing argument of \\\\', () => {
    expect(matrix([['[0.3>0]'], ['[-0.2>0]']])).toBe(
      '\\begin{bmatrix}{}[0.3>0] \\\\ {}[-0.2>0]\\end{bmatrix}',
    );
  });
});
