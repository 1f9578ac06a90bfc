import { describe, expect, it } from 'vitest';
import {
  edgeAria,
  edgeRows,
  edgeTitle,
  lettersOf,
  nodeAria,
  nodeName,
  nodeRows,
  nodeSymbol,
} from '../../src/components/graph/describe';
import { labelKeyOf, symbolOf, type EditTarget } from '../../src/components/editor/editTargets';
import { traceStep, type Lesson } from '../../src/engine';
import { formulaFor } from '../../src/formulas';
import { texToText, valueSymbol } from '../../src/formulas/symbols';
import { translate, type MessageKey, type Params } from '../../src/i18n';
import { layoutNetwork } from '../../src/layout';
import { PRESETS } from '../../src/lessons';
import { buildTimeline } from '../../src/steps';
import { eId, vId } from '../support/ids';
import type { EdgeId, ValueId } from '../../src/engine';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const format = (x: number) => x.toFixed(2);
const preset = (id: string) => PRESETS.find((p) => p.id === id)!.lesson;

describe('texToText', () => {
  it.each([
    ['w^{2}_{21}', 'w²₂₁'],
    ["w'_{2,1}", 'w′₂,₁'],
    ['X_{\\text{hidden},1}', 'X_hidden,1'],
    ['\\text{target}_{2}', 'target₂'],
    ["{h'}^{(1)}_{3}", 'h′⁽¹⁾₃'],
    ["\\frac{\\partial E}{\\partial {h'}_{1}}", '∂E/∂h′₁'],
    ['\\frac{\\partial E}{\\partial w^{1}_{12}}', '∂E/∂w¹₁₂'],
    ['\\delta^{2}_{1}', 'δ²₁'],
    ["\\sigma'(z^{1}_{1})", 'σ′(z¹₁)'],
    ['{w^{1}_{11}}_{\\text{new}}', 'w¹₁₁_new'],
    ['\\eta', 'η'],
    ['\\alpha', 'α'],
    ['\\bar{x}', 'x̄'],
    ['w^{(4)}_{1,2}', 'w⁽⁴⁾₁,₂'],
    ['W^{1}_{10,2}', 'W¹₁₀,₂'],
  ])('%s → %s', (tex, text) => expect(texToText(tex)).toBe(text));
});

describe('a value’s symbol follows the lesson’s notation', () => {
  it.each([
    // lesson 004: the weight from hidden neuron 2 to output neuron 1 is w′_{2,1} (w′_{k,j}, k → j)
    ['lesson004', 'w:2:0:1', "w'_{2,1}", 'w′₂,₁'],
    ['lesson004', 'w:1:2:0', 'w_{1,3}', 'w₁,₃'],
    ['lesson004', 'x:0', 'X_{1}', 'X₁'],
    ['lesson004', 'z:1:0', 'X_{\\text{hidden},1}', 'X_hidden,1'],
    ['lesson004', 'a:2:1', 'O_{\\text{output},2}', 'O_output,2'],
    ['lesson004', 't:1', '\\text{target}_{2}', 'target₂'],
    // lesson 001: x, h′ = xW¹, h, y, d; W^l_{ij} joins i to j; δ written ∂E/∂h′
    ['lesson001', 'x:0', 'x_{1}', 'x₁'],
    ['lesson001', 'w:1:2:1', 'W^{1}_{23}', 'W¹₂₃'],
    ['lesson001', 'z:1:0', "{h'}_{1}", 'h′₁'],
    ['lesson001', 'a:2:0', 'y', 'y'],
    ['lesson001', 't:0', 'd', 'd'],
    ['lesson001', 'd:1:1', "\\frac{\\partial E}{\\partial {h'}_{2}}", '∂E/∂h′₂'],
    ['lesson001', 'eta', '\\alpha', 'α'],
    // lesson 002: standard symbols with biases
    ['lesson002', 'b:2:1', 'b^{2}_{2}', 'b²₂'],
    ['lesson002', 'w:3:0:1', 'w^{3}_{12}', 'w³₁₂'],
    ['lesson002', 'd:2:0', '\\delta^{2}_{1}', 'δ²₁'],
  ])('%s %s: %s, %s', (id, value, tex, text) => {
    expect(valueSymbol(preset(id), vId(value))).toEqual({ tex, text });
  });
});

describe('the letters marking z, a and δ inside a neuron', () => {
  it.each([
    ['lesson004', 1, 0, { z: 'X', a: 'O', delta: 'δ' }],
    ['lesson001', 1, 2, { z: 'h′', a: 'h', delta: '∂E/∂h′' }],
    ['lesson001', 2, 0, { z: 'y′', a: 'y', delta: '∂E/∂y′' }],
    ['lesson002', 2, 1, { z: 'z', a: 'a', delta: 'δ' }],
  ])('%s, layer %i, neuron %i', (id, l, j, letters) => {
    expect(lettersOf(preset(id), l, j)).toEqual(letters);
  });
});

/** Every weight and bias of a lesson, with its edge id, value id and edit target. */
function edgesOf(lesson: Lesson) {
  const out: { edge: EdgeId; value: ValueId; target: EditTarget }[] = [];
  lesson.weights.forEach((m, i) =>
    m.forEach((row, j) =>
      row.forEach((_, k) =>
        out.push({
          edge: eId(`e:${i + 1}:${j}:${k}`),
          value: vId(`w:${i + 1}:${j}:${k}`),
          target: { kind: 'weight', layer: i + 1, neuron: j, from: k },
        }),
      ),
    ),
  );
  if (lesson.useBias)
    lesson.biases.forEach((row, i) =>
      row.forEach((_, j) =>
        out.push({
          edge: eId(`eb:${i + 1}:${j}`),
          value: vId(`b:${i + 1}:${j}`),
          target: { kind: 'bias', layer: i + 1, neuron: j },
        }),
      ),
    );
  return out;
}

describe.each(PRESETS.map((p) => [p.id, p.lesson] as const))(
  '%s: one symbol in every place',
  (_id, lesson) => {
    const sizes = lesson.layers.map((l) => l.size);
    const layout = layoutNetwork(sizes, lesson.useBias, { width: 800, height: 480 });
    const L = sizes.length - 1;
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace');
    const shown: Record<string, number> = {};
    // every value shown, so every tooltip row and spoken value is there
    const tl = buildTimeline(lesson, r.trace, 'weight');
    const formulas = tl.steps.map((s) => ({ step: s, f: formulaFor(s, tl, lesson, { digits: 4 }) }));
    for (const { f } of formulas) for (const o of [...f.operands, ...f.results]) shown[o.id] = o.value;
    /** The symbolic rule of the step that writes `id`. */
    const ruleWriting = (id: string) => formulas.find(({ step }) => step.writes.includes(id as never))!.f;

    it('every weight and bias: graph name, tooltip, edit field, chain-rule header and formula', () => {
      for (const { edge, value, target } of edgesOf(lesson)) {
        const { tex, text } = valueSymbol(lesson, value);
        const geom = layout.edgeById[edge];
        const w = target.kind === 'bias' ? lesson.biases[target.layer - 1][target.neuron] : 0.5;
        // the graph's spoken name and tooltip
        const aria = edgeAria(lesson, geom, w, shown, format, en);
        expect(
          aria.startsWith(target.kind === 'bias' ? `Bias ${text} of ` : `Weight ${text} from `),
          aria,
        ).toBe(true);
        expect(edgeTitle(lesson, geom, en).startsWith(text)).toBe(true);
        const rows = edgeRows(lesson, geom, w, shown, format, en);
        expect(rows[0].label).toBe(text);
        // a fixed bias has no gradient (nothing to show beside it)
        const trained = !(target.kind === 'bias' && lesson.conventions.fixedBiases);
        if (trained) {
          expect(rows[1].label).toBe(`∂E/∂${text}`);
          expect(aria).toContain(`∂E/∂${text}: `);
        }
        // the edit field's label and the chain-rule panel's header (both read symbolOf)
        expect(symbolOf(lesson, target)).toBe(text);
        expect(en(labelKeyOf(target), { name: symbolOf(lesson, target) })).toBe(
          `${target.kind === 'bias' ? 'Bias' : 'Weight'} ${text}`,
        );
        expect(en('chain.title', { weight: symbolOf(lesson, target) })).toBe(`Chain rule for ${text}`);
        // the formula: the gradient step writes ∂E/∂(the same TeX symbol)
        if (!trained) continue;
        const grad = ruleWriting(target.kind === 'bias' ? `db:${value.slice(2)}` : `dW:${value.slice(2)}`);
        expect(grad.symbolic, value).toContain(tex);
        expect(grad.operands.concat(grad.results).some((o) => o.symbol.includes(tex))).toBe(true);
      }
    });

    it('every neuron and input: graph label, spoken name, tooltip and formula', () => {
      sizes.forEach((n, l) => {
        for (let j = 0; j < n; j++) {
          const own = vId(l === 0 ? `x:${j}` : `a:${l}:${j}`);
          const { text } = valueSymbol(lesson, own);
          expect(nodeSymbol(lesson, l, j)).toBe(text);
          const name = nodeName(en, lesson, l, j);
          const kind = l === 0 ? 'input' : l === L ? 'output neuron' : 'hidden neuron';
          expect(name).toBe(`${kind} ${text}`);
          const rows = nodeRows(lesson, l, j, shown, format);
          const aria = nodeAria(name, rows, en);
          const ids = (l === 0 ? [`x:${j}`] : [`z:${l}:${j}`, `a:${l}:${j}`, `d:${l}:${j}`]).map(vId);
          for (const id of ids) {
            const s = valueSymbol(lesson, id);
            expect(rows.map((row) => row.label)).toContain(s.text);
            expect(aria).toContain(`${s.text} ${format(shown[id])}`);
            if (l > 0) expect(ruleWriting(id).symbolic, id).toContain(s.tex);
          }
          if (l === 0) {
            const target: EditTarget = { kind: 'input', index: j };
            expect(en(labelKeyOf(target), { name: symbolOf(lesson, target) })).toBe(`Input ${text}`);
            expect(zh(labelKeyOf(target), { name: symbolOf(lesson, target) })).toBe(`输入 ${text}`);
            expect(nodeName(zh, lesson, l, j)).toBe(`输入 ${text}`);
          }
          if (l === L) {
            const target: EditTarget = { kind: 'target', index: j };
            expect(symbolOf(lesson, target)).toBe(valueSymbol(lesson, vId(`t:${j}`)).text);
            expect(rows.map((row) => row.label)).toContain(valueSymbol(lesson, vId(`t:${j}`)).text);
          }
        }
      });
    });
  },
);

describe('a step’s sentence names an input by its symbol, never as "neuron k of layer 0"', () => {
  it.each([
    ['lesson004', 'dW:1:0:0', 'The gradient ∂E/∂w₁,₁ of the weight w₁,₁ from input X₁ to hidden neuron 1'],
    ['lesson001', 'dW:1:2:0', 'The gradient ∂E/∂W¹₁₃ of the weight W¹₁₃ from input x₁ to hidden neuron 3'],
    ['lesson001', 'w+:1:0:1', 'The weight W¹₂₁ from input x₂ to hidden neuron 1 takes a step'],
  ])('%s, the step writing %s', (id, value, start) => {
    const lesson = preset(id);
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace');
    const tl = buildTimeline(lesson, r.trace, 'weight');
    const step = tl.steps.find((s) => s.writes.includes(value as never))!;
    const { sentence } = formulaFor(step, tl, lesson, { digits: 4 });
    const english = en(sentence.key, sentence.params);
    expect(english.startsWith(start), english).toBe(true);
    expect(english).not.toMatch(/layer 0/);
    expect(zh(sentence.key, sentence.params)).not.toMatch(/第 0 层/);
  });
});
