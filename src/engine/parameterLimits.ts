import { LIMITS } from './limits';
import { problemOf } from './problems';
import type { LessonProblem } from './types';

/**
 * The format's checks of a lesson's weights W[l][j][k] and biases b[l][j] alone, as parseLesson makes them
 * (finite, |v| ≤ LIMITS.maxMagnitude, biases 0 without useBias), for numbers the engine made from an accepted
 * lesson (Next iteration): their shape is the lesson's by construction, so only the values are read, in one
 * tight pass. Returns every problem with its JSON path (`weights[1][3][7]`), none when they pass.
 */
export function parameterProblems(
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
  useBias: boolean,
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const max = LIMITS.maxMagnitude;
  const check = (v: number, path: () => string) => {
    // one comparison for the usual case: NaN fails it too
    if (v <= max && v >= -max) return;
    if (!Number.isFinite(v)) problems.push(problemOf(path(), 'notFinite', { value: v }));
    else problems.push(problemOf(path(), 'tooLarge', { value: v, max }));
  };
  for (let l = 0; l < weights.length; l++) {
    const W = weights[l];
    for (let j = 0; j < W.length; j++) {
      const row = W[j];
      for (let k = 0; k < row.length; k++) check(row[k], () => `weights[${l}][${j}][${k}]`);
    }
  }
  let biased = false;
  const before = problems.length;
  for (let l = 0; l < biases.length; l++) {
    const b = biases[l];
    for (let j = 0; j < b.length; j++) {
      check(b[j], () => `biases[${l}][${j}]`);
      if (b[j] !== 0) biased = true;
    }
  }
  // (as the format: only of biases that were read, every one a number within the limits)
  if (!useBias && biased && problems.length === before)
    problems.push(problemOf('biases', 'biasesNotZero', {}));
  return problems;
}
