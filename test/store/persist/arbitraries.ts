import fc from 'fast-check';
import type { ActivationName, Lesson, LossName } from '../../../src/engine';
import { gateLesson } from '../../../src/store/gate';
import { lessonArb } from '../../support/arbitraries';

/** Output activation and loss pairs the format accepts, each with random lessons around it. */
const PAIRS: [ActivationName, LossName][] = [
  ['sigmoid', 'halfSse'],
  ['identity', 'mse'],
  ['tanh', 'sse'],
  ['sigmoid', 'bce'],
  ['softmax', 'cce'],
];

/** A random valid lesson, sometimes with a bilingual title, notes, a seed, conventions and published figures. */
export const anyLesson: fc.Arbitrary<Lesson> = fc
  .constantFrom(...PAIRS)
  .chain(([act, loss]) => lessonArb(act, loss))
  .chain((lesson) =>
    fc
      .record(
        {
          title: fc.record({ en: fc.string(), 'zh-CN': fc.string({ unit: 'grapheme' }) }),
          notes: fc.record({ en: fc.string({ unit: 'binary' }), 'zh-CN': fc.string({ unit: 'grapheme' }) }),
          seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          batchSize: fc.integer({ min: 1, max: 50 }),
          conventions: fc.record({
            update: fc.constantFrom('minusEta' as const, 'plusAlpha' as const),
            vectors: fc.constantFrom('column' as const, 'row' as const),
            symbols: fc.constantFrom('standard' as const, 'matrix004' as const, 'paths001' as const),
          }),
          published: fc.constant({ 'z:1:0': '0.62', E: '0.1' }),
        },
        { requiredKeys: [] },
      )
      .map((extra): Lesson => ({ ...lesson, ...extra })),
  );

/** What JSON keeps of a value (JSON has no −0: it is written as 0). */
export const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The lesson the gate makes of a candidate (the store holds only these); throws when it is refused. */
export function gated(lesson: Lesson): Lesson {
  const r = gateLesson(lesson);
  if (!r.ok) throw new Error(`refused by the gate: ${JSON.stringify(r.refusal).slice(0, 200)}`);
  return r.lesson;
}

/** A random lesson as the store could hold it: accepted by the gate (printed figures only on a built-in one). */
export const anyShownLesson: fc.Arbitrary<Lesson> = anyLesson
  .filter((lesson) => gateLesson(lesson).ok)
  .map(gated);
