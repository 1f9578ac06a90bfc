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

describe('large matrices are cut as a textbook writes them', () => {
  const grid = (rows: number, cols: number) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `${i}.${j}`));
  const cells = (tex: string) =>
    tex
      .replace(/^\\begin\{bmatrix\}|\\end\{bmatrix\}$/g, '')
      .split(' \\\\ ')
      .map((r) => r.split(' & '));

  it('leaves a matrix of up to 12 rows and 12 columns whole', () => {
    expect(cells(matrix(grid(12, 12)))).toEqual(grid(12, 12));
    expect(cells(matrix(grid(3, 1)))).toEqual(grid(3, 1));
  });

  it('keeps the first ten rows and columns and the last of a 64 × 64 matrix, with ⋮, ⋯ and ⋱ between', () => {
    const c = cells(matrix(grid(64, 64)));
    expect(c).toHaveLength(12);
    for (const row of c) expect(row).toHaveLength(12);
    const keep = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, null, 63];
    keep.forEach((i, r) =>
      keep.forEach((j, k) => {
        const want = i === null ? (j === null ? '\\ddots' : '\\vdots') : j === null ? '\\cdots' : `${i}.${j}`;
        expect(c[r][k]).toBe(want);
      }),
    );
  });

  it('cuts a long column or row vector the same way', () => {
    expect(cells(matrix(grid(64, 1))).map((r) => r[0])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `${i}.0`),
      '\\vdots',
      '63.0',
    ]);
    expect(cells(matrix(grid(1, 13)))[0]).toEqual([
      ...Array.from({ length: 10 }, (_, j) => `0.${j}`),
      '\\cdots',
      '0.12',
    ]);
  });
});
