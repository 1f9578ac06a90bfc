import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceBatch, traceStep, type Lesson, type Trace } from '../../src/engine';
import { collectValues, type ValueId } from '../../src/steps';
import { valueTableOf } from '../../src/steps/values';
import { batchArb, lessonArb } from '../support/arbitraries';
import { collectValuesReference } from '../support/collectValuesReference';

const arb = fc.oneof(
  lessonArb('sigmoid', 'halfSse'),
  lessonArb('softmax', 'cce'),
  lessonArb('softmax', 'mse'),
  lessonArb('tanh', 'sse'),
);

/** The same record, key for key in the same order, value for value (Object.is: −0 and NaN count). */
function expectSameRecord(got: Record<ValueId, number>, want: Record<ValueId, number>): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const id of Object.keys(want) as ValueId[]) {
    expect(id in got, id).toBe(true);
    expect(Object.is(got[id], want[id]), `${id}: ${got[id]} ≠ ${want[id]}`).toBe(true);
  }
}

/** A lesson with its weights moved a little (another trace of the same network, as after Next iteration). */
function nudged(lesson: Lesson, by: number): Lesson {
  return { ...lesson, weights: lesson.weights.map((W) => W.map((row) => row.map((w) => w + by))) };
}

function traced(lesson: Lesson): Trace {
  const r = traceStep(lesson);
  fc.pre(r.ok);
  return r.ok ? r.trace : (undefined as never);
}

describe('collectValues (a shared layout of ids per network, a table of numbers per trace)', () => {
  it('answers exactly the values of a plain record, for random networks and a second trace of each', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: -0.5, max: 0.5, noNaN: true }), (lesson, by) => {
        for (const l of [lesson, nudged(lesson, by)]) {
          const trace = traced(l);
          expectSameRecord(collectValues(l, trace), collectValuesReference(l, trace));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('answers exactly the values of a plain record for random mini-batches, fixed biases or not', () => {
    fc.assert(
      fc.property(batchArb(), ({ lesson: l2, samples }) => {
        const r = traceBatch(l2, samples);
        fc.pre(r.ok);
        if (!r.ok) return;
        expectSameRecord(collectValues(l2, r.trace), collectValuesReference(l2, r.trace));
      }),
      { numRuns: 30 },
    );
  });

  it('shares one layout of ids between traces of the same network, and is read-only', () => {
    fc.assert(
      fc.property(lessonArb('sigmoid', 'halfSse'), (lesson) => {
        const a = collectValues(lesson, traced(lesson));
        const next = nudged(lesson, 0.25);
        const b = collectValues(next, traced(next));
        expect(valueTableOf(a)?.layout).toBe(valueTableOf(b)?.layout);
        expect(valueTableOf(a)?.data).not.toBe(valueTableOf(b)?.data);
        const id = Object.keys(a)[0] as ValueId;
        const before = a[id];
        expect(() => {
          'use strict';
          (a as Record<string, number>)[id] = before + 1;
        }).toThrow(TypeError);
        expect(a[id]).toBe(before);
        expect(a['no:such' as ValueId]).toBeUndefined();
        expect('no:such' in a).toBe(false);
        expect(valueTableOf({})).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  });
});
