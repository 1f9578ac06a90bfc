import { describe, expect, expectTypeOf, it } from 'vitest';
import { formulaMessages } from '../../src/formulas/messages.zh-CN';
import { en } from '../../src/i18n/en';
import type { AppMessageKey, MessageKey, MessageTable, PluralKey, Translator } from '../../src/i18n/keys';
import { translate } from '../../src/i18n/translate';
import { zhCN } from '../../src/i18n/zh-CN';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const messagesOf = (table: object) => Object.keys(table).filter((k) => !k.includes('#'));

describe('message keys are types', () => {
  it('t(key) takes the messages of both tables, and nothing else', () => {
    expectTypeOf<'controls.next'>().toExtend<MessageKey>();
    expectTypeOf<'step.z'>().toExtend<MessageKey>(); // a formula sentence
    expectTypeOf<'no.such.key'>().not.toExtend<MessageKey>();
    // a plural form is chosen by `count`, never asked for by name
    expectTypeOf<'chain.paths#=1'>().not.toExtend<MessageKey>();
    expectTypeOf<'chain.paths#=1'>().toExtend<PluralKey>();
    const t: Translator = (key, p) => translate('en', key, p);
    // @ts-expect-error an unknown key does not compile
    expect(t('controls.nxet')).toBe('controls.nxet');
    // @ts-expect-error nor does a plural form by name
    expect(t('chain.paths#=1')).toBe('One path from this weight to the loss');
  });

  it('a table lacking a message, or holding one that does not exist, does not compile', () => {
    type Two = MessageTable<'a' | 'b'>;
    // @ts-expect-error 'b' is missing
    const missing: Two = { a: 'A' };
    // @ts-expect-error 'c' is no message
    const extra: Two = { a: 'A', b: 'B', c: 'C' };
    // @ts-expect-error a plural form of no message
    const strayForm: Two = { a: 'A', b: 'B', 'c#=1': 'C' };
    const forms: Two = { a: 'A', b: 'B', 'a#=1': 'one A', 'b#other': 'Bs' };
    expect([missing, extra, strayForm, forms]).toHaveLength(4);
  });

  it('the Chinese table has exactly the English messages (its type says so too)', () => {
    expectTypeOf(zhCN).toExtend<MessageTable<AppMessageKey>>();
    expect(messagesOf(zhCN).sort()).toEqual(messagesOf(en).sort());
    expect(messagesOf(formulaMessages['zh-CN']).sort()).toEqual(messagesOf(formulaMessages.en).sort());
  });

  it('every plural form, in either language, is a form of a message', () => {
    const messages = new Set([...messagesOf(en), ...messagesOf(formulaMessages.en)]);
    const forms = [en, zhCN, formulaMessages.en, formulaMessages['zh-CN']].flatMap((t) =>
      Object.keys(t).filter((k) => k.includes('#')),
    );
    expect(forms.length).toBeGreaterThan(5);
    for (const form of forms) {
      const [key, plural] = form.split('#');
      expect(messages.has(key), form).toBe(true);
      expect(plural, form).toMatch(/^(=\d+|zero|one|two|few|many|other)$/);
    }
  });

  it('the tables are the sum of their sections, none of which repeats a key of another', () => {
    const sections = import.meta.glob<Record<string, object>>('../../src/i18n/{en,zh-CN}/*.ts', {
      eager: true,
    });
    for (const [language, merged] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      const parts = Object.entries(sections)
        .filter(([path]) => path.includes(`/${language}/`) && !path.endsWith('/index.ts'))
        .flatMap(([, module]) => Object.values(module));
      expect(parts.length, language).toBeGreaterThanOrEqual(7);
      const keys = parts.flatMap((part) => Object.keys(part));
      expect(new Set(keys).size, language).toBe(keys.length);
      expect(keys.sort(), language).toEqual(Object.keys(merged).sort());
    }
  });

  it('the product’s keys and the formula sentences’ never overlap', () => {
    const formula = new Set(Object.keys(formulaMessages.en));
    expect(Object.keys(en).filter((k) => formula.has(k))).toEqual([]);
  });

  it.each(messagesOf(en))('%s takes the same {params} in both languages', (key) => {
    const english = (en as Record<string, string>)[key];
    const chinese = (zhCN as Record<string, string>)[key];
    expect(params(chinese)).toEqual(params(english));
    for (const form of Object.keys(zhCN).filter((k) => k.startsWith(`${key}#`)))
      expect(
        params((zhCN as Record<string, string>)[form]).every((p) => params(english).includes(p)),
        form,
      ).toBe(true);
  });
});
