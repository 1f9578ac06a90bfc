import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceLesson, type Lesson } from '../../src/engine';
import { buildTimeline, type Granularity, type Step } from '../../src/steps';
import { lessonArb } from '../support/arbitraries';

/**
 * A step's neurons, reads, highlight and sources are made when first read (src/steps/build.ts). Whatever order
 * they are read in, a step reads as a plain frozen record, and its sources are, independently recomputed, the
 * last earlier step writing each value it reads.
 */
const arb = fc.oneof(lessonArb('sigmoid', 'halfSse'), lessonArb('softmax', 'cce'), lessonArb('tanh', 'sse'));
const FIELDS = [
  'id',
  'index',
  'phase',
  'kind',
  'layer',
  'neurons',
  'reads',
  'writes',
  'highlight',
  'sources',
];

function timelineOf(lesson: Lesson, g: Granularity) {
  const r = traceLesson(lesson);
  fc.pre(r.ok);
  return r.ok ? buildTimeline(lesson, r.trace, g) : (undefined as never);
}

const isDeepFrozen = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || (Object.isFrozen(v) && Object.values(v).every(isDeepFrozen));

describe('steps made when first read', () => {
  it('read the same in any order, as frozen plain records whose sources are the last earlier writer', () => {
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom<Granularity>('neuron', 'layer', 'weight'),
        fc.array(fc.nat(), { maxLength: 30 }),
        (lesson, g, order) => {
          const tl = timelineOf(lesson, g);
          const steps = tl.steps;
          // some steps' lazy fields read first, in a random order
          for (const i of order) void steps[i % steps.length].sources;
          const lastWriter = new Map<string, string>();
          for (const step of steps) {
            const plain = JSON.parse(JSON.stringify(step)) as Step;
            expect(Object.keys(step)).toEqual(expect.arrayContaining(FIELDS));
            expect(plain).toEqual({ ...step });
            expect(isDeepFrozen(step)).toBe(true);
            const sources: Record<string, string> = {};
            for (const r of step.reads) if (lastWriter.has(r)) sources[r] = lastWriter.get(r)!;
            expect({ ...step.sources }).toEqual(sources);
            // the same objects on every read
            expect(step.reads).toBe(step.reads);
            expect(step.highlight).toBe(step.highlight);
            for (const w of step.writes) lastWriter.set(w, step.id);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
