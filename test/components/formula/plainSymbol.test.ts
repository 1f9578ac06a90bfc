import { describe, expect, it } from 'vitest';
import { plainSymbol } from '../../../src/components/formula/plainSymbol';

describe('plainSymbol', () => {
  it.each([
    ['w_{1,1}', 'w 1,1'],
    ['\\frac{\\partial E}{\\partial w_{2,1}}', '∂ E/∂ w 2,1'],
    ['X_{\\text{hidden},3}', 'X hidden,3'],
    ['\\delta^{2}_{1}', 'δ 2 1'],
    ['a \\times b', 'a × b'],
  ])('%s → %s', (tex, text) => expect(plainSymbol(tex)).toBe(text));
});
