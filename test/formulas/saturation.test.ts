/**
 * Saturated lessons: every "with the numbers" row stays true. An output rounded to 1 is shown as (1 − ε), so no row
 * reads 1(1 − 1), 1/(1 − 1), ln(1 − 1) or 1 − 1; and ∂E/∂a · f′ = δ at the digits shown. Expected numbers are worked
 * from e^{−40} = 4.2483542552915889×10⁻¹⁸ by hand (σ(−40) = e^{−40}/(1 + e^{−40}) to every digit shown).
 */
import { describe, expect, it } from 'vitest';
import { traceStep, type Lesson } from '../../src/engine';
import { formulaFor, parseFormatted, type Formula } from '../../src/formulas';
import { buildTimeline, type Granularity } from '../../src/steps';
import { outputLesson } from '../support/lessons';

/** A 1-2-1 lesson whose hidden sigmoids saturate (z = 40 and −40) under a tanh output. */
const hiddenLesson: Lesson = {
  ...outputLesson('tanh', 'halfSse', [0], [0]),
  layers: [{ size: 1 }, { size: 2, activation: 'sigmoid' }, { size: 1, activation: 'tanh' }],
  useBias: false,
  weights: [[[40], [-40]], [[0.5, 0.25]]],
  biases: [[0, 0], [0]],
};

function formulas(lesson: Lesson, g: Granularity, digits = 4): Map<string, Formula> {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error('the lesson must trace');
  const tl = buildTimeline(lesson, r.trace, g);
  return new Map(tl.steps.map((s) => [s.id, formulaFor(s, tl, lesson, { digits })]));
}

/** The number after the last `=` of a result. */
const resultOf = (f: Formula): number => parseFormatted(f.result.split(' = ').at(-1)!);

const EPS = '\\left(1-4.248\\times10^{-18}\\right)';
/**
 * 1 − 1 in any spacing, ln 0, or a division by 0. (1 − t) with a target t = 1 is exact and allowed: the factor (1-1)\ln
 * of the cross-entropy term and the numerator \frac{1-1}{…} of its gradient.
 */
const DEGENERATE = /(?<![\d.])1\s*-\s*1(?![\d.]|\\times|\)\\ln|\}\{)|\\ln\s*0(?![\d.])|\\frac\{[^{}]*\}\{0\}/;

const SCENARIOS: [string, Lesson][] = [
  ['sigmoid + ½SSE, z = 40, t = 0', outputLesson('sigmoid', 'halfSse', [40], [0])],
  ['sigmoid + BCE, z = 40, t = 0', outputLesson('sigmoid', 'bce', [40], [0])],
  ['sigmoid + BCE, z = 40, t = 1', outputLesson('sigmoid', 'bce', [40], [1])],
  ['sigmoid + CCE, z = 40, t = 1', outputLesson('sigmoid', 'cce', [40], [1])],
  ['tanh + MSE, z = −40, t = 0', outputLesson('tanh', 'mse', [-40], [0])],
  ['softmax + CCE, z = (40, 0, 0)', outputLesson('softmax', 'cce', [40, 0, 0], [1, 0, 0])],
  ['softmax + BCE, z = (40, 0)', outputLesson('softmax', 'bce', [40, 0], [0, 1])],
  ['saturated hidden sigmoids', hiddenLesson],
];

describe('no substituted row is degenerate', () => {
  it.each(SCENARIOS)('%s', (_name, lesson) => {
    for (const g of ['neuron', 'layer', 'weight'] as Granularity[])
      for (const d of [2, 4, 10])
        for (const [id, f] of formulas(lesson, g, d))
          expect(`${g} ${id} (${d} digits): ${f.substituted}`).not.toMatch(DEGENERATE);
  });
});

describe('saturated output rows, at 4 digits', () => {
  it('sigmoid + ½SSE: σ′ = a(1 − a) with a = 1 − σ(−40) reads 4.248×10⁻¹⁸, and ∂E/∂a · σ′ = δ', () => {
    const f = formulas(outputLesson('sigmoid', 'halfSse', [40], [0]), 'neuron');
    const fp = f.get('backward/fp/1/0')!;
    expect(fp.substituted).toBe(`\\sigma'(z^{1}_{1}) = ${EPS}(1-${EPS})`);
    expect(fp.result).toBe("\\sigma'(z^{1}_{1}) = 4.248\\times10^{-18}");
    const dA = resultOf(f.get('backward/dA/1/0')!);
    expect(dA).toBe(1); // −(0 − σ(40))
    expect(f.get('backward/delta/1/0')!.substituted).toBe('\\delta^{1}_{1} = 1 \\cdot 4.248\\times10^{-18}');
    expect(resultOf(f.get('backward/delta/1/0')!)).toBe(4.248e-18);
  });

  it('sigmoid + BCE, t = 0: ∂E/∂a = 1/(1 − a) = 1 + e^{40} = 2.354×10¹⁷, ln(1 − a) = −40, ∂E/∂a · σ′ = δ = 1', () => {
    const f = formulas(outputLesson('sigmoid', 'bce', [40], [0]), 'neuron');
    const dA = f.get('backward/dA/1/0')!;
    expect(dA.substituted).toContain(`\\frac{1-0}{1-${EPS}}`);
    expect(dA.result).toContain('2.354\\times10^{17}');
    expect(f.get('loss/term/0')!.substituted).toContain(`\\ln(1-${EPS})`);
    expect(f.get('loss/term/0')!.result).toBe('e_{1} = 40');
    expect(f.get('backward/delta/1/0')!.substituted).toBe(`\\delta^{1}_{1} = ${EPS} - 0`);
    const product = resultOf(dA) * resultOf(f.get('backward/fp/1/0')!);
    expect(product).toBeCloseTo(resultOf(f.get('backward/delta/1/0')!), 3); // 2.354e17 · 4.248e-18 = 1.0000
  });

  it('sigmoid + BCE, t = 1: δ = a − t = −σ(−40) = −4.248×10⁻¹⁸, not 1 − 1 = 0', () => {
    const f = formulas(outputLesson('sigmoid', 'bce', [40], [1]), 'neuron');
    const delta = f.get('backward/delta/1/0')!;
    expect(delta.substituted).toBe(`\\delta^{1}_{1} = ${EPS} - 1`);
    expect(delta.result).toBe('\\delta^{1}_{1} = -4.248\\times10^{-18}');
    expect(resultOf(f.get('loss/term/0')!)).toBe(4.248e-18); // −ln σ(40) = ln(1 + e^{−40})
    const product = resultOf(f.get('backward/dA/1/0')!) * resultOf(f.get('backward/fp/1/0')!);
    expect(product / resultOf(delta)).toBeCloseTo(1, 3);
    const layer = formulas(outputLesson('sigmoid', 'bce', [40], [1]), 'layer').get('backward/layer/1')!;
    expect(layer.substituted).toContain(
      `\\begin{bmatrix}${EPS}\\end{bmatrix} - \\begin{bmatrix}1\\end{bmatrix}`,
    );
  });

  it('softmax + CCE: 1 − a₁ = 2e^{−40}/(1 + 2e^{−40}) = 8.497×10⁻¹⁸ shown inside a₁', () => {
    const f = formulas(outputLesson('softmax', 'cce', [40, 0, 0], [1, 0, 0]), 'neuron');
    expect(f.get('loss/term/0')!.substituted).toBe('e_{1} = -1\\ln \\left(1-8.497\\times10^{-18}\\right)');
    expect(f.get('loss/term/0')!.result).toBe('e_{1} = 8.497\\times10^{-18}');
    expect(f.get('backward/delta/1/0')!.result).toBe('\\delta^{1}_{1} = -8.497\\times10^{-18}');
  });

  it('tanh at z = −40: tanh′ = 1 − a² with a = −1 + 2e^{−80}: 4e^{−80} = 7.22×10⁻³⁵', () => {
    const f = formulas(outputLesson('tanh', 'mse', [-40], [0]), 'neuron', 3);
    // 2e^{−80}/(1 + e^{−80}) = 3.6097×10⁻³⁵ and 4e^{−80} = 7.2194×10⁻³⁵
    expect(f.get('backward/fp/1/0')!.substituted).toBe(
      "\\tanh'(z^{1}_{1}) = 1-{\\left(-1+3.61\\times10^{-35}\\right)}^{2}",
    );
    expect(f.get('backward/fp/1/0')!.result).toBe("\\tanh'(z^{1}_{1}) = 7.22\\times10^{-35}");
  });
});

describe('saturated hidden neurons', () => {
  it('δ = (Σ w δ) · σ′ with σ′(±40) = 4.248×10⁻¹⁸ written from a = 1 − ε and a = ε', () => {
    const f = formulas(hiddenLesson, 'neuron');
    const d1 = f.get('backward/delta/1/0')!;
    expect(d1.substituted).toContain(`${EPS}(1-${EPS})`);
    const d2 = f.get('backward/delta/1/1')!;
    expect(d2.substituted).toContain('4.248\\times10^{-18}(1-4.248\\times10^{-18})');
    // δ²: y = tanh(0.5) = 0.46212, δ² = y(1 − y²) = 0.36343; δ¹₁ = 0.5 · 0.36343 · 4.2484e-18 = 7.720×10⁻¹⁹
    expect(d1.result).toContain('\\delta^{1}_{1} = 7.72\\times10^{-19}');
    expect(d2.result).toContain('\\delta^{1}_{2} = 3.86\\times10^{-19}');
  });
});
