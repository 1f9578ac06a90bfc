import { describe, expect, it } from 'vitest';
import { vId } from '../support/ids';
import { createRng, initialise, traceStep, type Lesson } from '../../src/engine';
import { formulaFor } from '../../src/formulas';
import { MATRIX_MAX } from '../../src/formulas/tex';
import { buildTimeline } from '../../src/steps';

/** A 20-3 network: each output neuron has 20 weights and a bias. */
function wide(): Lesson {
  const sizes = [20, 3];
  const rng = createRng(5);
  const { weights, biases } = initialise(sizes, { kind: 'uniform', range: 1 }, rng, true);
  return {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 20 }, { size: 3, activation: 'sigmoid' }],
    loss: 'sse',
    learningRate: 0.5,
    useBias: true,
    weights,
    biases,
    sample: { input: Array.from({ length: 20 }, rng), target: [0.1, 0.5, 0.9] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
}

/** How many equations a list holds (they are joined by `,\quad`). */
const count = (tex: string) => tex.split(',\\quad ').length;

describe('a step of many equations', () => {
  it('writes the first ones, …, the last, and still lists every number as an operand and result', () => {
    const lesson = wide();
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('not finite');
    const tl = buildTimeline(lesson, r.trace, 'neuron');
    for (const kind of ['neuronGradients', 'neuronUpdate'] as const) {
      const step = tl.steps.find((s) => s.kind === kind && s.neurons[0] === 1)!;
      const f = formulaFor(step, tl, lesson, { digits: 4 });
      // 21 equations (20 weights and the bias) written as 10, …, the bias's
      for (const tex of [f.symbolic, f.substituted, f.result]) {
        expect(count(tex)).toBe(MATRIX_MAX);
        expect(tex.split(',\\quad ')[MATRIX_MAX - 2]).toBe('\\dots');
      }
      expect(f.result).toContain('b');
      expect(f.results).toHaveLength(21);
      // every weight's gradient (or its update) is an operand or a result, cut or not
      const ids = new Set([...f.operands, ...f.results].map((o) => o.id));
      for (let k = 0; k < 20; k++)
        expect(ids.has(vId(kind === 'neuronGradients' ? `dW:1:1:${k}` : `w+:1:1:${k}`))).toBe(true);
      // the number shown for the last weight's result is the engine's (the 11th item is the bias's)
      const last = f.results[20];
      expect(last.value).toBe(
        kind === 'neuronGradients' ? r.trace.layers[1].db[1] : r.trace.updated.biases[0][1],
      );
    }
    // a neuron with 12 or fewer equations is written whole
    const z = tl.steps.find((s) => s.kind === 'lossTerm')!;
    expect(formulaFor(z, tl, lesson, { digits: 4 }).symbolic).not.toContain('\\dots');
  });
});
