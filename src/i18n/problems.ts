import {
  FOUND_KINDS,
  LIST_KINDS,
  PROBLEM_CODES,
  renderProblem,
  type FoundKind,
  type LessonProblem,
  type ListKind,
  type ProblemCode,
} from '../engine';
import type { MessageKey, Translator } from './keys';

export type { Translator } from './keys';

/** The message of each problem code, found kind and list kind. */
type ProblemKey = `problem.${ProblemCode}` | `problem.found.${FoundKind}` | `problem.what.${ListKind}`;
// Every code, found kind and list kind has a message (a missing one is a type error here).
export const PROBLEM_KEYS_EXIST: ProblemKey extends MessageKey ? true : never = true;

const known = (list: readonly string[], v: string | number | undefined) =>
  v === undefined || list.includes(String(v));

/** A problem in the reader's language; its English `message` when it has no (known) code. */
export function problemText(t: Translator, problem: LessonProblem): string {
  const { code, params } = problem;
  if (!code || !params || !PROBLEM_CODES.includes(code)) return problem.message;
  if (!known(FOUND_KINDS, params.found) || !known(LIST_KINDS, params.what)) return problem.message;
  // renderProblem asks for `<code>`, `found.<kind>` or `what.<kind>`, all checked known above
  return renderProblem(code, params, (key, p) => t(`problem.${key}` as ProblemKey, p));
}
