import { describe, expect, it } from 'vitest';
import { plainSymbol } from '../../../src/components/formula/plainSymbol';

describe('plainSymbol', () => {
  it.each([
    ['w_{1,1}', 'w₁,₁'],
    ['\\frac{\\partial E}{\\partial w_{2,1}}', '∂E/∂w₂,₁'],
    ['X_{\\text{hidden},3}', 'X_hidden,3'],
    ['\\delta^{2}_{1}', 'δ²₁'],
    ['a \\times b', 'a×b'],
  ])('%s → %s', (tex, text) => expect(plainSymbol(tex)).toBe(text));
});
