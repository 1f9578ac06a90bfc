import { describe, expect, it } from 'vitest';
import { traceStep, type Conventions, type Lesson } from '../../src/engine';
import { formulaFor, matrixFormula, parseFormatted, type Formula } from '../../src/formulas';
import { buildTimeline, type Granularity } from '../../src/steps';
import { lesson004 } from '../support/lesson004';
import { traceValue } from '../support/traceValue';

const base = lesson004();
const r = traceStep(base);
if (!r.ok) throw new Error('lesson 004 must trace');
const trace = r.trace;

function formulas(lesson: Lesson, g: Granularity, digits = 4): Map<string, Formula> {
  const tl = buildTimeline(lesson, trace, g);
  return new Map(tl.steps.map((s) => [s.id, formulaFor(s, tl, lesson, { digits })]));
}

const withConventions = (c: Partial<Conventions>): Lesson => ({
  ...base,
  conventions: { ...base.conventions, ...c },
});

/** |shown − exact| within half a unit of the last of `digits` significant digits. */
function shownMatches(shown: string, exact: number, digits: number): boolean {
  const back = parseFormatted(shown);
  if (exact === 0) return back === 0;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(exact))) - digits + 1);
  return Math.abs(back - exact) <= unit / 2 + 1e-12 * Math.abs(exact);
}

describe('lesson 004 formulas, as the student sees them (matrix004 symbols)', () => {
  const f = formulas(base, 'neuron');

  it('forward: X_hidden,3 = 1.45 (the lesson printed 0.62)', () => {
    const z = f.get('forward/z/1/2')!;
    expect(z.symbolic).toBe('X_{\\text{hidden},3} = w_{1,3} X_{1} + w_{2,3} X_{2} + w_{3,3} X_{3}');
    expect(z.substituted).toBe('X_{\\text{hidden},3} = 0.8 \\cdot 0.9 + 0.1 \\cdot 0.1 + 0.9 \\cdot 0.8');
    expect(z.result).toBe('X_{\\text{hidden},3} = 1.45');
    expect(f.get('forward/a/1/0')!.substituted).toBe('O_{\\text{hidden},1} = \\frac{1}{1+e^{-1.16}}');
    expect(f.get('forward/a/1/0')!.result).toBe('O_{\\text{hidden},1} = 0.7613');
  });

  it('loss: E = Σ(target − O)², no ½', () => {
    expect(f.get('loss/term/0')!.substituted).toBe('E_{1} = (0.01-0.7419)^{2}');
    expect(f.get('loss/total')!.symbolic).toBe('E = E_{1} + E_{2}');
    expect(f.get('loss/total')!.result).toBe('E = 0.6112');
  });

  it('backward: ∂E/∂O = −2(t − O), δ = ∂E/∂O · O(1 − O), hidden δ sums both outputs', () => {
    expect(f.get('backward/dA/2/0')!.substituted).toBe(
      '\\frac{\\partial E}{\\partial O_{\\text{output},1}} = -2(0.01-0.7419)',
    );
    expect(f.get('backward/delta/2/1')!.substituted).toBe(
      '\\delta_{\\text{output},2} = -0.5497 \\cdot 0.2037',
    );
    expect(f.get('backward/delta/1/0')!.substituted).toBe(
      '\\delta_{\\text{hidden},1} = \\left(0.3 \\cdot 0.2803 + 0.6 \\cdot (-0.112)\\right) \\cdot 0.7613(1-0.7613)',
    );
  });

  it('update: w_new = w − η ∂E/∂w; with plusAlpha the same numbers as w + α(−∂E/∂w)', () => {
    const minus = f.get('update/neuron/2/1')!;
    expect(minus.substituted).toContain("{w'_{1,2}}_{\\text{new}} = 0.6 - 0.5 \\cdot (-0.08525)");
    const plus = formulas(withConventions({ update: 'plusAlpha' }), 'neuron').get('update/neuron/2/1')!;
    expect(plus.symbolic).toContain(
      "w'_{1,2} + \\alpha \\left(-\\frac{\\partial E}{\\partial w'_{1,2}}\\right)",
    );
    expect(plus.substituted).toContain('0.6 + 0.5 \\cdot \\left(-(-0.08525)\\right)');
    expect(plus.results).toEqual(minus.results);
  });

  it('every number shown is the engine’s, for every granularity and convention', () => {
    for (const symbols of ['standard', 'matrix004', 'paths001'] as const) {
      for (const update of ['minusEta', 'plusAlpha'] as const) {
        for (const vectors of ['column', 'row'] as const) {
          const lesson = withConventions({ symbols, update, vectors });
          for (const g of ['neuron', 'layer', 'weight'] as const) {
            for (const [id, formula] of formulas(lesson, g, 3)) {
              let from = 0;
              for (const o of formula.operands) {
                const exact = traceValue(lesson, trace, o.id);
                expect(o.value, `${id} ${o.id}`).toBe(exact);
                expect(shownMatches(o.shown, exact, 3), `${id} ${o.id} shows ${o.shown}`).toBe(true);
                // operands appear in the substituted formula in the order listed
                const at = formula.substituted.indexOf(o.shown, from);
                expect(at, `${id}: ${o.shown} after ${from}`).toBeGreaterThanOrEqual(0);
                from = at + o.shown.length;
              }
              for (const res of formula.results) {
                expect(res.value).toBe(traceValue(lesson, trace, res.id));
                expect(shownMatches(res.shown, res.value, 3)).toBe(true);
                if (!res.id.startsWith('e:')) expect(formula.result).toContain(res.shown); // layer results leave out e_j
              }
            }
          }
        }
      }
    }
  });

  it('symbols follow the lesson’s conventions', () => {
    const z = (c: Partial<Conventions>) =>
      formulas(withConventions(c), 'neuron').get('forward/z/2/0')!.symbolic;
    expect(z({ symbols: 'standard' })).toBe(
      'z^{2}_{1} = w^{2}_{11} a^{1}_{1} + w^{2}_{12} a^{1}_{2} + w^{2}_{13} a^{1}_{3}',
    );
    // lesson 001: row vectors put the input first, W_ij joins i to j, h the hidden outputs, y′ the output sum
    expect(z({ symbols: 'paths001', vectors: 'row' })).toBe(
      "{y'}_{1} = h_{1} W^{2}_{11} + h_{2} W^{2}_{21} + h_{3} W^{2}_{31}",
    );
  });

  it('matrix form with row vectors: h′ = x W with W the transpose of the stored matrix', () => {
    const lesson = withConventions({ symbols: 'paths001', vectors: 'row' });
    const forward = matrixFormula(lesson, trace, 'forward', 1, { digits: 4 });
    expect(forward.symbolic).toBe(
      "{\\bar{h}'} = \\bar{x} W^{1},\\quad \\bar{h} = \\Phi\\left({\\bar{h}'}\\right)",
    );
    expect(forward.substituted).toContain(
      '\\begin{bmatrix}0.9 & 0.1 & 0.8\\end{bmatrix} \\begin{bmatrix}0.9 & 0.2 & 0.8 \\\\ 0.3 & 0.8 & 0.1 \\\\ 0.4 & 0.2 & 0.9\\end{bmatrix}',
    );
    expect(forward.result).toContain('\\begin{bmatrix}1.16 & 0.42 & 1.45\\end{bmatrix}');
    const column = matrixFormula(base, trace, 'backward', 2, { digits: 4 });
    expect(column.symbolic).toContain('\\odot');
    expect(column.result).toContain('\\begin{bmatrix}0.2803 \\\\ -0.112\\end{bmatrix}');
  });
});
