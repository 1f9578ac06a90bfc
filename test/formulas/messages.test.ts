import { describe, expect, it } from 'vitest';
import { formulaMessages } from '../../src/formulas/messages.zh-CN';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('formula message tables', () => {
  const en: Record<string, string> = formulaMessages.en;
  const zh: Record<string, string> = formulaMessages['zh-CN'];

  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(formulaMessages.en))('%s takes the same {params} in both languages', (key) => {
    expect(params(zh[key])).toEqual(params(en[key]));
    expect(en[key].trim()).not.toBe('');
    expect(zh[key]).toMatch(/[\u4e00-\u9fff]/); // written in Chinese
  });
});
