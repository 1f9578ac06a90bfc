import { describe, expect, it } from 'vitest';
import { traceStep } from '../../src/engine';
import {
  buildTimeline,
  findCoveringStep,
  phaseRange,
  progressInPhase,
  type Granularity,
} from '../../src/steps';
import { lesson004 } from '../support/lesson004';
import { isGiven, traceValue } from '../support/traceValue';
import { vId } from '../support/ids';

const lesson = lesson004();
const r = traceStep(lesson);
if (!r.ok) throw new Error('lesson 004 must trace');
const trace = r.trace;
const timeline = (g: Granularity) => buildTimeline(lesson, trace, g);

/** Counts of lesson 004's 3-3-2 network (no biases), worked out by hand. */
const COUNTS = {
  // forward: z and a for 3 hidden + 2 outputs = 2·(3+2) = 10; loss: 2 terms + total = 3;
  // backward: ∂E/∂a, f′, δ per output = 2·3 = 6, plus 3 hidden δ = 9; gradient: 3 + 2 neurons = 5; update: 5
  neuron: { forward: 10, loss: 3, backward: 9, gradient: 5, update: 5, total: 32 },
  // one step per layer per phase: forward 2, loss 1, backward BP1 + BP2 = 2, gradient 2, update 2
  layer: { forward: 2, loss: 1, backward: 2, gradient: 2, update: 2, total: 9 },
  // as neuron, but one gradient and one update per weight: 3·3 + 2·3 = 15 each, no biases
  weight: { forward: 10, loss: 3, backward: 9, gradient: 15, update: 15, total: 52 },
};

describe('lesson 004 timeline (3-3-2, sigmoid, E = Σ(t − O)², no biases)', () => {
  it.each(['neuron', 'layer', 'weight'] as const)('%s granularity: step count per phase', (g) => {
    const tl = timeline(g);
    const c = COUNTS[g];
    expect(tl.steps.length).toBe(c.total);
    for (const phase of ['forward', 'loss', 'backward', 'gradient', 'update'] as const) {
      const { start, end } = phaseRange(tl, phase);
      expect(end - start, phase).toBe(c[phase]);
      expect(tl.steps.slice(start, end).every((s) => s.phase === phase)).toBe(true);
    }
    tl.steps.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(tl.indexById[s.id]).toBe(i);
    });
  });

  it('neuron granularity: the order, step by step', () => {
    expect(timeline('neuron').steps.map((s) => s.id)).toEqual([
      ...['1/0', '1/1', '1/2', '2/0', '2/1'].flatMap((n) => [`forward/z/${n}`, `forward/a/${n}`]),
      'loss/term/0',
      'loss/term/1',
      'loss/total',
      ...[0, 1].flatMap((j) => [`backward/dA/2/${j}`, `backward/fp/2/${j}`, `backward/delta/2/${j}`]),
      'backward/delta/1/0',
      'backward/delta/1/1',
      'backward/delta/1/2',
      // gradients in backprop order (layer 2 first), updates layer by layer
      'gradient/neuron/2/0',
      'gradient/neuron/2/1',
      'gradient/neuron/1/0',
      'gradient/neuron/1/1',
      'gradient/neuron/1/2',
      'update/neuron/1/0',
      'update/neuron/1/1',
      'update/neuron/1/2',
      'update/neuron/2/0',
      'update/neuron/2/1',
    ]);
  });

  it('layer granularity: the order', () => {
    expect(timeline('layer').steps.map((s) => `${s.kind}@${s.layer}`)).toEqual([
      'layerForward@1',
      'layerForward@2',
      'layerLoss@2',
      'layerOutputDelta@2',
      'layerHiddenDelta@1',
      'layerGradients@2',
      'layerGradients@1',
      'layerUpdate@1',
      'layerUpdate@2',
    ]);
  });

  it('weight granularity: one step per weight, k innermost, no bias steps', () => {
    const grads = timeline('weight').steps.filter((s) => s.kind === 'weightGradient');
    expect(grads.map((s) => s.id).slice(0, 4)).toEqual([
      'gradient/w/2/0/0',
      'gradient/w/2/0/1',
      'gradient/w/2/0/2',
      'gradient/w/2/1/0',
    ]);
    expect(grads.every((s) => s.from !== undefined && s.from >= 0)).toBe(true);
    expect(grads[0].reads).toEqual(['d:2:0', 'a:1:0']);
    expect(grads[0].writes).toEqual(['dW:2:0:0']);
  });

  it('values: exactly the trace and the lesson, and no bias values without biases', () => {
    const tl = timeline('neuron');
    for (const [id, v] of Object.entries(tl.values)) expect(v, id).toBe(traceValue(lesson, trace, id));
    expect(Object.keys(tl.values).filter((id) => /^(b|db|b\+):/.test(id))).toEqual([]);
    // 3 x, 2 t, η, 15 weights ×3 (w, ∂E/∂w, w_new), 5 neurons × (z, a, f′, ∂E/∂a, δ), 2 e, E
    expect(Object.keys(tl.values).length).toBe(3 + 2 + 1 + 15 * 3 + 5 * 5 + 2 + 1);
    // hand-worked: X_hidden = (1.16, 0.42, 1.45) (the lesson printed 0.62 for the third)
    expect(tl.values[vId('z:1:2')]).toBeCloseTo(0.8 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8, 14);
  });

  it('reads, writes and sources of typical steps', () => {
    const tl = timeline('neuron');
    const step = (id: string) => tl.steps[tl.indexById[id]];
    expect(step('forward/z/2/0').reads).toEqual(['w:2:0:0', 'a:1:0', 'w:2:0:1', 'a:1:1', 'w:2:0:2', 'a:1:2']);
    expect(step('forward/z/2/0').sources).toEqual({
      'a:1:0': 'forward/a/1/0',
      'a:1:1': 'forward/a/1/1',
      'a:1:2': 'forward/a/1/2',
    });
    expect(step('backward/delta/1/1').reads).toEqual(['w:2:0:1', 'd:2:0', 'w:2:1:1', 'd:2:1', 'a:1:1']);
    expect(step('backward/delta/1/1').writes).toEqual(['dA:1:1', 'fp:1:1', 'd:1:1']);
    expect(step('backward/delta/2/0').reads).toEqual(['dA:2:0', 'fp:2:0']);
    expect(step('update/neuron/2/1').reads).toEqual([
      'w:2:1:0',
      'eta',
      'dW:2:1:0',
      'w:2:1:1',
      'dW:2:1:1',
      'w:2:1:2',
      'dW:2:1:2',
    ]);
    expect(step('update/neuron/2/1').sources[vId('dW:2:1:0')]).toBe('gradient/neuron/2/1');
  });

  it('highlights: incoming edges forward, the error travelling back on backward steps', () => {
    const tl = timeline('neuron');
    const step = (id: string) => tl.steps[tl.indexById[id]];
    expect(step('forward/z/1/1').highlight).toEqual({
      nodes: ['n:0:0', 'n:0:1', 'n:0:2', 'n:1:1'],
      edges: ['e:1:1:0', 'e:1:1:1', 'e:1:1:2'],
      backward: false,
    });
    expect(step('backward/delta/1/2').highlight).toEqual({
      nodes: ['n:1:2', 'n:2:0', 'n:2:1'],
      edges: ['e:2:0:2', 'e:2:1:2'],
      backward: true,
    });
    expect(tl.steps.every((s) => s.highlight.backward === (s.phase === 'backward'))).toBe(true);
  });

  it('every read has a source that comes before and writes it; givens have none', () => {
    for (const g of ['neuron', 'layer', 'weight'] as const) {
      const tl = timeline(g);
      for (const s of tl.steps) {
        for (const id of s.reads) {
          const src = s.sources[id];
          if (isGiven(id)) {
            expect(src, `${s.id} reads given ${id}`).toBeUndefined();
            continue;
          }
          expect(src, `${s.id} reads ${id}`).toBeDefined();
          const from = tl.steps[tl.indexById[src]];
          expect(from.index).toBeLessThan(s.index);
          expect(from.writes).toContain(id);
        }
      }
    }
  });

  it('switching granularity keeps the place', () => {
    const neuron = timeline('neuron');
    const layer = timeline('layer');
    const weight = timeline('weight');
    const at = (tl: typeof neuron, id: string) => tl.steps[tl.indexById[id]];
    expect(layer.steps[findCoveringStep(layer, at(neuron, 'forward/a/2/1'))].id).toBe('forward/layer/2');
    expect(layer.steps[findCoveringStep(layer, at(neuron, 'loss/term/1'))].id).toBe('loss/layer');
    expect(layer.steps[findCoveringStep(layer, at(neuron, 'backward/fp/2/1'))].id).toBe('backward/layer/2');
    expect(layer.steps[findCoveringStep(layer, at(neuron, 'backward/delta/1/0'))].id).toBe(
      'backward/layer/1',
    );
    expect(neuron.steps[findCoveringStep(neuron, at(layer, 'forward/layer/2'))].id).toBe('forward/z/2/0');
    expect(neuron.steps[findCoveringStep(neuron, at(weight, 'gradient/w/1/2/1'))].id).toBe(
      'gradient/neuron/1/2',
    );
    expect(weight.steps[findCoveringStep(weight, at(neuron, 'update/neuron/2/1'))].id).toBe('update/w/2/1/0');
    expect(weight.steps[findCoveringStep(weight, at(layer, 'gradient/layer/1'))].id).toBe('gradient/w/1/0/0');
  });

  it('progress within a phase', () => {
    const tl = timeline('neuron');
    expect(progressInPhase(tl, 0)).toEqual({ phase: 'forward', position: 1, count: 10 });
    expect(progressInPhase(tl, 11)).toEqual({ phase: 'loss', position: 2, count: 3 });
    expect(progressInPhase(tl, 31)).toEqual({ phase: 'update', position: 5, count: 5 });
    expect(phaseRange(tl, 'backward')).toEqual({ start: 13, end: 22 });
  });
});
