import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, isValidPair, LOSS_NAMES, traceStep, type Lesson } from '../../src/engine';
import { MAX_PATHS, pathSumFormula } from '../../src/formulas';
import { lessonArb } from '../support/arbitraries';
import { close, refNetOf, refNumericGradients, wellConditioned } from '../support/reference';
import { traceValue } from '../support/traceValue';

const PAIRS = ACTIVATION_NAMES.flatMap((act) =>
  LOSS_NAMES.filter((loss) => isValidPair(act, loss)).map((loss) => [act, loss] as const),
);

describe('∂E/∂w as a sum over paths', () => {
  it(`covers all ${PAIRS.length} activation × loss pairs`, () => expect(PAIRS.length).toBe(22));

  it.each(PAIRS)('%s output, %s loss: Σ paths = δ form = central difference', (act, loss) => {
    fc.assert(
      fc.property(lessonArb(act, loss), fc.nat(), (lesson, pick) => {
        fc.pre(wellConditioned(refNetOf(lesson)));
        const r = traceStep(lesson);
        fc.pre(r.ok);
        if (!r.ok) return;
        const sizes = lesson.layers.map((s) => s.size);
        const L = sizes.length - 1;
        const numeric = refNumericGradients(refNetOf(lesson));
        // a weight of the first layer (the most paths) and one anywhere, or a bias
        const l2 = 1 + (pick % L);
        const weights = [
          { layer: 1, to: pick % sizes[1], from: (pick >> 3) % sizes[0] },
          {
            layer: l2,
            to: (pick >> 5) % sizes[l2],
            from: lesson.useBias && pick % 3 === 0 ? -1 : (pick >> 7) % sizes[l2 - 1],
          },
        ];
        for (const w of weights) {
          const sum = pathSumFormula(lesson, r.trace, w, { digits: 4, maxPaths: Infinity });
          const count = sizes.slice(w.layer + 1).reduce((p, n) => p * n, act === 'softmax' ? sizes[L] : 1);
          expect(sum.pathCount).toBe(count);
          expect(sum.paths.length).toBe(count);
          expect(sum.truncated).toBe(false);
          const fd = w.from < 0 ? numeric.db[w.layer - 1][w.to] : numeric.dW[w.layer - 1][w.to][w.from];
          const delta =
            w.from < 0 ? r.trace.layers[w.layer].db[w.to] : r.trace.layers[w.layer].dW[w.to][w.from];
          expect(sum.compactDelta).toBe(delta);
          if (!close(sum.total, delta, 1e-9, 1e-12)) throw new Error(`paths ${sum.total} vs δ form ${delta}`);
          if (!close(sum.total, fd)) throw new Error(`paths ${sum.total} vs finite difference ${fd}`);
          for (const p of sum.paths) {
            expect(p.value).toBeCloseTo(
              p.factors.reduce((x, f) => x * f.value, 1),
              12,
            );
            for (const f of p.factors) if (f.id) expect(f.value).toBe(traceValue(lesson, r.trace, f.id));
            expect(p.edges.length).toBe(L - w.layer + 1);
          }
          expect(new Set(sum.paths.map((p) => `${p.nodes}|${p.factors.map((f) => f.symbol)}`)).size).toBe(
            count,
          );
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a path lights the weight’s edge and one edge per later layer, joined end to end', () => {
    const lesson = fc.sample(lessonArb('sigmoid', 'halfSse'), { numRuns: 1, seed: 7 })[0];
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace');
    const sum = pathSumFormula(lesson, r.trace, { layer: 1, to: 0, from: 0 }, { digits: 4 });
    for (const p of sum.paths) {
      expect(p.edges[0]).toBe('e:1:0:0');
      expect(p.nodes.slice(0, 2)).toEqual(['n:0:0', 'n:1:0']);
      p.edges.forEach((e, i) => {
        const [, m, to, from] = e.split(':');
        expect(p.nodes[i]).toBe(`n:${Number(m) - 1}:${from}`);
        expect(p.nodes[i + 1]).toBe(`n:${m}:${to}`);
      });
    }
  });

  it(`lists the first ${MAX_PATHS} paths of a big network, counts them all, and still sums them all`, () => {
    const sizes = [2, 8, 8, 8, 3];
    const lesson: Lesson = {
      format: 'backprop-lesson',
      version: 1,
      layers: sizes.map((size, l) =>
        l === 0 ? { size } : { size, activation: l === 4 ? 'softmax' : 'tanh' },
      ),
      loss: 'cce',
      learningRate: 0.1,
      useBias: true,
      weights: sizes
        .slice(1)
        .map((n, l) =>
          Array.from({ length: n }, (_, j) =>
            Array.from({ length: sizes[l] }, (_, k) => Math.sin(7 * l + 3 * j + k)),
          ),
        ),
      biases: sizes.slice(1).map((n) => Array.from({ length: n }, (_, j) => 0.1 * j)),
      sample: { input: [0.3, -0.7], target: [0.2, 0.5, 0.3] },
      conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
    };
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace');
    const sum = pathSumFormula(lesson, r.trace, { layer: 1, to: 2, from: 1 }, { digits: 3 });
    expect(sum.pathCount).toBe(8 * 8 * 3 * 3); // through layers 2, 3, 4 and then the softmax output reached
    expect(sum.paths.length).toBe(MAX_PATHS);
    expect(sum.truncated).toBe(true);
    expect(sum.sentence).toEqual({ key: 'path.truncated', params: { count: 576, shown: MAX_PATHS } });
    expect(sum.tex.substituted.endsWith('+ \\dots')).toBe(true);
    expect(close(sum.total, sum.compactDelta, 1e-9, 1e-12)).toBe(true);
    const all = pathSumFormula(
      lesson,
      r.trace,
      { layer: 1, to: 2, from: 1 },
      { digits: 3, maxPaths: Infinity },
    );
    expect(close(all.total, sum.total, 1e-9, 1e-12)).toBe(true);
    expect(all.paths.slice(0, MAX_PATHS)).toEqual(sum.paths);
  });

  it('one path into the output of a non-softmax network, written out', () => {
    const lesson: Lesson = {
      format: 'backprop-lesson',
      version: 1,
      layers: [{ size: 1 }, { size: 1, activation: 'identity' }],
      loss: 'halfSse',
      learningRate: 0.1,
      useBias: false,
      weights: [[[2]]],
      biases: [[0]],
      sample: { input: [3], target: [1] },
      conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
    };
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace');
    // y = 2·3 = 6, ∂E/∂a = −(1 − 6) = 5, f′ = 1, a⁰ = x = 3 → 15
    const sum = pathSumFormula(lesson, r.trace, { layer: 1, to: 0, from: 0 }, { digits: 4 });
    expect(sum.sentence.key).toBe('path.single');
    expect(sum.tex.symbolic).toBe(
      "\\frac{\\partial E}{\\partial w^{1}_{11}} = \\frac{\\partial E}{\\partial a^{1}_{1}} \\operatorname{id}'(z^{1}_{1}) x_{1}",
    );
    expect(sum.tex.substituted).toBe('\\frac{\\partial E}{\\partial w^{1}_{11}} = 5 \\cdot 1 \\cdot 3');
    expect(sum.tex.result).toBe('\\frac{\\partial E}{\\partial w^{1}_{11}} = 15');
  });
});
