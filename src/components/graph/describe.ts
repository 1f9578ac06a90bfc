import type { Lesson } from '../../engine';
import type { EdgeGeom } from '../../layout';

/** The translator the graph is given: t('graph.neuron', { layer: 1, index: 2 }). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;
/** The values shown so far by value id (`z:1:0`, `w:1:0:0`, …). */
export type Shown = Record<string, number>;

/** One line of a tooltip: a symbol and its formatted value, null while not computed yet. */
export interface Row {
  label: string;
  value: string | null;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const digits = (n: number, set: string) => [...String(n)].map((c) => set[Number(c)]).join('');

/** The symbol drawn on a node: x₁ for input k = 0, a¹₁ for neuron j = 0 of layer 1 (1-based, like the text). */
export const nodeSymbol = (layer: number, index: number): string =>
  layer === 0 ? `x${digits(index + 1, SUB)}` : `a${digits(layer, SUP)}${digits(index + 1, SUB)}`;

/** The node's spoken name: "Input 1", "Layer 1, neuron 2". */
export const nodeName = (t: Translate, layer: number, index: number): string =>
  layer === 0 ? t('graph.input', { index: index + 1 }) : t('graph.neuron', { layer, index: index + 1 });

/** Value ids an edge shows: the weight (or bias), its gradient and its updated value. */
export function edgeValueIds(e: Pick<EdgeGeom, 'layer' | 'to' | 'from'>): {
  w: string;
  grad: string;
  next: string;
} {
  const { layer: l, to: j, from: k } = e;
  return k < 0
    ? { w: `b:${l}:${j}`, grad: `db:${l}:${j}`, next: `b+:${l}:${j}` }
    : { w: `w:${l}:${j}:${k}`, grad: `dW:${l}:${j}:${k}`, next: `w+:${l}:${j}:${k}` };
}

/** An edge's weight (or bias): as shown, else from the lesson. */
export function weightOf(lesson: Lesson, shown: Shown, e: Pick<EdgeGeom, 'layer' | 'to' | 'from'>): number {
  const given = e.from < 0 ? lesson.biases[e.layer - 1][e.to] : lesson.weights[e.layer - 1][e.to][e.from];
  return shown[edgeValueIds(e).w] ?? given;
}

const pick = (shown: Shown, id: string, format: (x: number) => string) =>
  id in shown ? format(shown[id]) : null;

/** Tooltip rows of a neuron: x for inputs; z, a, δ (blank until shown) and, once shown, f′(z), t, e, ∂E/∂a. */
export function nodeRows(
  layer: number,
  index: number,
  last: number,
  shown: Shown,
  format: (x: number) => string,
): Row[] {
  const v = (id: string) => pick(shown, id, format);
  if (layer === 0) return [{ label: 'x', value: v(`x:${index}`) }];
  const at = `${layer}:${index}`;
  const rows: (Row & { optional?: boolean })[] = [
    { label: 'z', value: v(`z:${at}`) },
    { label: 'a', value: v(`a:${at}`) },
    { label: 'f′(z)', value: v(`fp:${at}`), optional: true },
    ...(layer === last
      ? [
          { label: 't', value: v(`t:${index}`), optional: true },
          { label: 'e', value: v(`e:${index}`), optional: true },
        ]
      : []),
    { label: '∂E/∂a', value: v(`dA:${at}`), optional: true },
    { label: 'δ', value: v(`d:${at}`) },
  ];
  return rows.filter((r) => !r.optional || r.value !== null).map(({ label, value }) => ({ label, value }));
}

/** Tooltip rows of an edge: w (or b), ∂E/∂w, and the updated value. */
export function edgeRows(
  e: EdgeGeom,
  weight: number,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
): Row[] {
  const ids = edgeValueIds(e);
  const sym = e.from < 0 ? 'b' : 'w';
  return [
    { label: sym, value: format(weight) },
    { label: `∂E/∂${sym}`, value: pick(shown, ids.grad, format) },
    { label: t('graph.updated'), value: pick(shown, ids.next, format) },
  ];
}

/** "Weight from Input 1 to Layer 1, neuron 1: 0.9, positive" plus the gradient and update once shown. */
export function edgeAria(
  e: EdgeGeom,
  weight: number,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
) {
  const from = e.from < 0 ? t('graph.bias') : nodeName(t, e.layer - 1, e.from);
  const to = nodeName(t, e.layer, e.to);
  const sign = weight > 0 ? `, ${t('graph.positive')}` : weight < 0 ? `, ${t('graph.negative')}` : '';
  const [, grad, next] = edgeRows(e, weight, shown, format, t);
  const extra = [grad, next].filter((r) => r.value !== null).map((r) => `, ${r.label}: ${r.value}`);
  return t('graph.weight', { from, to, value: format(weight) }) + sign + extra.join('');
}

/** "Layer 1, neuron 1: z 1.16, a 0.761" (only values shown so far), or "…: not computed yet". */
export function nodeAria(name: string, rows: Row[], t: Translate): string {
  const known = rows.filter((r) => r.value !== null).map((r) => `${r.label} ${r.value}`);
  return `${name}: ${known.length ? known.join(', ') : t('graph.notYet')}`;
}

/** Characters a weight label needs: the longest formatted weight, plus room for "→ " and a digit more. */
export function labelChars(values: number[], format: (x: number) => string): number {
  return Math.max(4, ...values.map((v) => format(v).length)) + 3;
}
