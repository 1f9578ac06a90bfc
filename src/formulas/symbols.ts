/**
 * The one place a value gets its name: for a lesson and a value id (`w:2:0:1`, `b:1:0`, `z:1:2`, `x:0`, …),
 * its symbol in the lesson's notation as TeX (formulas) and as plain Unicode text (graph labels, tooltips,
 * field labels, accessible names, messages). The text is read off the TeX, so the two cannot drift apart.
 */
import type { Lesson } from '../engine';
import { valueIndices, valueKind, type ValueId, type ValueKind } from '../steps';
import { notationFor, type Notation } from './notation';
import { SUPERSCRIPT } from './plain';
import { partial, renewed } from './tex';

type SymbolRule = (n: Notation, i: number[]) => string;

/** TeX symbol of each value kind (ids in engine/ids/). */
export const SYMBOLS: Record<ValueKind, SymbolRule> = {
  x: (n, [k]) => n.x(k),
  t: (n, [j]) => n.t(j),
  w: (n, [l, j, k]) => n.w(l, j, k),
  b: (n, [l, j]) => n.b(l, j),
  eta: (n) => n.eta,
  z: (n, [l, j]) => n.z(l, j),
  a: (n, [l, j]) => n.a(l, j),
  fp: (n, [l, j]) => n.fp(l, j),
  e: (n, [j]) => n.e(j),
  E: (n) => n.E,
  dA: (n, [l, j]) => partial(n.E, n.a(l, j)),
  d: (n, [l, j]) => n.delta(l, j),
  dW: (n, [l, j, k]) => partial(n.E, n.w(l, j, k)),
  db: (n, [l, j]) => partial(n.E, n.b(l, j)),
  'w+': (n, [l, j, k]) => renewed(n.w(l, j, k)),
  'b+': (n, [l, j]) => renewed(n.b(l, j)),
};

/** A value's symbol twice: TeX for KaTeX, Unicode text for everything else. */
export interface ValueSymbol {
  tex: string;
  text: string;
}

/** The TeX symbol of a value id in the lesson's notation; throws on an id of no known kind. */
export function symbolTex(lesson: Pick<Lesson, 'layers' | 'conventions'>, id: ValueId): string {
  const rule = SYMBOLS[valueKind(id)];
  if (!rule) throw new Error(`no symbol for value id ${id}`);
  return rule(notationFor(lesson as Lesson), valueIndices(id));
}

/** A value's symbol as TeX and as text: `w:2:0:1` in lesson 004 → `w'_{2,1}` and `w′₂,₁`. */
export function valueSymbol(lesson: Pick<Lesson, 'layers' | 'conventions'>, id: ValueId): ValueSymbol {
  const tex = symbolTex(lesson, id);
  return { tex, text: texToText(tex) };
}

/** The text symbol of a value id (see valueSymbol). */
export const symbolText = (lesson: Pick<Lesson, 'layers' | 'conventions'>, id: ValueId): string =>
  valueSymbol(lesson, id).text;

const COMMANDS: Record<string, string> = {
  partial: '∂',
  delta: 'δ',
  eta: 'η',
  alpha: 'α',
  sigma: 'σ',
  Phi: 'Φ',
  tanh: 'tanh',
  top: 'ᵀ',
  odot: '⊙',
  cdot: '·',
  times: '×',
  sum: 'Σ',
  left: '',
  right: '',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '(': '₍',
  ')': '₎',
  '+': '₊',
  '-': '₋',
  ',': ',',
};

/** Text raised or lowered with Unicode scripts; when a character has none, `^`/`_` and the text as it is. */
function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text];
  return chars.every((c) => c in table) ? chars.map((c) => table[c]).join('') : `${mark}${text}`;
}

/**
 * Plain text of the TeX the notation writes: `w^{2}_{21}` → `w²₂₁`, `X_{\text{hidden},1}` → `X_hidden,1`,
 * `\frac{\partial E}{\partial {h'}_{1}}` → `∂E/∂h′₁`, `{w}_{\text{new}}` → `w_new`, `\bar{x}` → `x̄`.
 */
export function texToText(tex: string): string {
  let i = 0;
  /** One argument: a braced group, a command, or one character. */
  const atom = (): string => {
    while (tex[i] === ' ') i++;
    if (tex[i] === '{') {
      i++;
      return group('}');
    }
    if (tex[i] === '\\') return command();
    const c = tex[i++] ?? '';
    return c === "'" ? '′' : c;
  };
  const command = (): string => {
    i++;
    const name = /^[A-Za-z]+/.exec(tex.slice(i))?.[0] ?? tex[i] ?? '';
    i += name.length || 1;
    if (name === 'frac') {
      const num = atom();
      const den = atom();
      return `${num}/${den}`;
    }
    if (name === 'text' || name === 'operatorname' || name === 'mathrm') return atom();
    if (name === 'bar') return `${atom()}\u0304`;
    if (name === 'quad' || name === ',') return ' ';
    return COMMANDS[name] ?? name;
  };
  const group = (end: string | null): string => {
    let out = '';
    while (i < tex.length && tex[i] !== end) {
      const c = tex[i];
      if (c === '^') {
        i++;
        out += script(atom(), SUPERSCRIPT, '^');
      } else if (c === '_') {
        i++;
        out += script(atom(), SUBSCRIPT, '_');
      } else if (c === '\\') {
        out += command();
      } else out += atom();
    }
    if (end !== null) i++;
    return out;
  };
  return group(null);
}
