import {
  FOUND_KINDS,
  LIST_KINDS,
  PROBLEM_CODES,
  problemLine,
  renderProblem,
  type FoundKind,
  type LessonProblem,
  type ListKind,
  type ProblemCode,
  type ProblemParams,
} from '../engine';
import type { MessageKey, Params } from './translate';

export type Translator = (key: string, params?: Params) => string;

// Every code, found kind and list kind has a message (a missing one is a type error here).
type ProblemKey = `problem.${ProblemCode}` | `problem.found.${FoundKind}` | `problem.what.${ListKind}`;
export const PROBLEM_KEYS_EXIST: ProblemKey extends MessageKey ? true : never = true;

const known = (list: readonly string[], v: string | number | undefined) =>
  v === undefined || list.includes(String(v));

/** A problem in the reader's language; its English `message` when it has no (known) code. */
export function problemText(t: Translator, problem: LessonProblem): string {
  const { code, params } = problem;
  if (!code || !params || !PROBLEM_CODES.includes(code)) return problem.message;
  if (!known(FOUND_KINDS, params.found) || !known(LIST_KINDS, params.what)) return problem.message;
  return renderProblem(code, params, (key, p) => t(`problem.${key}`, p));
}

// A problem rides in a notice's flat params under `problem.` keys, which no `{placeholder}` can name.
const PREFIX = 'problem.';
const PARAM_PREFIX = 'problem.params.';

/**
 * Message params for a lesson problem: `problem` is `path: message` in English, and the path, code and params
 * are packed beside it so `translate` puts the problem in the reader's language (see withProblemText).
 */
export function problemNoticeParams(problem: LessonProblem): Params {
  const out: Params = {
    problem: problemLine(problem.path, problem.message),
    [`${PREFIX}path`]: problem.path,
    [`${PREFIX}message`]: problem.message,
  };
  if (problem.code && problem.params) {
    out[`${PREFIX}code`] = problem.code;
    for (const [k, v] of Object.entries(problem.params)) out[PARAM_PREFIX + k] = v;
  }
  return out;
}

/** The problem packed by `problemNoticeParams`, if any. */
export function unpackProblem(params: Params | undefined): LessonProblem | undefined {
  const path = params?.[`${PREFIX}path`];
  const message = params?.[`${PREFIX}message`];
  if (params === undefined || path === undefined || message === undefined) return undefined;
  const problem: LessonProblem = { path: String(path), message: String(message) };
  const code = params[`${PREFIX}code`];
  if (code !== undefined) {
    const packed: ProblemParams = {};
    for (const [k, v] of Object.entries(params))
      if (k.startsWith(PARAM_PREFIX)) packed[k.slice(PARAM_PREFIX.length)] = v;
    problem.code = String(code) as ProblemCode;
    problem.params = packed;
  }
  return problem;
}

/** The params with a packed problem's `problem` as `path: <problem in the reader's language>`. */
export function withProblemText(t: Translator, params: Params): Params {
  const problem = unpackProblem(params);
  return problem ? { ...params, problem: problemLine(problem.path, problemText(t, problem)) } : params;
}
