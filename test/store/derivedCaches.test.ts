import { describe, expect, it } from 'vitest';
import { traceLesson, type Lesson } from '../../src/engine';
import { formulaContext, formulaFor, networkCache } from '../../src/formulas';
import { lesson001 } from '../../src/lessons/lesson001';
import { buildTimeline } from '../../src/steps';
import { formulaOf, timelineOf } from '../../src/store/derived';

const traced = (l: Lesson) => {
  const r = traceLesson(l);
  if (!r.ok) throw new Error('not finite');
  return r.trace;
};

describe('the caches of steps and formulas live in the store', () => {
  const base = lesson001;
  const other: Lesson = { ...base, learningRate: base.learningRate / 2 };

  it('buildTimeline keeps nothing itself; given a cache, timelines of one network share their steps', () => {
    const a = buildTimeline(base, traced(base), 'neuron');
    const b = buildTimeline(other, traced(other), 'neuron');
    expect(a.steps).not.toBe(b.steps);
    expect(b.steps.map((s) => s.id)).toEqual(a.steps.map((s) => s.id));
    const shared = new Map();
    const c = buildTimeline(base, traced(base), 'neuron', shared);
    const d = buildTimeline(other, traced(other), 'neuron', shared);
    expect(d.steps).toBe(c.steps);
    expect(d.values).not.toBe(c.values);
  });

  it('a formula is the same with or without a shared context and network cache', () => {
    const tl = buildTimeline(other, traced(other), 'neuron');
    const net = networkCache();
    // the network's templates first made for another lesson of the same shape
    const tlBase = buildTimeline(base, traced(base), 'neuron');
    const warm = formulaContext(tlBase, base, 4, net);
    for (const s of tlBase.steps) formulaFor(s, tlBase, base, { digits: 4, context: warm });
    const context = formulaContext(tl, other, 4, net);
    for (const s of tl.steps)
      expect(formulaFor(s, tl, other, { digits: 4, context })).toEqual(
        formulaFor(s, tl, other, { digits: 4 }),
      );
  });

  it('the store shares one network’s steps between its lessons', () => {
    const a = timelineOf(base, 'layer')!;
    const b = timelineOf(other, 'layer')!;
    expect(b.steps).toBe(a.steps);
    expect(formulaOf(other, b, 1, 4)).toEqual(formulaFor(b.steps[1], b, other, { digits: 4 }));
  });
});
