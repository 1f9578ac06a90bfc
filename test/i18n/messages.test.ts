import { describe, expect, it } from 'vitest';
import { parseLesson, type NonFiniteCondition } from '../../src/engine';
import { nonFiniteParams, problemText, translate, type MessageKey, type Params } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { formulaMessages } from '../../src/formulas/messages.zh-CN';
import { lesson001, lesson002, lesson004 } from '../../src/lessons';
import { parseLessonFile, serialiseLesson } from '../../src/store/persist';
import { applyEdit } from '../../src/store/edits';

const tr = (locale: 'en' | 'zh-CN') => (key: MessageKey, params?: Params) => translate(locale, key, params);

describe('messages with a count agree with it', () => {
  it.each([
    ['chain.paths', 1, 'One path from this weight to the loss', '从这个权重到损失只有一条路径'],
    ['chain.paths', 3, '3 paths from this weight to the loss', '从这个权重到损失共有 3 条路径'],
    ['chain.morePaths', 1, 'and one more path', '另有一条路径'],
    ['chain.morePaths', 7, 'and 7 more paths', '另有 7 条路径'],
    ['step.lossTotal', 1, 'The loss E is the term of the only output.', '只有一个输出，它的项就是损失 E。'],
    [
      'step.lossTotal',
      2,
      'The loss E adds up the terms of all 2 outputs.',
      '把全部 2 个输出的项加起来，就是损失 E。',
    ],
    ['step.layerLoss', 1, 'The loss E of the only output.', '唯一一个输出的损失 E。'],
    ['train.speedValue', 1, '1 sample/s', '每秒 1 个样本'],
    ['train.speedValue', 1000, '1000 samples/s', '每秒 1000 个样本'],
    ['controls.speedValue', 1, '1 step/s', '每秒 1 步'],
    ['controls.speedValue', 0.5, '0.5 steps/s', '每秒 0.5 步'],
  ] as [MessageKey, number, string, string][])('%s with %d', (key, count, english, chinese) => {
    expect(translate('en', key, { count })).toBe(english);
    expect(translate('zh-CN', key, { count })).toBe(chinese);
  });

  it('no message says "all 1" or "1 … problems" in any language, whatever its count', () => {
    const tables = [en, zhCN, formulaMessages.en, formulaMessages['zh-CN']] as Record<string, string>[];
    // path.sum and path.truncated (and their bias forms) count two paths or more (one path is path.single);
    // a mini-batch's steps (step.batchLoss) exist only for two samples or more
    const never1 = ['path.sum', 'path.truncated', 'path.sumBias', 'path.truncatedBias', 'step.batchLoss'];
    const keys = new Set(
      tables.flatMap((t) => Object.keys(t)).filter((k) => !k.includes('#') && !never1.includes(k)),
    );
    for (const key of keys) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = translate(locale, key as MessageKey, { count: 1, problem: 'x', shown: 1 });
        if (!/\{count\}/.test((tables[0][key] ?? formulaMessages.en[key as never]) as string)) continue;
        expect(text, `${locale} ${key}`).not.toMatch(
          /\ball 1\b|\b1 (paths|outputs|problems|samples|steps)\b|全部 1 个/,
        );
      }
    }
  });

  it('a share link with one problem does not count it', () => {
    const r = parseLesson({ ...JSON.parse(serialiseLesson(lesson004)), version: 3 });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.problems).toHaveLength(1);
    const params = { problem: r.problems[0], count: 1 };
    expect(translate('en', 'link.invalid', params)).toBe(
      'This share link holds a lesson that cannot be opened (version: expected 1, found 3 (this version reads version 1)).',
    );
  });

  it('a list of one item is singular in English', () => {
    const o = JSON.parse(serialiseLesson(lesson004));
    o.layers = [{ size: 3 }];
    const r = parseLesson(o);
    if (r.ok) throw new Error('expected a refusal');
    const p = r.problems.find((x) => x.path === 'layers')!;
    expect(p.message).toBe('has 1 layer; it must have 2 to 10');
    expect(problemText(tr('en'), p)).toBe('has 1 layer; it must have 2 to 10');
    expect(problemText(tr('zh-CN'), p)).toBe('层数为 1，应在 2 到 10 之间');
  });
});

describe('a non-finite quantity is named by its symbol and a plain description', () => {
  const condition = (c: Partial<NonFiniteCondition>): NonFiniteCondition => ({
    kind: 'nonFinite',
    quantity: 'z',
    layer: 1,
    neuron: 0,
    value: Infinity,
    ...c,
  });
  const say = (lesson: typeof lesson004, c: Partial<NonFiniteCondition>, locale: 'en' | 'zh-CN' = 'en') =>
    translate(locale, 'edit.nonFinite', nonFiniteParams(lesson, condition(c)));

  it('in lesson 004’s notation, English and Chinese', () => {
    expect(say(lesson004, { quantity: 'dLoss', layer: 2, neuron: 0 })).toBe(
      'That change makes ∂E/∂a of output neuron 1 (∂E/∂O_output,1) equal ∞; it was not applied.',
    );
    expect(say(lesson004, { quantity: 'dLoss', layer: 2, neuron: 0 }, 'zh-CN')).toBe(
      '此修改会使第 1 个输出神经元的损失导数 ∂E/∂O_output,1 变为 ∞，未予应用。',
    );
    expect(say(lesson004, { quantity: 'z', layer: 1, neuron: 2, value: NaN })).toBe(
      'That change makes the weighted sum X_hidden,3 of hidden neuron 3 equal NaN; it was not applied.',
    );
    expect(say(lesson004, { quantity: 'weight', layer: 2, neuron: 0, from: 1, value: -Infinity })).toBe(
      'That change makes the updated weight w′₂,₁ equal −∞; it was not applied.',
    );
  });

  it('in lesson 001’s and lesson 002’s notations', () => {
    expect(say(lesson001, { quantity: 'delta', layer: 1, neuron: 1 })).toBe(
      'That change makes the error term ∂E/∂h′₂ of hidden neuron 2 equal ∞; it was not applied.',
    );
    // lesson 002 has two hidden layers: the place says which
    expect(say(lesson002, { quantity: 'a', layer: 2, neuron: 1 })).toBe(
      'That change makes the activation a²₂ of neuron 2 of hidden layer 2 equal ∞; it was not applied.',
    );
    expect(say(lesson002, { quantity: 'db', layer: 1, neuron: 0 }, 'zh-CN')).toBe(
      '此修改会使梯度 ∂E/∂b¹₁ 变为 ∞，未予应用。',
    );
    expect(
      translate('en', 'error.nonFinite', nonFiniteParams(lesson002, condition({ quantity: 'loss' }))),
    ).toBe('The step is not shown: the loss E became ∞. Lower the learning rate or the weights.');
  });

  it('a real edit that overflows ∂E/∂a says so without internal names', () => {
    // cross-entropy on lesson 004, then a weight of 1000 into output 1: its z ≈ 1000 · 0.7 saturates the
    // sigmoid to exactly 1, so ∂E/∂a = (a − t) / (a(1 − a)) divides by 0
    const bce = applyEdit(lesson004, { kind: 'loss', loss: 'bce' });
    if (!bce.ok) throw new Error('bce');
    const r = applyEdit(bce.lesson, { kind: 'weight', layer: 2, neuron: 0, from: 0, value: 1000 });
    if (r.ok) throw new Error('expected a refusal');
    const text = translate('en', r.message.key, r.message.params);
    expect(text).toBe(
      'That change makes ∂E/∂a of output neuron 1 (∂E/∂O_output,1) equal ∞; it was not applied.',
    );
    expect(text).not.toMatch(/dLoss|of layer|neuron \d+ of layer/);
  });
});

describe('a refused edit names the value by its symbol, not by its path in the file', () => {
  it('a target outside 0 to 1 under cross-entropy, in lesson 004', () => {
    const bce = applyEdit(lesson004, { kind: 'loss', loss: 'bce' });
    if (!bce.ok) throw new Error('bce');
    const r = applyEdit(bce.lesson, { kind: 'target', index: 0, value: 2 });
    if (r.ok) throw new Error('expected a refusal');
    expect(translate('en', r.message.key, r.message.params)).toBe(
      'That change would make the lesson invalid (target₁: 2 must be between 0 and 1 for cross-entropy).',
    );
    expect(translate('zh-CN', r.message.key, r.message.params)).not.toContain('sample.target');
  });
});

describe('lesson-file problems', () => {
  it('a problem of the whole file reads as a sentence, never "$: …"', () => {
    const r = parseLessonFile('not json at all');
    if (r.ok) throw new Error('expected a refusal');
    expect(r.problems).toHaveLength(1);
    expect(problemText(tr('en'), r.problems[0])).toMatch(/^The file is not JSON: \S/);
    expect(problemText(tr('zh-CN'), r.problems[0])).toMatch(/^文件不是有效的 JSON：\S/);
    const notice = translate('en', 'edit.invalidLesson', { problem: r.problems[0] });
    expect(notice).toMatch(/^That change would make the lesson invalid \(The file is not JSON: /);
    expect(notice).not.toContain('$');
    const list = parseLessonFile('[1, 2]');
    if (list.ok) throw new Error('expected a refusal');
    expect(problemText(tr('en'), list.problems[0])).toBe(
      'The file does not hold a lesson: expected an object, found a list',
    );
  });

  it('a file with three faults lists all three, a misspelt activation included', () => {
    const o = JSON.parse(serialiseLesson(lesson004));
    o.version = 2;
    o.layers[1].activation = 'sigmod';
    o.weights[1][0][2] = 'abc';
    const r = parseLesson(o);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.problems.map((p) => p.path)).toEqual(['version', 'layers[1].activation', 'weights[1][0][2]']);
  });

  it('faults in the sample and biases are found beside a bad activation too', () => {
    const o = JSON.parse(serialiseLesson(lesson002));
    o.layers[3].activation = 'softplus';
    o.biases[0] = [0.1];
    o.sample.input = [1, 'two'];
    const r = parseLesson(o);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.problems.map((p) => p.path)).toEqual(['layers[3].activation', 'biases[0]', 'sample.input[1]']);
  });
});
