/**
 * The kinds of problem `parseLesson` reports, each a code with parameters, and the one English formatter
 * that writes their `message`. The UI translates the same code and parameters (`problem.<code>` keys).
 */

/** What a value was found to be: `foundText` holds the quoted string or the number/boolean as written. */
export type FoundKind = 'nothing' | 'null' | 'list' | 'object' | 'string' | 'value';
/** Which list had the wrong length; `layer` names the layer of rows, weights and biases. */
export type ListKind =
  'layers' | 'matrices' | 'rows' | 'weights' | 'biasVectors' | 'biases' | 'inputs' | 'targets' | 'samples';

type Found = { found: FoundKind; foundText?: string };
type List = { what: ListKind; layer?: number };
type Empty = Record<string, never>;

/** The parameters of each problem code. */
export type ProblemParamMap = {
  notObject: Found;
  /** The whole file (path `$`) is not an object. */
  notLesson: Found;
  notList: Found;
  wrongCount: List & { count: number; expected: number };
  countOutOfRange: List & { count: number; min: number; max: number };
  notNumber: Found;
  notFinite: { value: number };
  tooLarge: { value: number; max: number };
  notInteger: Found;
  outOfRange: { value: number; min: number; max: number };
  notOneOf: Found & { options: string };
  notText: Found;
  wrongFormat: Found & { expected: string };
  wrongVersion: Found & { expected: number };
  inputActivation: Empty;
  softmaxNotOutput: { layer: number };
  notPositive: { value: number };
  notBoolean: Found;
  invalidPair: { loss: string; activation: string };
  biasesNotZero: Empty;
  targetOutside01: { value: number };
  targetSum: { sum: number };
  notValueId: { id: string };
  notNumberText: Found;
  /** Problems of a lesson file's text, before parseLesson (src/store/persist/lessonFile.ts). */
  fileTooLong: { length: number; max: number };
  notJson: { detail: string };
  /** Problems of CSV text (a CSV data set), each at a line and column counted from 1. */
  csvEmpty: Empty;
  csvHeader: { line: number; column: number; count: number };
  csvColumns: { line: number; column: number; count: number; expected: number };
  csvNotNumber: Found & { line: number; column: number };
  csvTooLarge: { line: number; column: number; value: string; max: number };
  csvNoLabel: { line: number; column: number };
  csvQuote: { line: number; column: number };
  csvTooManyRows: { line: number; count: number; max: number };
  csvTooManyColumns: { count: number; max: number };
  csvTooManyClasses: { count: number; max: number };
};
export type ProblemCode = keyof ProblemParamMap;
export type ProblemParams = Record<string, string | number>;

/** English sentences by code; the UI's English table takes its `problem.*` keys from here. */
export const ENGLISH_PROBLEMS: Record<ProblemCode, string> = {
  notObject: 'expected an object, found {found}',
  notLesson: 'The file does not hold a lesson: expected an object, found {found}',
  notList: 'expected a list, found {found}',
  wrongCount: 'has {count} {what}; it must have exactly {expected}',
  countOutOfRange: 'has {count} {what}; it must have {min} to {max}',
  notNumber: 'expected a number, found {found}',
  notFinite: '{value} is not a finite number',
  tooLarge: '{value} is outside ±{max}',
  notInteger: 'expected a whole number, found {found}',
  outOfRange: '{value} is outside {min} to {max}',
  notOneOf: '{found} is not one of {options}',
  notText: 'expected text, found {found}',
  wrongFormat: 'expected "{expected}", found {found}',
  wrongVersion: 'expected {expected}, found {found} (this version reads version {expected})',
  inputActivation: 'the input layer has no activation',
  softmaxNotOutput: 'softmax is allowed on the output layer only',
  notPositive: '{value} must be greater than 0',
  notBoolean: 'expected true or false, found {found}',
  invalidPair:
    '{loss} is not defined for a {activation} output layer (cross-entropy needs sigmoid or softmax)',
  biasesNotZero: 'must all be 0 when useBias is false',
  targetOutside01: '{value} must be between 0 and 1 for cross-entropy',
  targetSum: 'sums to {sum}; a softmax cross-entropy target must sum to 1',
  notValueId: 'is not a value id such as z:1:0 or dW:2:0:1',
  notNumberText: 'expected a number written as text, found {found}',
  fileTooLong: 'The file has {length} characters; at most {max} are read',
  notJson: 'The file is not JSON: {detail}',
  csvEmpty: 'holds no data: a header row and at least one row of values are needed',
  csvHeader: 'line {line}: the header needs a feature column and a label column, found {count} column(s)',
  csvColumns: 'line {line}, column {column}: the row has {count} columns; the header has {expected}',
  csvNotNumber: 'line {line}, column {column}: expected a number, found {found}',
  csvTooLarge: 'line {line}, column {column}: {value} is outside ±{max}',
  csvNoLabel: 'line {line}, column {column}: the label is empty',
  csvQuote: 'line {line}, column {column}: a quoted field is not closed',
  csvTooManyRows: 'line {line}: the data has {count} rows; at most {max} are read',
  csvTooManyColumns: 'the header has {count} feature columns; at most {max} are allowed',
  csvTooManyClasses: 'the label column has {count} classes; at most {max} are allowed',
};
export const ENGLISH_FOUND: Record<FoundKind, string> = {
  nothing: 'nothing',
  null: 'null',
  list: 'a list',
  object: 'an object',
  string: '{text}',
  value: '{text}',
};
export const ENGLISH_LISTS: Record<ListKind, string> = {
  layers: 'layers',
  matrices: 'weight matrices (one between each pair of layers)',
  rows: 'rows (one per neuron of layer {layer})',
  weights: 'weights (one per neuron of layer {layer})',
  biasVectors: 'bias vectors (one per non-input layer)',
  biases: 'biases (one per neuron of layer {layer})',
  inputs: 'inputs (one per input neuron)',
  targets: 'targets (one per output neuron)',
  samples: 'samples',
};
/** The same lists when there is exactly one item ("has 1 weight matrix"), keyed as the UI's plural form. */
export const ENGLISH_LISTS_ONE: Record<`${ListKind}#=1`, string> = {
  'layers#=1': 'layer',
  'matrices#=1': 'weight matrix (one between each pair of layers)',
  'rows#=1': 'row (one per neuron of layer {layer})',
  'weights#=1': 'weight (one per neuron of layer {layer})',
  'biasVectors#=1': 'bias vector (one per non-input layer)',
  'biases#=1': 'bias (one per neuron of layer {layer})',
  'inputs#=1': 'input (one per input neuron)',
  'targets#=1': 'target (one per output neuron)',
  'samples#=1': 'sample',
};

export const PROBLEM_CODES = Object.keys(ENGLISH_PROBLEMS) as readonly ProblemCode[];
/** The codes of a file's text rather than of its lesson (parseLesson never reports them). */
export const FILE_PROBLEM_CODES: readonly ProblemCode[] = ['fileTooLong', 'notJson'];
export const FOUND_KINDS = Object.keys(ENGLISH_FOUND) as readonly FoundKind[];
export const LIST_KINDS = Object.keys(ENGLISH_LISTS) as readonly ListKind[];

/** Looks up `<code>`, `found.<kind>` or `what.<kind>` and fills its `{name}` placeholders from params. */
export type ProblemLookup = (key: string, params: ProblemParams) => string;

/**
 * A problem's sentence: the nested codes (`found`, with `foundText`, and `what`, with `layer`) are looked up
 * first and their text replaces them in the parameters of the sentence.
 */
export function renderProblem(code: ProblemCode, params: ProblemParams, lookup: ProblemLookup): string {
  const filled = { ...params };
  if (params.found !== undefined)
    filled.found = lookup(`found.${params.found}`, { text: params.foundText ?? '' });
  if (params.what !== undefined) filled.what = lookup(`what.${params.what}`, params);
  return lookup(code, filled);
}

const fill = (template: string, params: ProblemParams) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

function english(key: string, params: ProblemParams): string {
  const [group, kind] = key.split('.');
  if (group === 'found') return fill(ENGLISH_FOUND[kind as FoundKind], params);
  if (group === 'what')
    return fill(
      params.count === 1 ? ENGLISH_LISTS_ONE[`${kind as ListKind}#=1`] : ENGLISH_LISTS[kind as ListKind],
      params,
    );
  return fill(ENGLISH_PROBLEMS[key as ProblemCode], params);
}

/** The English message of a problem (what `LessonProblem.message` holds). */
export function problemMessage(code: ProblemCode, params: ProblemParams): string {
  return renderProblem(code, params, english);
}

/** What an unexpected value is, as a found kind and, for strings (quoted, cut at 40) and scalars, its text. */
export function foundOf(v: unknown): Found {
  if (v === undefined) return { found: 'nothing' };
  if (v === null) return { found: 'null' };
  if (Array.isArray(v)) return { found: 'list' };
  if (typeof v === 'string') {
    return { found: 'string', foundText: JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) };
  }
  if (typeof v === 'object') return { found: 'object' };
  return { found: 'value', foundText: String(v) };
}

/** The path of a problem about the whole file rather than one field; such a problem is shown without it. */
export const ROOT_PATH = '$';

/** A problem as one line: `path: message`, or the message alone for a problem of the whole file. */
export const problemLine = (path: string, message: string): string =>
  path === ROOT_PATH ? message : `${path}: ${message}`;

/** A problem with its English message, for readers outside parseLesson. */
export function problemOf<C extends ProblemCode>(
  path: string,
  code: C,
  params: ProblemParamMap[C],
): { path: string; message: string; code: C; params: ProblemParams } {
  return { path, message: problemMessage(code, params), code, params };
}
