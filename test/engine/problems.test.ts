import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FOUND_KINDS,
  LIST_KINDS,
  PROBLEM_CODES,
  FILE_PROBLEM_CODES,
  parseLesson,
  problemMessage,
  type LessonProblem,
} from '../../src/engine';
import { baseLesson, CODE_CASES, KIND_CASES, LESSON_PARTS, type ProblemCase } from './problemCases';

function problemsOf(k: ProblemCase): LessonProblem[] {
  const o = baseLesson();
  k.mutate(o);
  const r = parseLesson('input' in k ? k.input : o);
  if (r.ok) throw new Error(`${k.name}: expected the lesson to be refused`);
  return r.problems;
}

describe('problem codes', () => {
  it.each([...CODE_CASES, ...KIND_CASES].map((k) => [k.name, k] as const))(
    '%s: the code, params and English message',
    (_name, k) => {
      const problems = problemsOf(k);
      expect(problems, JSON.stringify(problems)).toContainEqual(k.expected);
    },
  );

  it('every code, list kind and found kind has a case', () => {
    const cases = [...CODE_CASES, ...KIND_CASES].map((k) => k.expected);
    expect(new Set(CODE_CASES.map((k) => k.expected.code))).toEqual(
      new Set(PROBLEM_CODES.filter((c) => !FILE_PROBLEM_CODES.includes(c))),
    );
    expect(new Set(cases.map((p) => p.params.what).filter((w) => w !== undefined))).toEqual(
      new Set(LIST_KINDS),
    );
    expect(new Set(cases.map((p) => p.params.found).filter((f) => f !== undefined))).toEqual(
      new Set(FOUND_KINDS),
    );
  });

  it('every problem of any input has a code, and its message is the English formatter’s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LESSON_PARTS), fc.jsonValue(), (key, v) => {
        const o = baseLesson();
        o[key] = v;
        const r = parseLesson(o);
        for (const p of r.ok ? [] : r.problems) {
          expect(PROBLEM_CODES).toContain(p.code);
          expect(p.message).toBe(problemMessage(p.code!, p.params!));
        }
      }),
      { numRuns: 300 },
    );
  });
});
