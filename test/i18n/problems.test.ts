import { describe, expect, it } from 'vitest';
import { FOUND_KINDS, LIST_KINDS, parseLesson, PROBLEM_CODES, type LessonProblem } from '../../src/engine';
import { en } from '../../src/i18n/en';
import type { MessageKey } from '../../src/i18n/keys';
import { problemText } from '../../src/i18n/problems';
import { translate, type Locale, type Params } from '../../src/i18n/translate';
import { zhCN } from '../../src/i18n/zh-CN';
import { gateLesson, refusalMessage } from '../../src/store/gate';
import { baseLesson, CODE_CASES, KIND_CASES } from '../engine/problemCases';

const tr = (locale: Locale) => (key: MessageKey, params?: Params) => translate(locale, key, params);
const CJK = /[\u4e00-\u9fff]/;
const cases = [...CODE_CASES, ...KIND_CASES];
const byName = (name: string) => cases.find((k) => k.name === name)!.expected;

describe('problem messages', () => {
  it('every code, found kind and list kind has an English and a Chinese message', () => {
    const keys = [
      ...PROBLEM_CODES.map((c) => `problem.${c}`),
      ...FOUND_KINDS.map((k) => `problem.found.${k}`),
      ...LIST_KINDS.map((k) => `problem.what.${k}`),
    ];
    for (const key of keys) {
      expect(en, key).toHaveProperty([key]);
      expect(zhCN[key as keyof typeof zhCN], key).toMatch(CJK);
    }
  });

  it.each(cases.map((k) => [k.name, k.expected] as const))('%s: English is the engine’s message', (_n, p) => {
    expect(problemText(tr('en'), p)).toBe(p.message);
  });

  it.each(cases.map((k) => [k.name, k.expected] as const))(
    '%s: Chinese, every placeholder filled',
    (_n, p) => {
      const text = problemText(tr('zh-CN'), p);
      expect(text).toMatch(CJK);
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toContain(p.message);
    },
  );

  it('writes natural Chinese, with nested codes translated', () => {
    const zh = (name: string) => problemText(tr('zh-CN'), byName(name));
    expect(zh('a missing row')).toBe('行数（第 1 层的每个神经元一行）为 2，应恰好为 3');
    expect(zh('one layer')).toBe('层数为 1，应在 2 到 10 之间');
    expect(zh('learning rate as text')).toBe('应为数字，实际为 "abc"');
    expect(zh('a title without Chinese')).toBe('应为文本，实际缺失');
    expect(zh('a future version')).toBe('应为 1，实际为 2（此版本只能读取第 1 版）');
    expect(zh('a misspelt activation')).toMatch(/^应为 sigmoid, tanh, .* 之一，实际为 "sigmod"$/);
  });

  it('falls back to the English message for a problem without a known code', () => {
    const p = byName('learning rate as text');
    const t = tr('zh-CN');
    expect(problemText(t, { path: '$', message: 'Unexpected token' })).toBe('Unexpected token');
    expect(problemText(t, { ...p, code: 'madeUp' as never })).toBe(p.message);
    expect(problemText(t, { ...p, params: { ...p.params, found: 'madeUp' } })).toBe(p.message);
    expect(problemText(t, { ...p, params: { what: 'madeUp', count: 1, expected: 2 } })).toBe(p.message);
  });
});

describe('a problem in a notice', () => {
  const first = (): LessonProblem => {
    const o = baseLesson();
    o.version = 3;
    o.loss = 'hinge';
    const r = parseLesson(o);
    if (r.ok) throw new Error('expected a refusal');
    return r.problems[0];
  };

  it('rides as data: the refusal’s notice holds the problem itself, path and code', () => {
    const o = baseLesson();
    o.version = 3;
    o.loss = 'hinge';
    const r = gateLesson(o);
    if (r.ok) throw new Error('expected a refusal');
    const notice = refusalMessage(r.refusal, { format: 'link.invalid', nonFinite: 'link.nonFinite' });
    expect(notice).toEqual({ key: 'link.invalid', params: { problem: first(), count: 2 } });
    expect((notice.params?.problem as LessonProblem).code).toBe('wrongVersion');
  });

  it('a problem without a code reads as its English message in every language', () => {
    const plain = { path: '$', message: 'too big' };
    expect(translate('zh-CN', 'files.invalidLesson', { problem: plain })).toBe(
      zhCN['files.invalidLesson'].replace('{problem}', 'too big'),
    );
    expect(translate('en', 'files.invalidLesson', { problem: { path: 'x', message: 'bad' } })).toBe(
      'it is not a valid lesson (x: bad).',
    );
  });

  it('is translated with the message that carries it', () => {
    const params = { problem: first(), count: 2 };
    expect(translate('en', 'link.invalid', params)).toBe(
      'This share link holds a lesson that cannot be opened (2 problems; the first: version: expected 1, found 3 (this version reads version 1)).',
    );
    expect(translate('zh-CN', 'link.invalid', params)).toBe(
      '这个分享链接里的课程无法打开（共 2 处问题，第一处：version: 应为 1，实际为 3（此版本只能读取第 1 版））。',
    );
  });

  it('leaves other messages as they were', () => {
    expect(translate('zh-CN', 'link.version', { version: 2 })).toBe(
      zhCN['link.version'].replace('{version}', '2'),
    );
    expect(translate('en', 'link.broken')).toBe(en['link.broken']);
  });
});
