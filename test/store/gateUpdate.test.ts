import { describe, expect, it } from 'vitest';
import { createRng, parseLesson, type Lesson } from '../../src/engine';
import { lesson001, lesson004, PRESETS } from '../../src/lessons';
import { gateLesson, gateUpdate } from '../../src/store/gate';
import { sigmoidNet } from '../support/lessons';

// Next iteration's weights come from the engine: gateUpdate checks them against the format's limits without
// reading the lesson again as untrusted JSON. It must decide exactly as the full gate does.

/** The lesson's weights and biases mapped value by value. */
const mapped = (l: Lesson, f: (v: number, at: string) => number) => ({
  weights: l.weights.map((W, i) => W.map((row, j) => row.map((v, k) => f(v, `weights[${i}][${j}][${k}]`)))),
  biases: l.biases.map((b, i) => b.map((v, j) => f(v, `biases[${i}][${j}]`))),
});

/** The accepted lesson of a candidate (the gate must accept it). */
function accepted(l: Lesson): Lesson {
  const r = gateLesson(l);
  if (!r.ok) throw new Error('not accepted');
  return r.lesson;
}

describe('gateUpdate: new weights made by the engine', () => {
  it('refuses a non-finite or over-limit weight or bias with its path, as the format does', () => {
    const base = accepted(sigmoidNet([3, 4, 2], 7));
    const cases: Array<[string, number, string]> = [
      ['weights[1][1][3]', NaN, 'notFinite'],
      ['weights[0][2][0]', Infinity, 'notFinite'],
      ['biases[0][3]', -Infinity, 'notFinite'],
      ['weights[0][0][1]', 1e6 + 1, 'tooLarge'],
      ['biases[1][0]', -2e6, 'tooLarge'],
    ];
    for (const [path, bad, code] of cases) {
      const { weights, biases } = mapped(base, (v, at) => (at === path ? bad : v));
      const r = gateUpdate(base, weights, biases);
      expect(r).toMatchObject({ ok: false, refusal: { kind: 'format', problems: [{ path, code }] } });
      // the full reading of the same lesson finds the same problem
      expect(parseLesson({ ...base, weights, biases })).toMatchObject({
        ok: false,
        problems: [{ path, code }],
      });
    }
    // ±10⁶ itself is within the limits
    const edge = mapped(base, (v, at) => (at === 'weights[0][0][0]' ? -1e6 : v));
    expect(gateUpdate(base, edge.weights, edge.biases).ok).toBe(true);
  });

  it('refuses biases without useBias, and a step that is not finite', () => {
    const base = accepted(lesson001); // no biases
    const biased = mapped(base, (v, at) => (at === 'biases[0][1]' ? 0.5 : v));
    expect(gateUpdate(base, biased.weights, biased.biases)).toMatchObject({
      ok: false,
      refusal: { problems: [{ code: 'biasesNotZero' }] },
    });
    // within the limits, but the forward pass overflows: the step is traced as by the full gate
    const net = accepted(sigmoidNet([1, 1], 1));
    const huge = mapped(net, () => 1e6);
    const wide = { ...net, sample: { input: [1e6], target: [0] } };
    expect(gateUpdate(accepted(wide), huge.weights, huge.biases).ok).toBe(
      gateLesson({ ...wide, ...huge }).ok,
    );
  });

  it('decides as the full gate on random updates of every preset, and keeps the engine’s arrays', () => {
    const rng = createRng(11);
    for (const p of PRESETS) {
      const base = accepted(p.lesson);
      for (let trial = 0; trial < 20; trial++) {
        // mostly small moves, sometimes a value past the limit or not finite
        const { weights, biases } = mapped(base, (v) => {
          const u = rng();
          if (u < 0.01) return u < 0.005 ? NaN : 3e6;
          return v + (rng() - 0.5) * 0.1;
        });
        const fast = gateUpdate(base, weights, biases);
        const full = gateLesson({ ...base, weights, biases });
        expect(fast.ok).toBe(full.ok);
        if (fast.ok && full.ok) {
          expect(fast.lesson.weights).toBe(weights);
          expect(fast.lesson).toEqual(full.lesson);
        } else if (!fast.ok && !full.ok) {
          expect(fast.refusal.kind).toBe(full.refusal.kind);
          if (fast.refusal.kind === 'format' && full.refusal.kind === 'format')
            expect({ p: p.id, problems: fast.refusal.problems }).toEqual({
              p: p.id,
              problems: full.refusal.problems,
            });
        }
      }
    }
  });

  it('drops the printed figures of a built-in lesson whose weights changed, as the full gate', () => {
    const base = accepted(lesson004);
    expect(base.published).toBeDefined();
    const { weights, biases } = mapped(base, (v) => v * 0.5);
    const r = gateUpdate(base, weights, biases);
    expect(r.ok && r.lesson.published).toBe(undefined);
  });

  it('takes the full gate for a lesson it has not accepted, or numbers of another shape', () => {
    const raw = { ...sigmoidNet([2, 3, 1], 3), learningRate: -1 }; // never accepted: refused by the format
    expect(gateUpdate(raw, raw.weights, raw.biases)).toMatchObject({
      ok: false,
      refusal: { problems: [{ path: 'learningRate' }] },
    });
    const base = accepted(sigmoidNet([2, 3, 1], 3));
    const short = base.weights.map((W) => W.slice(1));
    expect(gateUpdate(base, short, base.biases)).toMatchObject({ ok: false, refusal: { kind: 'format' } });
  });
});
