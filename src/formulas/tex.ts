/**
 * The TeX vocabulary every formula is built from: symbols, fractions, sums, products, matrices. Pure string
 * helpers; a negative or compound operand is bracketed here, in one place, wherever an operator precedes it.
 */
import { SLOT, type SlotName } from '../steps';

/** `base^{sup}_{sub}`, leaving out an empty part. A primed base must come braced (`{h'}`) when sup is given. */
export function sym(base: string, sup = '', sub = ''): string {
  return `${base}${sup ? `^{${sup}}` : ''}${sub ? `_{${sub}}` : ''}`;
}

export const frac = (num: string, den: string): string => `\\frac{${num}}{${den}}`;
/** ∂of/∂by */
export const partial = (of: string, by: string): string => frac(`\\partial ${of}`, `\\partial ${by}`);
export const paren = (s: string): string => `\\left(${s}\\right)`;
export const transposed = (s: string): string => `{${s}}^{\\top}`;
/** The updated value of a symbol: `{w}_{\text{new}}`. */
export const renewed = (s: string): string => `{${s}}_{\\text{new}}`;
/** A quantity of one sample x of a mini-batch: `{z^{1}_{1}}^{(x)}`, x the 1-based sample number (or `x`). */
export const ofSample = (s: string, x: number | string): string =>
  `{${s}}^{(${typeof x === 'number' ? x + 1 : x})}`;
/** (1/m)(terms…): a mean written out, m the count. */
export const meanOf = (m: number | string, terms: readonly string[]): string =>
  `${frac('1', String(m))} ${paren(plus(terms))}`;
/**
 * (1/m) term₁ + (1/m) term₂ + …: a mean of matrices or vectors written out, the factor on each term so that a
 * long mean can break after each + sign (a bracketed sum cannot break).
 */
export const meanOfEach = (m: number | string, terms: readonly string[]): string =>
  plus(terms.map((t) => `${frac('1', String(m))} ${guard(t)}`));
/** e^{x} */
export const exp = (x: string): string => `e^{${x}}`;

const LEADING_NUMBER = /^-[0-9.]+(?:\\times10\^\{-?\d+\})?/;

/**
 * Brackets a leading minus sign for use after an operator: a negative number alone (0.5 · (−0.112), + (−0.5) · 0.2),
 * any other negative expression whole (+ (−\frac{t}{a})).
 */
export function guard(s: string): string {
  if (!s.startsWith('-')) return s;
  const number = LEADING_NUMBER.exec(s);
  return number ? `(${number[0]})${s.slice(number[0].length)}` : `(${s})`;
}

/** Items joined by `sep`, each after the first bracketed if negative. */
function joinGuarded(items: readonly string[], sep: string): string {
  let out = items.length > 0 ? items[0] : '';
  for (let i = 1; i < items.length; i++) out += sep + guard(items[i]);
  return out;
}

/** a + b + …, bracketing negative terms after the first. */
export const plus = (terms: readonly string[]): string => joinGuarded(terms, ' + ');
/** Sums of more terms than this are written folded on screen (see foldTerms). */
export const FOLD_OVER = 8;
/** The first three terms, ⋯, the last two: a long sum as read on screen (every term shown is exact). */
export const foldTerms = (terms: readonly string[]): string[] =>
  terms.length > FOLD_OVER ? [...terms.slice(0, 3), '\\cdots', ...terms.slice(-2)] : [...terms];
/** a − b */
export const minus = (a: string, b: string): string => `${a} - ${guard(b)}`;
/** Factors joined by `sep` (` \cdot ` between numbers, a space between symbols), negatives bracketed after the first. */
export const product = (factors: readonly string[], sep: string): string => joinGuarded(factors, sep);
/** a ⊙ b, the Hadamard (element-wise) product. */
export const hadamard = (a: string, b: string): string => `${a} \\odot ${b}`;
/** lhs = middle = rhs (the middle form is optional). */
export function equation(lhs: string, rhs: string, last?: string): string {
  return last === undefined ? `${lhs} = ${rhs}` : `${lhs} = ${rhs} = ${last}`;
}
/** Several equations on one line. */
export function list(items: readonly string[]): string {
  let out = items.length > 0 ? items[0] : '';
  for (let i = 1; i < items.length; i++) out += ',\\quad ' + items[i];
  return out;
}
/** A matrix cell; one opening with `[` gets a `{}` first, so the `\\` before it cannot read it as a row spacing. */
const cell = (c: string): string => (c.startsWith('[') ? `{}${c}` : c);
/**
 * Rows or columns beyond this are cut (the first ones, ⋮ or ⋯, the last one), as a textbook writes a large
 * matrix: a 64 × 64 weight matrix written out is ~40,000 elements of KaTeX per formula, unreadable and slow
 * to lay out. The values cut still count as the step's operands (listed under "where each number comes from").
 */
export const MATRIX_MAX = 12;

/** The first MATRIX_MAX − 2 items, then `gap`, then the last one, when there are more than MATRIX_MAX. */
function cutItems<T>(items: readonly T[], gap: T): T[] {
  return items.length > MATRIX_MAX
    ? [...items.slice(0, MATRIX_MAX - 2), gap, items[items.length - 1]]
    : [...items];
}

/**
 * Equations of a step, as `list` writes them, cut like a matrix's rows when there are more than MATRIX_MAX (the
 * first ones, …, the last): a neuron of a 64-wide layer has 65 gradients, ~15,000 KaTeX elements written out.
 * Every equation is still written first, so each number counts as an operand (listed under where it comes from).
 */
export const longList = (items: readonly string[]): string => list(cutItems(items, '\\dots'));

export function matrix(rows: string[][]): string {
  const width = rows[0]?.length ?? 0;
  const cutRow = (r: string[]) => cutItems(r, '\\cdots');
  const gapRow = cutItems(Array<string>(width).fill('\\vdots'), '\\ddots');
  const shown = cutItems<string[] | null>(rows, null).map((r) => (r === null ? gapRow : cutRow(r)));
  return `\\begin{bmatrix}${shown.map((r) => r.map(cell).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}
export const ellipsis = '\\dots';

const SLOT_NAMES = new Map<string, SlotName>((Object.keys(SLOT) as SlotName[]).map((n) => [SLOT[n], n]));
const OPENERS = new Set(['', '(', '{', '[', ',', '&']);
const ATOMIC = /^(?:[0-9.]+|[A-Za-z])$/;
const NUMERIC = /^[-0-9(]/;

/**
 * Fills an engine TeX template (activation, loss) whose slots stand for z, a, t, n. `token` renders each slot
 * in the order it appears. A compound token before `^` is braced (symbols) or bracketed (numbers); a negative one
 * after an operator is bracketed; a number right after a digit gets a `\cdot` (0.01·(−0.5), not 0.01-0.5).
 */
export function fill(template: string, token: (slot: SlotName) => string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const name = SLOT_NAMES.get(template[i]);
    if (!name) {
      out += template[i];
      continue;
    }
    let t = token(name);
    const before = out.trimEnd();
    const prev = before.slice(-1);
    if (template[i + 1] === '^' && !ATOMIC.test(t)) t = NUMERIC.test(t) ? `(${t})` : `{${t}}`;
    else if (t.startsWith('-') && !OPENERS.has(prev)) t = `(${t})`;
    if (/[0-9.]/.test(prev) && NUMERIC.test(t)) t = `\\cdot ${t}`;
    out += t;
  }
  return out;
}

/** Whether a template is a sum at its top level (1 − a²), so it needs brackets as a factor. */
export function isSum(template: string): boolean {
  let depth = 0;
  for (let i = 1; i < template.length; i++) {
    const c = template[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (depth === 0 && (c === '+' || c === '-')) return true;
  }
  return false;
}
