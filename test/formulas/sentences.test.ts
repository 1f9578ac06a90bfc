import { describe, expect, it } from 'vitest';
import { traceStep, type Lesson } from '../../src/engine';
import { formulaFor } from '../../src/formulas';
import { NARRATED_VALUES, narrationOf } from '../../src/formulas/narration';
import { formatPlain } from '../../src/formulas/plain';
import { translate, type Locale } from '../../src/i18n';
import { fixedBiases, lesson001, lesson002, lesson003, lesson004 } from '../../src/lessons';
import { buildTimeline, type Granularity } from '../../src/steps';
import { vId } from '../support/ids';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function timeline(lesson: Lesson, g: Granularity = 'neuron') {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error('trace');
  return buildTimeline(lesson, r.trace, g);
}

/** The step sentence and the narration of the step writing `id`, in `locale`. */
function read(lesson: Lesson, id: string, locale: Locale = 'en', g: Granularity = 'neuron', digits = 4) {
  const tl = timeline(lesson, g);
  const step = tl.steps.find((s) => s.writes.includes(vId(id)))!;
  expect(step, id).toBeDefined();
  const f = formulaFor(step, tl, lesson, { digits });
  const n = narrationOf(lesson, step.phase, f.results, digits);
  const items = n.items.map((i) => translate(locale, i.key, i.params));
  if (n.more) items.push(translate(locale, 'narrate.more', { count: n.more }));
  return {
    sentence: translate(locale, f.sentence.key, f.sentence.params),
    narration: translate(locale, 'narrate.sentence', {
      phase: translate(locale, n.phase.key),
      items: items.join(translate(locale, 'narrate.join')),
    }),
  };
}

describe('step sentences name the quantity as the lesson does', () => {
  it.each([
    // lesson 004 (X, O, δ with the layer's name), lesson 001 (h′, h, Φ, W¹ᵢⱼ, α), standard (z, a, δ, w, η)
    ['lesson004', lesson004, 'z:1:1', 'The weighted sum X_hidden,2 of hidden neuron 2:'],
    ['lesson004', lesson004, 'a:2:0', 'The activation O_output,1 of output neuron 1:'],
    ['lesson004', lesson004, 'd:1:1', 'The error term δ_hidden,2 of hidden neuron 2:'],
    ['lesson004', lesson004, 'd:2:0', 'The error term δ_output,1 of output neuron 1:'],
    ['lesson001', lesson001, 'z:1:2', 'The weighted sum h′₃ of hidden neuron 3:'],
    ['lesson001', lesson001, 'd:1:0', 'The error term ∂E/∂h′₁ of hidden neuron 1:'],
    ['lesson002', lesson002, 'z:2:1', 'The weighted sum z²₂ of neuron 2 of hidden layer 2:'],
    ['lesson002', lesson002, 'a:3:0', 'The activation a³₁ of output neuron 1:'],
  ])('%s, %s', (_name, lesson, id, start) => {
    const { sentence } = read(lesson, id);
    expect(sentence.startsWith(start), sentence).toBe(true);
    expect(sentence).not.toMatch(/of layer \d/);
  });

  it('weights, biases and the learning rate by their symbols, in both languages', () => {
    const w = read(lesson004, 'dW:2:1:0', 'en', 'weight').sentence;
    expect(w).toBe(
      'The gradient ∂E/∂w′₁,₂ of the weight w′₁,₂ from hidden neuron 1 to output neuron 2: the error term δ_output,2 times the incoming activation.',
    );
    expect(read(lesson001, 'w+:1:0:0', 'en', 'weight').sentence).toContain('scaled by the learning rate α');
    expect(read(lesson004, 'w+:1:0:0', 'zh-CN', 'weight').sentence).toBe(
      '从输入 X₁ 到第 1 个隐藏层神经元的权重 w₁,₁ 沿梯度的反方向走一步，步长由学习率 η 决定。',
    );
    expect(read(fixedBiases, 'z:1:0').sentence).toMatch(
      /^The weighted sum z¹₁ of hidden neuron 1: .* plus the bias\.$/,
    );
    expect(read(lesson004, 'd:1:1', 'zh-CN').sentence).toMatch(/^第 2 个隐藏层神经元的误差项 δ_hidden,2：/);
  });
});

describe('narration: the phase, then each value computed, with its value', () => {
  // lesson 004 by hand: X_hidden,1 = 0.9·0.9 + 0.3·0.1 + 0.4·0.8 = 1.16, O_hidden,1 = σ(1.16)
  it('reads the lesson’s own numbers (worked independently)', () => {
    expect(read(lesson004, 'z:1:0').narration).toBe(
      'Forward: the weighted sum X_hidden,1 of hidden neuron 1 is 1.16.',
    );
    expect(read(lesson004, 'a:1:0').narration).toBe(
      `Forward: the activation O_hidden,1 of hidden neuron 1 is ${formatPlain(sigmoid(1.16), 4)}.`,
    );
    expect(sigmoid(1.16)).toBeCloseTo(0.7613, 4);
    expect(read(lesson004, 'a:1:0', 'zh-CN').narration).toBe(
      '前向：第 1 个隐藏层神经元的激活值 O_hidden,1 为 0.7613。',
    );
  });

  it('the error term of a hidden neuron, as the lesson computes it by the chain rule', () => {
    // independent forward and backward pass of lesson 004 (E = Σ(target − O)², sigmoid, no biases)
    const L = lesson004;
    const x = L.sample.input;
    const W1 = L.weights[0];
    const W2 = L.weights[1];
    const h = W1.map((row) => sigmoid(row.reduce((acc, w, k) => acc + w * x[k], 0)));
    const o = W2.map((row) => sigmoid(row.reduce((acc, w, k) => acc + w * h[k], 0)));
    const dOut = o.map((oj, j) => 2 * (oj - L.sample.target[j]) * oj * (1 - oj));
    const d2 = W2.reduce((acc, row, j) => acc + row[1] * dOut[j], 0) * h[1] * (1 - h[1]);
    const { narration } = read(lesson004, 'd:1:1');
    expect(narration).toContain(`the error term δ_hidden,2 of hidden neuron 2 is ${formatPlain(d2, 4)}`);
    expect(narration.startsWith('Backward: ')).toBe(true);
    const zh = read(lesson004, 'd:1:1', 'zh-CN').narration;
    expect(zh).toContain(`第 2 个隐藏层神经元的误差项 δ_hidden,2 为 ${formatPlain(d2, 4)}`);
    expect(zh.startsWith('反向：')).toBe(true);
  });

  it('the loss, gradients and updates by their symbols; the digits setting', () => {
    expect(read(lesson004, 'E', 'en', 'neuron', 6).narration).toMatch(/^Loss: the loss E is \d\.\d{5}\.$/);
    expect(read(lesson004, 'dW:1:0:0', 'en', 'weight').narration).toMatch(
      /^Gradients: the gradient ∂E\/∂w₁,₁ is -?\d/,
    );
    expect(read(lesson004, 'w+:2:0:0', 'en', 'weight').narration).toMatch(
      /^Update: the updated weight w′₁,₁_new is -?\d/,
    );
  });

  it('a step of many values names the first few and counts the rest', () => {
    // layer detail of lesson 003's mini-batch: a whole layer forward at once
    const tl = timeline(lesson003, 'layer');
    const step = tl.steps.find((s) => s.writes.length > NARRATED_VALUES)!;
    const f = formulaFor(step, tl, lesson003, { digits: 4 });
    const n = narrationOf(lesson003, step.phase, f.results, 4);
    expect(n.items).toHaveLength(NARRATED_VALUES);
    expect(n.more).toBe(f.results.length - NARRATED_VALUES);
    expect(translate('en', 'narrate.more', { count: n.more })).toBe(`and ${n.more} more values`);
  });
});
