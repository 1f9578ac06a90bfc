import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { traceStep, type Lesson } from '../../src/engine';
import { formulaFor } from '../../src/formulas';
import { FOLD_OVER, foldTerms } from '../../src/formulas/tex';
import { PRESETS } from '../../src/lessons';
import { buildTimeline } from '../../src/steps';
import { benchLesson } from '../../scripts/bench-ui';

function neuronTimeline(lesson: Lesson) {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error('no trace');
  return buildTimeline(lesson, r.trace, 'neuron');
}

describe('folded sums', () => {
  it('keeps the first three and the last two terms of a long sum', () => {
    const terms = Array.from({ length: 12 }, (_, i) => `t${i}`);
    expect(foldTerms(terms)).toEqual(['t0', 't1', 't2', '\\cdots', 't10', 't11']);
    expect(foldTerms(terms.slice(0, FOLD_OVER))).toEqual(terms.slice(0, FOLD_OVER));
  });

  it('folds z¹₁ of a 64-wide net: KaTeX parses it, its numbers are the full form’s first and last', () => {
    const lesson = benchLesson([64, 64, 64], 42);
    const timeline = neuronTimeline(lesson);
    const f = formulaFor(timeline.steps[0], timeline, lesson, { digits: 4 });
    expect(f.folded?.terms).toBe(65); // 64 products and the bias
    for (const tex of [f.folded!.symbolic, f.folded!.substituted])
      expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
    const numbers = (tex: string) => tex.match(/-?\d+(\.\d+)?(\\times10\^\{-?\d+\})?/g) ?? [];
    const full = f.substituted.split(' + ');
    const folded = f.folded!.substituted.split(' + ');
    expect(folded).toHaveLength(6);
    expect(folded.slice(0, 3)).toEqual(full.slice(0, 3));
    expect(folded[3]).toBe('\\cdots');
    expect(folded.slice(4)).toEqual(full.slice(-2));
    expect(numbers(f.folded!.substituted).length).toBeLessThan(numbers(f.substituted).length);
    expect(f.operands).toHaveLength(129); // the full form still reads every value
  });

  it('leaves every built-in lesson unfolded', () => {
    for (const { lesson } of PRESETS) {
      const timeline = neuronTimeline(lesson);
      for (const step of timeline.steps)
        expect(formulaFor(step, timeline, lesson, { digits: 4 }).folded).toBeUndefined();
    }
  });
});
