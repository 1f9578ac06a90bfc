import { vid, type Lesson, type ValueId } from '../../engine';
import { symbolText } from '../../formulas';
import type { Translator } from '../../i18n';
import type { EdgeGeom } from '../../layout';

/** The translator the graph is given: t('graph.input', { symbol: 'x₁' }). */
export type Translate = Translator;
/** The values shown so far by value id (`z:1:0`, `w:1:0:0`, …). */
export type Shown = Record<ValueId, number>;

/** One line of a tooltip: a symbol and its formatted value, null while not computed yet. */
export interface Row {
  label: string;
  value: string | null;
}

/** What naming needs of a lesson: its layers (which is the output) and its notation. */
export type Named = Pick<Lesson, 'layers' | 'conventions'>;

/** The symbol drawn on a node, in the lesson's notation: x₁ for input k = 0, a¹₁ (O_hidden,1 …) for a neuron. */
export const nodeSymbol = (lesson: Named, layer: number, index: number): string =>
  symbolText(lesson, layer === 0 ? vid.x(index) : vid.a(layer, index));

/** The node's name inside a sentence: "input x₁", "hidden neuron a¹₂", "output neuron O_output,1". */
export function nodeName(t: Translate, lesson: Named, layer: number, index: number): string {
  const key =
    layer === 0 ? 'graph.input' : layer === lesson.layers.length - 1 ? 'graph.output' : 'graph.hidden';
  return t(key, { symbol: nodeSymbol(lesson, layer, index) });
}

/** The letters a neuron's values are marked with inside it (its symbols without indices): z, a, δ as standard,
 * X, O, δ in lesson 004, h′, h, ∂E/∂h′ in lesson 001. */
export interface Letters {
  z: string;
  a: string;
  delta: string;
}

const INDEX_MARKS = /(_[^/\s]*|[₀-₉₍₎₊₋,⁰-⁹⁽⁾⁺⁻¹²³])+$/u;
/** A text symbol without its trailing indices: `X_hidden,1` → `X`, `a²₁` → `a`, `∂E/∂h′₁` → `∂E/∂h′`. */
export const withoutIndices = (text: string): string => text.replace(INDEX_MARKS, '') || text;

export const lettersOf = (lesson: Named, layer: number, index: number): Letters => ({
  z: withoutIndices(symbolText(lesson, vid.z(layer, index))),
  a: withoutIndices(symbolText(lesson, vid.a(layer, index))),
  delta: withoutIndices(symbolText(lesson, vid.d(layer, index))),
});

/** A name or sentence with its first letter in upper case (no change to Chinese). */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Value ids an edge shows: the weight (or bias), its gradient and its updated value. */
export function edgeValueIds(e: Pick<EdgeGeom, 'layer' | 'to' | 'from'>): {
  w: ValueId;
  grad: ValueId;
  next: ValueId;
} {
  const { layer: l, to: j, from: k } = e;
  return { w: vid.param(l, j, k), grad: vid.grad(l, j, k), next: vid.paramNew(l, j, k) };
}

/** An edge's weight (or bias): as shown, else from the lesson. */
export function weightOf(lesson: Lesson, shown: Shown, e: Pick<EdgeGeom, 'layer' | 'to' | 'from'>): number {
  const given = e.from < 0 ? lesson.biases[e.layer - 1][e.to] : lesson.weights[e.layer - 1][e.to][e.from];
  return shown[edgeValueIds(e).w] ?? given;
}

const pick = (shown: Shown, id: ValueId, format: (x: number) => string) =>
  id in shown ? format(shown[id]) : null;

/** Tooltip rows of a neuron, each labelled with its symbol: x for inputs; z, a, δ (blank until shown) and, once
 * shown, f′(z), t, e, ∂E/∂a. */
export function nodeRows(
  lesson: Named,
  layer: number,
  index: number,
  shown: Shown,
  format: (x: number) => string,
): Row[] {
  const row = (id: ValueId, optional = false) => ({
    label: symbolText(lesson, id),
    value: pick(shown, id, format),
    optional,
  });
  if (layer === 0) return [row(vid.x(index))].map(({ label, value }) => ({ label, value }));
  const [l, j] = [layer, index];
  const rows = [
    row(vid.z(l, j)),
    row(vid.a(l, j)),
    row(vid.fp(l, j), true),
    ...(l === lesson.layers.length - 1 ? [row(vid.t(j), true), row(vid.e(j), true)] : []),
    row(vid.dA(l, j), true),
    row(vid.d(l, j)),
  ];
  return rows.filter((r) => !r.optional || r.value !== null).map(({ label, value }) => ({ label, value }));
}

/** Tooltip rows of an edge: w (or b), ∂E/∂w and the updated value, labelled in the lesson's notation. */
export function edgeRows(
  lesson: Named,
  e: EdgeGeom,
  weight: number,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
): Row[] {
  const ids = edgeValueIds(e);
  return [
    { label: symbolText(lesson, ids.w), value: format(weight) },
    { label: symbolText(lesson, ids.grad), value: pick(shown, ids.grad, format) },
    { label: t('graph.updated'), value: pick(shown, ids.next, format) },
  ];
}

/** An edge's title in its tooltip: "w¹₁₁: input x₁ → hidden neuron a¹₁" ("b¹₁ → hidden neuron a¹₁"). */
export function edgeTitle(lesson: Named, e: EdgeGeom, t: Translate): string {
  const symbol = symbolText(lesson, edgeValueIds(e).w);
  const to = nodeName(t, lesson, e.layer, e.to);
  return e.from < 0 ? `${symbol} → ${to}` : `${symbol}: ${nodeName(t, lesson, e.layer - 1, e.from)} → ${to}`;
}

/**
 * "Weight w¹₁₁ from input x₁ to hidden neuron a¹₁: 0.9, positive" ("Bias b¹₁ of hidden neuron a¹₁: …") plus
 * the gradient and update once shown.
 */
export function edgeAria(
  lesson: Named,
  e: EdgeGeom,
  weight: number,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
) {
  const symbol = symbolText(lesson, edgeValueIds(e).w);
  const to = nodeName(t, lesson, e.layer, e.to);
  const value = format(weight);
  const head =
    e.from < 0
      ? t('graph.biasOf', { symbol, to, value })
      : t('graph.weight', { symbol, from: nodeName(t, lesson, e.layer - 1, e.from), to, value });
  const sign = weight > 0 ? `, ${t('graph.positive')}` : weight < 0 ? `, ${t('graph.negative')}` : '';
  const [, grad, next] = edgeRows(lesson, e, weight, shown, format, t);
  const extra = [grad, next].filter((r) => r.value !== null).map((r) => `, ${r.label}: ${r.value}`);
  return head + sign + extra.join('');
}

/** "Hidden neuron a¹₁: z¹₁ 1.16, a¹₁ 0.761" (only values shown so far), or "…: not computed yet". */
export function nodeAria(name: string, rows: Row[], t: Translate): string {
  const known = rows.filter((r) => r.value !== null).map((r) => `${r.label} ${r.value}`);
  return `${capitalised(name)}: ${known.length ? known.join(', ') : t('graph.notYet')}`;
}

/**
 * Characters a weight label needs: the longest formatted weight (at least 4), plus room for "→ " and a digit
 * more.
 *
 * A 10 × 64 net has 37,440 weights, and formatting each of them took about 30 ms at every iteration. So the
 * weights are sorted by sign and decade first (sign and ⌊log₁₀|w|⌋, plain arithmetic), and a decade is
 * formatted only while it can still beat the longest text so far. What bounds it is the text of a number with
 * every digit non-zero (1.111…) in that decade and the next (rounding can move a weight into the next decade:
 * 9.9996 → 10.00): `format` writes a fixed number of significant
 * digits, less its trailing zeros. In a decade the first weight formatted usually reaches the bound, so a few
 * dozen weights are formatted in all. Zero and non-finite weights are always formatted.
 */
export function labelChars(values: ArrayLike<number>, format: (x: number) => string): number {
  let longest = 4;
  const n = values.length;
  const decade = new Int16Array(n);
  const bounds = new Map<number, number>();
  const bound = (sign: number, e: number) => {
    let b = 0;
    for (let k = e; k <= e + 1; k++) b = Math.max(b, format(sign * ALL_ONES * 10 ** k).length);
    return b;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const abs = Math.abs(v);
    if (!(abs > 0) || !Number.isFinite(abs) || abs < 1e-280 || abs > 1e280) {
      longest = Math.max(longest, format(v).length); // 0, NaN, ±∞ and extremes: written as they come
      decade[i] = UNSORTED;
      continue;
    }
    let e = Math.floor(Math.log10(abs));
    if (abs < 10 ** e)
      e--; // log₁₀ can be off by one next to a power of ten
    else if (abs >= 10 ** (e + 1)) e++;
    // key: the decade shifted to be positive, doubled, plus one for a negative sign
    const key = (e + 300) * 2 + (v < 0 ? 1 : 0);
    decade[i] = key;
    if (!bounds.has(key)) bounds.set(key, bound(v < 0 ? -1 : 1, e));
  }
  const byBound = [...bounds].sort((a, b) => b[1] - a[1]);
  for (const [key, most] of byBound) {
    if (most <= longest) break; // neither this decade nor any after it can write a longer weight
    for (let i = 0; i < n && longest < most; i++) {
      if (decade[i] === key) longest = Math.max(longest, format(values[i]).length);
    }
  }
  return longest + 3;
}

/** 1.111… (16 ones): the longest mantissa at any number of significant digits, no digit rounding to zero. */
const ALL_ONES = 1.111111111111111;
/** A weight's decade key for those formatted as they come. */
const UNSORTED = -1;
