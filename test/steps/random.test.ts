import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceStep, type Lesson } from '../../src/engine';
import { buildTimeline, findCoveringStep, PHASES, type Granularity, type Timeline } from '../../src/steps';
import { lessonArb } from '../support/arbitraries';
import { isGiven, traceValue } from '../support/traceValue';

const GRANULARITIES: Granularity[] = ['neuron', 'layer', 'weight'];

/** The step count each granularity must have, counted from the architecture. */
function expectedCount(lesson: Lesson, g: Granularity): number {
  const n = lesson.layers.map((s) => s.size);
  const L = n.length - 1;
  const softmax = lesson.layers[L].activation === 'softmax';
  const weights = n.slice(1).reduce((s, nl, i) => s + nl * n[i], 0);
  const neurons = n.slice(1).reduce((s, nl) => s + nl, 0);
  const hidden = neurons - n[L];
  if (g === 'layer') return L + 1 + 1 + (L - 1) + L + L;
  const forward = 2 * neurons;
  const loss = n[L] + 1;
  const backward = (softmax ? 2 : 3) * n[L] + hidden;
  const perParam = weights + (lesson.useBias ? neurons : 0);
  return forward + loss + backward + (g === 'weight' ? 2 * perParam : 2 * neurons);
}

const arb = fc.oneof(
  lessonArb('sigmoid', 'halfSse'),
  lessonArb('softmax', 'cce'),
  lessonArb('softmax', 'mse'),
  lessonArb('tanh', 'sse'),
);

function traced(lesson: Lesson) {
  const r = traceStep(lesson);
  fc.pre(r.ok);
  return r.ok ? r.trace : (undefined as never);
}

describe('timelines of random networks', () => {
  it('have the counted number of steps, phases in order, and ids that are unique', () => {
    fc.assert(
      fc.property(arb, (lesson) => {
        const trace = traced(lesson);
        for (const g of GRANULARITIES) {
          const tl = buildTimeline(lesson, trace, g);
          expect(tl.steps.length).toBe(expectedCount(lesson, g));
          const phases = tl.steps.map((s) => PHASES.indexOf(s.phase));
          expect(phases).toEqual([...phases].sort((a, b) => a - b));
          expect(new Set(tl.steps.map((s) => s.id)).size).toBe(tl.steps.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('compute every value exactly once, after what it reads, and hold the engine’s numbers', () => {
    fc.assert(
      fc.property(arb, (lesson) => {
        const trace = traced(lesson);
        for (const g of GRANULARITIES) {
          const tl: Timeline = buildTimeline(lesson, trace, g);
          const writtenAt = new Map<string, number>();
          for (const s of tl.steps) {
            for (const id of s.reads) {
              expect(tl.values[id], `${s.id} reads ${id}`).toBeDefined();
              if (isGiven(id)) expect(s.sources[id]).toBeUndefined();
              else expect(tl.indexById[s.sources[id]]).toBe(writtenAt.get(id));
            }
            for (const id of s.writes) {
              expect(writtenAt.has(id), `${id} written twice`).toBe(false);
              writtenAt.set(id, s.index);
            }
          }
          const computed = Object.keys(tl.values).filter((id) => !isGiven(id));
          expect([...writtenAt.keys()].sort()).toEqual(computed.sort());
          for (const [id, v] of Object.entries(tl.values)) expect(v).toBe(traceValue(lesson, trace, id));
          const biasIds = Object.keys(tl.values).filter((id) => /^(b|db|b\+):/.test(id));
          expect(biasIds.length > 0).toBe(lesson.useBias);
          if (g === 'weight') expect(tl.steps.some((s) => s.from === -1)).toBe(lesson.useBias);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a softmax layer computes every z before any a, and every ∂E/∂a before any δ', () => {
    fc.assert(
      fc.property(lessonArb('softmax', 'cce'), (lesson) => {
        const tl = buildTimeline(lesson, traced(lesson), 'neuron');
        const L = lesson.layers.length - 1;
        const kinds = (phase: string) =>
          tl.steps.filter((s) => s.phase === phase && s.layer === L).map((s) => s.kind);
        const n = lesson.layers[L].size;
        expect(kinds('forward')).toEqual([...Array(n).fill('z'), ...Array(n).fill('a')]);
        expect(kinds('backward')).toEqual([...Array(n).fill('outputDA'), ...Array(n).fill('outputDelta')]);
      }),
      { numRuns: 30 },
    );
  });

  it('switching granularity lands on a step computing the same quantity', () => {
    fc.assert(
      fc.property(arb, (lesson) => {
        const trace = traced(lesson);
        const tls = GRANULARITIES.map((g) => buildTimeline(lesson, trace, g));
        for (const from of tls) {
          for (const to of tls) {
            for (const s of from.steps) {
              const t = to.steps[findCoveringStep(to, s)];
              expect(
                t.writes.some((w) => s.writes.includes(w)),
                `${s.id} → ${t.id}`,
              ).toBe(true);
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
