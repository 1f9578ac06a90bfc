import { LIMITS } from './limits';
import { foundOf, problemOf, type ProblemCode, type ProblemParamMap } from './problems';
import type { LessonProblem, Sample } from './types';

/**
 * A data set read from CSV text: a header row, then one row per sample with numeric features and the label in the
 * last column. A label column of numbers is a regression target; any text in it makes it classes, one-hot encoded
 * in the order they first appear.
 */
export interface CsvData {
  features: string[];
  label: string;
  /** The class names (one output per class), or null for a numeric (regression) label. */
  classes: string[] | null;
  samples: Sample[];
}

/** A problem of CSV text, with the line and column (both from 1) it is at and its English message. */
export type CsvProblem = Required<Pick<LessonProblem, 'message' | 'code' | 'params'>> & {
  line: number;
  column: number;
};

export type CsvResult = { ok: true; data: CsvData } | { ok: false; problems: CsvProblem[] };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One line's fields, unquoted ("a ""b""" reads a "b"), or the column of a quote left open. */
function fieldsOf(line: string): { fields: string[]; openQuote?: number } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      const column = fields.length + 1;
      i++;
      for (;;) {
        if (i >= line.length) return { fields, openQuote: column };
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      // anything between the closing quote and the comma is kept as written
      while (i < line.length && line[i] !== ',') field += line[i++];
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++];
    }
    fields.push(field.trim());
    if (i >= line.length) return { fields };
    i++; // the comma
  }
}

/**
 * Reads CSV text into samples, or refuses it with every problem found (line and column of each); a refused text
 * loads nothing. Blank lines are skipped; at most LIMITS.maxSamples rows, and values within ±LIMITS.maxMagnitude.
 */
export function parseCsv(text: string): CsvResult {
  const problems: CsvProblem[] = [];
  const fail = <C extends ProblemCode>(line: number, column: number, code: C, params: ProblemParamMap[C]) => {
    const p = problemOf('', code, params);
    problems.push({ line, column, code, params: p.params, message: p.message });
  };
  const lines = text.split(/\r\n|\n|\r/);
  let header: string[] | null = null;
  let headerLine = 0;
  const rows: { line: number; values: number[]; label: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const { fields, openQuote } = fieldsOf(lines[i]);
    if (openQuote !== undefined) {
      fail(line, openQuote, 'csvQuote', { line, column: openQuote });
      continue;
    }
    if (header === null) {
      header = fields;
      headerLine = line;
      if (fields.length < 2) fail(line, 1, 'csvHeader', { line, column: 1, count: fields.length });
      continue;
    }
    if (fields.length !== header.length) {
      const column = Math.min(fields.length, header.length) + 1;
      fail(line, column, 'csvColumns', { line, column, count: fields.length, expected: header.length });
      continue;
    }
    const values: number[] = [];
    for (let c = 0; c < fields.length - 1; c++) {
      const v = readNumber(fields[c]);
      const column = c + 1;
      if (v === undefined) {
        const found = fields[c] === '' ? { found: 'nothing' as const } : foundOf(fields[c]);
        fail(line, column, 'csvNotNumber', { line, column, ...found });
      } else if (!(Math.abs(v) <= LIMITS.maxMagnitude))
        fail(line, column, 'csvTooLarge', { line, column, value: fields[c], max: LIMITS.maxMagnitude });
      else values.push(v);
    }
    const label = fields[fields.length - 1];
    if (label === '') fail(line, fields.length, 'csvNoLabel', { line, column: fields.length });
    rows.push({ line, values, label });
  }
  if (header === null || (rows.length === 0 && problems.length === 0)) {
    fail(Math.max(1, headerLine), 1, 'csvEmpty', {});
  }
  if (rows.length > LIMITS.maxSamples) {
    const line = rows[LIMITS.maxSamples].line;
    fail(line, 1, 'csvTooManyRows', { line, count: rows.length, max: LIMITS.maxSamples });
  }
  const width = header ? header.length - 1 : 0;
  if (width > LIMITS.maxNeurons)
    fail(headerLine, LIMITS.maxNeurons + 1, 'csvTooManyColumns', { count: width, max: LIMITS.maxNeurons });
  // a numeric label column is a regression target, unless some label is text: then every label is a class
  const numeric = rows.every((r) => readNumber(r.label) !== undefined);
  const classes = numeric ? null : [...new Set(rows.map((r) => r.label))];
  if (numeric)
    for (const r of rows) {
      const v = readNumber(r.label)!;
      if (!(Math.abs(v) <= LIMITS.maxMagnitude))
        fail(r.line, width + 1, 'csvTooLarge', {
          line: r.line,
          column: width + 1,
          value: r.label,
          max: LIMITS.maxMagnitude,
        });
    }
  if (classes && classes.length > LIMITS.maxNeurons)
    fail(headerLine, width + 1, 'csvTooManyClasses', { count: classes.length, max: LIMITS.maxNeurons });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const samples = rows.map((r) => ({
    input: r.values,
    target: classes ? classes.map((c) => (c === r.label ? 1 : 0)) : [Number(r.label)],
  }));
  return {
    ok: true,
    data: { features: header!.slice(0, -1), label: header![header!.length - 1], classes, samples },
  };
}

function readNumber(s: string): number | undefined {
  return NUMBER.test(s) ? Number(s) : undefined;
}
