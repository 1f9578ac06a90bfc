import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { traceLesson, traceStep } from '../../src/engine';
import { formatNumber, formulaFor, pathSumFormula } from '../../src/formulas';
import { fixedBiases, lesson003 } from '../../src/lessons';
import { buildTimeline, type Granularity, type Timeline } from '../../src/steps';

const GRANULARITIES: Granularity[] = ['neuron', 'layer', 'weight'];
const samples = lesson003.dataset?.kind === 'inline' ? lesson003.dataset.samples : [];

function timeline(g: Granularity): Timeline {
  const r = traceLesson(lesson003);
  if (!r.ok) throw new Error('does not trace');
  return buildTimeline(lesson003, r.trace, g);
}

/** Each sample's own gradients, from one-sample steps (nothing of the batch path involved). */
const perSample = samples.map((sample) => {
  const r = traceStep({ ...lesson003, sample });
  if (!r.ok) throw new Error('does not trace');
  return r.trace;
});

const renders = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error' });

describe("lesson 003's formulas", () => {
  it.each(GRANULARITIES)('every step renders, with operands equal to the values it reads (%s)', (g) => {
    const tl = timeline(g);
    for (const step of tl.steps) {
      const f = formulaFor(step, tl, lesson003, { digits: 4 });
      for (const tex of [f.symbolic, f.substituted, f.result]) renders(tex);
      expect([...new Set(f.operands.map((o) => o.id))], step.id).toEqual(step.reads);
      for (const o of f.operands) expect(o.value).toBe(tl.values[o.id]);
    }
  });

  it('writes a mean gradient as (1/m) Σ_x with the three per-sample numbers', () => {
    const tl = timeline('neuron');
    const step = tl.steps.find((s) => s.kind === 'meanGradients' && s.layer === 2 && s.neurons[0] === 1)!;
    const f = formulaFor(step, tl, lesson003, { digits: 4 });
    expect(f.symbolic).toContain('\\frac{1}{m} \\sum_{x}');
    expect(f.substituted).toContain('\\frac{1}{3}');
    // ∂E/∂w^2_{21}: the three per-sample gradients, as computed by one-sample steps, appear in order
    const shown = perSample.map((t) => formatNumber(t.layers[2].dW[1][0], 4));
    const at = shown.map((s) => f.substituted.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const mean =
      (perSample[0].layers[2].dW[1][0] + perSample[1].layers[2].dW[1][0] + perSample[2].layers[2].dW[1][0]) /
      3;
    expect(f.results[0].value).toBeCloseTo(mean, 15);
    expect(f.result).toContain(formatNumber(mean, 4));
  });

  it('shows the batch loss as the mean of the three losses', () => {
    const tl = timeline('layer');
    const step = tl.steps.find((s) => s.kind === 'batchLoss')!;
    const f = formulaFor(step, tl, lesson003, { digits: 4 });
    for (const t of perSample) expect(f.substituted).toContain(formatNumber(t.loss, 4));
    expect(f.results[0].value).toBeCloseTo(
      (perSample[0].loss + perSample[1].loss + perSample[2].loss) / 3,
      15,
    );
  });

  it("at layer detail, averages the three samples' gradient matrices", () => {
    const tl = timeline('layer');
    const step = tl.steps.find((s) => s.kind === 'layerMeanGradients' && s.layer === 1)!;
    const f = formulaFor(step, tl, lesson003, { digits: 4 });
    expect(f.substituted.match(/\\begin\{bmatrix\}/g)!.length).toBe(6); // three ∂E/∂W¹, three ∂E/∂b¹
    expect(f.symbolic).toContain('\\frac{1}{m} \\sum_{x}');
    // the factor 1/3 on each matrix, not on a bracketed sum, so that the row can break after each + sign
    expect(f.substituted.match(/\\frac\{1\}\{3\} \\begin\{bmatrix\}/g)!.length).toBe(6);
    expect(f.substituted).not.toContain('\\left(');
  });

  it("marks each sample's values with the sample's number", () => {
    const tl = timeline('neuron');
    const step = tl.steps.find((s) => s.sample === 1 && s.kind === 'z')!;
    const f = formulaFor(step, tl, lesson003, { digits: 4 });
    expect(f.results[0].symbol).toContain('^{(2)}');
    expect(f.results[0].value).toBe(perSample[1].layers[1].z[0]);
  });
});

describe('fixed biases in the formulas', () => {
  it('the weighted sum adds the bias, and the updates leave it out', () => {
    const r = traceStep(fixedBiases);
    if (!r.ok) throw new Error('does not trace');
    const tl = buildTimeline(fixedBiases, r.trace, 'neuron');
    const z = tl.steps.find((s) => s.kind === 'z')!;
    expect(formulaFor(z, tl, fixedBiases, { digits: 4 }).substituted).toContain('0.35');
    for (const s of tl.steps.filter((s) => s.phase === 'update' || s.phase === 'gradient')) {
      const f = formulaFor(s, tl, fixedBiases, { digits: 4 });
      expect(f.symbolic).not.toContain('b^{');
      expect(f.sentence.key.endsWith('Bias')).toBe(false);
    }
  });
});

describe('the chain rule of a weight in lesson 003', () => {
  it("sums the paths of the first sample's pass", () => {
    const r = traceLesson(lesson003);
    if (!r.ok) throw new Error('does not trace');
    const sum = pathSumFormula(lesson003, r.trace, { layer: 1, to: 0, from: 1 }, { digits: 4 });
    expect(sum.compactDelta).toBe(perSample[0].layers[1].dW[0][1]);
    expect(sum.total).toBeCloseTo(perSample[0].layers[1].dW[0][1], 14);
    renders(sum.tex.substituted);
  });
});
