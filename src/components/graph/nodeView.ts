import { vid, type Lesson, type ValueId } from '../../engine';
import type { NodeGeom } from '../../layout';
import { lettersOf, nodeAria, nodeName, nodeRows, nodeSymbol } from './describe';
import type { Letters, Shown, Translate } from './describe';
import type { Mark } from './marks';

/** Everything one neuron draws: formatted x, z, a, δ (null until shown), its spoken name and values. */
export interface NodeView {
  geom: NodeGeom;
  symbol: string;
  /** The letters marking z, a and δ inside the node, in the lesson's notation. */
  letters: Letters;
  x: string | null | undefined;
  z: string | null;
  a: string | null;
  delta: string | null;
  aria: string;
  mark: Mark;
  onPath: boolean;
}

/** Value ids a neuron's tooltip and spoken name read (its x, z, a, f′(z), t, e, ∂E/∂a, δ). */
export function nodeValueIds(n: NodeGeom, last: number): ValueId[] {
  const { layer: l, index: j } = n;
  if (l === 0) return [vid.x(j)];
  const out = l === last ? [vid.t(j), vid.e(j)] : [];
  return [vid.z(l, j), vid.a(l, j), vid.fp(l, j), vid.dA(l, j), vid.d(l, j), ...out];
}

/** A neuron's view for these values and marks: its formatted values, symbol, letters and spoken name. */
export function nodeViewOf(
  geom: NodeGeom,
  lesson: Pick<Lesson, 'layers' | 'conventions'>,
  shown: Shown,
  marks: { mark: Mark; onPath: boolean },
  format: (x: number) => string,
  t: Translate,
): NodeView {
  const value = (id: ValueId) => (id in shown ? format(shown[id]) : null);
  const { layer: l, index: j } = geom;
  return {
    geom,
    symbol: nodeSymbol(lesson, l, j),
    letters: lettersOf(lesson, l, j),
    x: l === 0 ? value(vid.x(j)) : undefined,
    z: value(vid.z(l, j)),
    a: value(vid.a(l, j)),
    delta: value(vid.d(l, j)),
    aria: nodeAria(nodeName(t, lesson, l, j), nodeRows(lesson, l, j, shown, format), t),
    ...marks,
  };
}
