import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceStep, type Conventions, type Lesson, type LossName } from '../../src/engine';
import { formulaFor } from '../../src/formulas';
import { buildTimeline, findCoveringStep } from '../../src/steps';
import { lessonArb } from '../support/arbitraries';
import { lesson004 } from '../support/lesson004';
import { vId } from '../support/ids';

const CONVENTIONS: Conventions[] = (['standard', 'matrix004', 'paths001'] as const).flatMap((symbols) =>
  (['minusEta', 'plusAlpha'] as const).flatMap((update) =>
    (['column', 'row'] as const).map((vectors) => ({ symbols, update, vectors })),
  ),
);

function traced(lesson: Lesson) {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error('trace');
  return r.trace;
}

describe('conventions change how formulas are written, never the numbers', () => {
  it('every step computes the same values in every convention', () => {
    fc.assert(
      fc.property(lessonArb('sigmoid', 'bce'), (random) => {
        const seen = new Map<string, number[]>();
        for (const conventions of CONVENTIONS) {
          const lesson = { ...random, conventions };
          const r = traceStep(lesson);
          fc.pre(r.ok);
          if (!r.ok) return;
          const tl = buildTimeline(lesson, r.trace, 'neuron');
          for (const step of tl.steps) {
            const values = formulaFor(step, tl, lesson, { digits: 4 }).results.map((o) => o.value);
            const before = seen.get(step.id);
            if (before) expect(values, step.id).toEqual(before);
            else seen.set(step.id, values);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('symbolic rules stay; substituted numbers follow each new trace of the same network', () => {
    const first = lesson004();
    const t1 = traced(first);
    const second: Lesson = { ...first, weights: t1.updated.weights };
    const t2 = traced(second);
    const tl1 = buildTimeline(first, t1, 'neuron');
    const tl2 = buildTimeline(second, t2, 'neuron');
    const step = tl1.steps[tl1.indexById['forward/z/1/0']];
    const f1 = formulaFor(step, tl1, first, { digits: 4 });
    const f2 = formulaFor(step, tl2, second, { digits: 4 });
    expect(f2.symbolic).toBe(f1.symbolic);
    expect(f1.substituted).toBe('X_{\\text{hidden},1} = 0.9 \\cdot 0.9 + 0.3 \\cdot 0.1 + 0.4 \\cdot 0.8');
    expect(f2.substituted).toBe(
      'X_{\\text{hidden},1} = 0.8986 \\cdot 0.9 + 0.2998 \\cdot 0.1 + 0.3988 \\cdot 0.8',
    );
    // and back again: a formula of the first timeline after one of the second still shows the first's numbers
    expect(formulaFor(step, tl1, first, { digits: 4 })).toEqual(f1);
    expect(formulaFor(step, tl1, first, { digits: 2 }).substituted).toBe(
      'X_{\\text{hidden},1} = 0.9 \\cdot 0.9 + 0.3 \\cdot 0.1 + 0.4 \\cdot 0.8',
    );
    expect(formulaFor(tl1.steps[tl1.indexById['forward/a/1/0']], tl1, first, { digits: 2 }).result).toBe(
      'O_{\\text{hidden},1} = 0.76',
    );
  });
});

describe('a second trace of the same network (rules and reading order reused)', () => {
  it('shows the second trace’s numbers, each read in the rule’s order', () => {
    fc.assert(
      fc.property(lessonArb('tanh', 'mse'), (first) => {
        const r1 = traceStep(first);
        fc.pre(r1.ok);
        if (!r1.ok) return;
        const second: Lesson = {
          ...first,
          weights: r1.trace.updated.weights,
          biases: r1.trace.updated.biases,
        };
        const r2 = traceStep(second);
        fc.pre(r2.ok);
        if (!r2.ok) return;
        for (const g of ['neuron', 'layer', 'weight'] as const) {
          const tl1 = buildTimeline(first, r1.trace, g);
          const tl2 = buildTimeline(second, r2.trace, g);
          for (const step of tl1.steps) formulaFor(step, tl1, first, { digits: 3 });
          for (const step of tl2.steps) {
            const f = formulaFor(step, tl2, second, { digits: 3 });
            expect([...new Set(f.operands.map((o) => o.id))]).toEqual(step.reads);
            for (const o of [...f.operands, ...f.results]) expect(o.value).toBe(tl2.values[o.id]);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('the loss as the lesson writes it', () => {
  const withLoss = (loss: LossName): Lesson => ({
    ...lesson004(),
    loss,
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  });
  const lossFormulas = (loss: LossName) => {
    const lesson = withLoss(loss);
    const tl = buildTimeline(lesson, traced(lesson), 'neuron');
    const at = (id: string) => formulaFor(tl.steps[tl.indexById[id]], tl, lesson, { digits: 4 });
    return { term: at('loss/term/0'), grad: at('backward/dA/2/0') };
  };

  it('½ exactly for halfSse', () => {
    const { term, grad } = lossFormulas('halfSse');
    expect(term.symbolic).toBe('e_{1} = \\tfrac{1}{2}(t_{1}-a^{2}_{1})^{2}');
    expect(grad.symbolic).toBe('\\frac{\\partial E}{\\partial a^{2}_{1}} = -(t_{1}-a^{2}_{1})');
  });

  it('no ½ for sse', () => {
    const { term, grad } = lossFormulas('sse');
    expect(term.symbolic).toBe('e_{1} = (t_{1}-a^{2}_{1})^{2}');
    expect(grad.substituted).toBe('\\frac{\\partial E}{\\partial a^{2}_{1}} = -2(0.01-0.7419)');
  });

  it('1/n for mse, with n the number of outputs', () => {
    const { term, grad } = lossFormulas('mse');
    expect(term.symbolic).toBe('e_{1} = \\tfrac{1}{n}(t_{1}-a^{2}_{1})^{2}');
    expect(term.substituted).toBe('e_{1} = \\tfrac{1}{2}(0.01-0.7419)^{2}');
    expect(grad.substituted).toBe('\\frac{\\partial E}{\\partial a^{2}_{1}} = -\\tfrac{2}{2}(0.01-0.7419)');
  });

  it('sigmoid with cross-entropy: δ = a − t, the derivatives cancelling', () => {
    const lesson = withLoss('bce');
    const tl = buildTimeline(lesson, traced(lesson), 'neuron');
    const f = formulaFor(tl.steps[tl.indexById['backward/delta/2/0']], tl, lesson, { digits: 4 });
    expect(f.symbolic).toBe(
      "\\delta^{2}_{1} = \\frac{\\partial E}{\\partial a^{2}_{1}} \\sigma'(z^{2}_{1}) = a^{2}_{1} - t_{1}",
    );
    expect(f.substituted).toBe('\\delta^{2}_{1} = 0.7419 - 0.01');
    expect(f.sentence.key).toBe('step.outputDeltaSimplified');
  });
});

describe('findCoveringStep falls back to the phase and layer', () => {
  it('for a step of another network', () => {
    const lesson = lesson004();
    const tl = buildTimeline(lesson, traced(lesson), 'neuron');
    const other = fc.sample(lessonArb('sigmoid', 'halfSse'), { numRuns: 1, seed: 3 })[0];
    const otherTl = buildTimeline(other, traced(other), 'neuron');
    const foreign = { ...otherTl.steps[0], writes: [vId('z:9:9')] };
    expect(tl.steps[findCoveringStep(tl, foreign)].id).toBe('forward/z/1/0');
    const gradient = { ...foreign, phase: 'gradient' as const, layer: 1 };
    expect(tl.steps[findCoveringStep(tl, gradient)].id).toBe('gradient/neuron/1/0');
    const update = { ...foreign, phase: 'update' as const, layer: 7 };
    expect(tl.steps[findCoveringStep(tl, update)].id).toBe('update/neuron/1/0');
  });
});
