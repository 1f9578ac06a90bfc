import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  isValidPair,
  LOSS_NAMES,
  traceStep,
  type Conventions,
  type Lesson,
} from '../../src/engine';
import { formulaFor, matrixFormula, pathSumFormula, type MessageRef } from '../../src/formulas';
import { formulaMessages } from '../../src/formulas/messages.zh-CN';
import { buildTimeline, type Granularity } from '../../src/steps';
import { lessonArb } from '../support/arbitraries';

const PAIRS = ACTIVATION_NAMES.flatMap((act) =>
  LOSS_NAMES.filter((loss) => isValidPair(act, loss)).map((loss) => [act, loss] as const),
);
const CONVENTIONS: Conventions[] = (['standard', 'matrix004', 'paths001'] as const).flatMap((symbols) =>
  (['minusEta', 'plusAlpha'] as const).flatMap((update) =>
    (['column', 'row'] as const).map((vectors) => ({ symbols, update, vectors })),
  ),
);
const GRANULARITIES: Granularity[] = ['neuron', 'layer', 'weight'];

const rendered = new Set<string>();
function renders(tex: string, where: string): void {
  if (rendered.has(tex)) return;
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'error' });
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}\n${tex}`);
  }
  rendered.add(tex);
}

/** Every {param} of the English sentence is given (or its nested message). */
function sentenceIsComplete(ref: MessageRef): void {
  const text: string = (formulaMessages.en as Record<string, string>)[ref.key];
  expect(text, ref.key).toBeDefined();
  for (const [, name] of text.matchAll(/\{(\w+)\}/g))
    // a param is given as it is, or as a nested message (`place.key` fills {place})
    expect(ref.params?.[name] ?? ref.params?.[`${name}.key`], `${ref.key} {${name}}`).toBeDefined();
}

const anyLesson = fc.constantFrom(...PAIRS).chain(([act, loss]) => lessonArb(act, loss));

describe('every formula renders with KaTeX (strict) for random networks', () => {
  it.each(CONVENTIONS.map((c) => [`${c.symbols}/${c.update}/${c.vectors}`, c] as const))(
    '%s',
    (_name, conventions) => {
      fc.assert(
        fc.property(anyLesson, fc.nat(), (random, pick) => {
          const lesson: Lesson = { ...random, conventions };
          const r = traceStep(lesson);
          fc.pre(r.ok);
          if (!r.ok) return;
          const L = lesson.layers.length - 1;
          for (const g of GRANULARITIES) {
            const tl = buildTimeline(lesson, r.trace, g);
            for (const step of tl.steps) {
              const f = formulaFor(step, tl, lesson, { digits: 1 + (pick % 6) });
              for (const tex of [f.symbolic, f.substituted, f.result]) renders(tex, step.id);
              // the operands are the step's reads, in order; the results its writes
              expect([...new Set(f.operands.map((o) => o.id))], step.id).toEqual(step.reads);
              expect(f.results.map((o) => o.id)).toEqual(step.writes);
              sentenceIsComplete(f.sentence);
              if (g === 'layer') {
                const m = matrixFormula(lesson, r.trace, step.phase, step.layer, { digits: 1 + (pick % 6) });
                expect(m).toEqual(f);
              }
            }
          }
          // one weight's (or bias's) sum over paths, cut short at 12 paths
          const l = 1 + (pick % L);
          const to = pick % lesson.layers[l].size;
          const from = lesson.useBias && pick % 5 === 0 ? -1 : pick % lesson.layers[l - 1].size;
          const paths = pathSumFormula(lesson, r.trace, { layer: l, to, from }, { digits: 4, maxPaths: 12 });
          for (const tex of Object.values(paths.tex)) renders(tex, `paths ${l} ${to} ${from}`);
          sentenceIsComplete(paths.sentence);
        }),
        { numRuns: 8 },
      );
    },
  );
});
