import type { Lesson } from '../../engine';
import { edgeStyle, type EdgeGeom, type NetworkLayout, type NodeGeom, type Sign } from '../../layout';
import type { Highlight } from '../../steps/types';
import { edgeAria, edgeValueIds, nodeAria, nodeName, nodeRows, nodeSymbol } from './describe';
import type { Shown, Translate } from './describe';

/** How an element stands relative to the current step: part of it, dimmed beside it, or no step shown. */
export type Mark = 'highlighted' | 'dimmed' | 'plain';

/** What is lit: the current step's node and edge ids, the chain-rule path's, and the selected edge. */
export interface Marks {
  lit: ReadonlySet<string>;
  path: ReadonlySet<string>;
  selected: string | null;
}

const NONE: readonly string[] = [];

/** The marks of a step's highlight, a chain-rule path and a selected edge (any of them may be absent). */
export function marksOf(
  highlight: Highlight | null,
  pathHighlight: { nodes: string[]; edges: string[] } | null | undefined,
  selected: string | null | undefined,
): Marks {
  return {
    lit: new Set([...(highlight?.nodes ?? NONE), ...(highlight?.edges ?? NONE)]),
    path: new Set([...(pathHighlight?.nodes ?? NONE), ...(pathHighlight?.edges ?? NONE)]),
    selected: selected ?? null,
  };
}

/** An element's mark: once anything is lit the rest is dimmed, except the selected edge and the path. */
export function markOf(m: Marks, id: string): Mark {
  if (m.lit.has(id)) return 'highlighted';
  const focus = m.lit.size > 0 || m.path.size > 0;
  return focus && !m.path.has(id) && id !== m.selected ? 'dimmed' : 'plain';
}

/** Everything one edge draws, as primitives and its (per-layout) geometry. */
export interface EdgeView {
  geom: EdgeGeom;
  /** The weight w (or bias b) as shown, its gradient and updated value (undefined until shown). */
  w: number;
  grad: number | undefined;
  next: number | undefined;
  /** Stroke width by |w|, sign class and dash pattern. */
  width: number;
  sign: Sign;
  dash: string | undefined;
  /** Formatted w and w⁺ (null until shown) for the label. */
  value: string;
  nextText: string | null;
  /** The spoken name: "Weight from Input 1 to Layer 1, neuron 1: 0.9, positive…" (see edgeAria). */
  aria: string;
  mark: Mark;
  onPath: boolean;
  selected: boolean;
}

/** Everything one neuron draws: formatted x, z, a, δ (null until shown), its spoken name and values. */
export interface NodeView {
  geom: NodeGeom;
  symbol: string;
  x: string | null | undefined;
  z: string | null;
  a: string | null;
  delta: string | null;
  aria: string;
  mark: Mark;
  onPath: boolean;
}

/** Value ids a neuron's tooltip and spoken name read (its x, z, a, f′(z), t, e, ∂E/∂a, δ). */
function nodeValueIds(n: NodeGeom, last: number): string[] {
  const at = `${n.layer}:${n.index}`;
  if (n.layer === 0) return [`x:${n.index}`];
  const out = n.layer === last ? [`t:${n.index}`, `e:${n.index}`] : [];
  return [`z:${at}`, `a:${at}`, `fp:${at}`, `dA:${at}`, `d:${at}`, ...out];
}

/**
 * Per-element view data of one drawing (one layout, lesson, translator and number format), kept from step to
 * step: an element whose values and mark did not change keeps the very same view object, and a group of
 * edges none of which changed keeps the same array, so memoised components skip them. A step costs one pass
 * of cheap comparisons plus the text of the elements that changed, not the text of all ~10⁴ edges.
 *
 * It is a memo table, not state: each view is a function of the inputs alone, so which render filled the
 * table (a discarded concurrent one included) does not matter.
 */
export class GraphViews {
  /** Edges grouped by the neuron they lead into (`e:l:j:*` and `eb:l:j`), in layout order. */
  private readonly groups: EdgeGeom[][];
  private readonly edgeIds: Array<{ w: string; grad: string; next: string }>;
  private readonly given: number[];
  private edgeViews: EdgeView[] = [];
  private groupViews: EdgeView[][] = [];
  private readonly neurons: Array<{ geom: NodeGeom; ids: string[] }>;
  private nodeViews: Array<{ values: Array<number | undefined>; view: NodeView }> = [];

  constructor(
    private readonly layout: NetworkLayout,
    lesson: Pick<Lesson, 'weights' | 'biases'>,
    private readonly widthOf: (w: number) => number,
    private readonly format: (x: number) => string,
    private readonly t: Translate,
  ) {
    this.groups = [];
    let key = '';
    for (const e of layout.edges) {
      const k = `${e.layer}:${e.to}`;
      if (k !== key) this.groups.push([]);
      key = k;
      this.groups[this.groups.length - 1].push(e);
    }
    this.edgeIds = layout.edges.map(edgeValueIds);
    this.given = layout.edges.map((e) =>
      e.from < 0 ? lesson.biases[e.layer - 1][e.to] : lesson.weights[e.layer - 1][e.to][e.from],
    );
    const last = layout.columns.length - 1;
    this.neurons = layout.nodes
      .filter((n) => !n.bias)
      .map((geom) => ({ geom, ids: nodeValueIds(geom, last) }));
  }

  /** The edges' views for these values and marks, grouped by target neuron; unchanged groups are reused. */
  edges(shown: Shown, marks: Marks): EdgeView[][] {
    const { layout, edgeIds, given, edgeViews } = this;
    let i = 0;
    this.groupViews = this.groups.map((group, g) => {
      let changed = this.groupViews[g] === undefined;
      for (let n = 0; n < group.length; n++, i++) {
        const geom = layout.edges[i];
        const ids = edgeIds[i];
        const w = shown[ids.w] ?? given[i];
        const grad = shown[ids.grad];
        const next = shown[ids.next];
        const mark = markOf(marks, geom.id);
        const onPath = marks.path.has(geom.id);
        const selected = geom.id === marks.selected;
        const old = edgeViews[i];
        if (
          old &&
          old.w === w &&
          old.grad === grad &&
          old.next === next &&
          old.mark === mark &&
          old.onPath === onPath &&
          old.selected === selected
        )
          continue;
        changed = true;
        const same = old && old.w === w && old.grad === grad && old.next === next;
        const style = same ? old : edgeStyle(w, this.widthOf);
        edgeViews[i] = {
          geom,
          w,
          grad,
          next,
          width: style.width,
          sign: style.sign,
          dash: style.dash,
          value: same ? old.value : this.format(w),
          nextText: same ? old.nextText : next === undefined ? null : this.format(next),
          aria: same ? old.aria : edgeAria(geom, w, shown, this.format, this.t),
          mark,
          onPath,
          selected,
        };
      }
      return changed ? edgeViews.slice(i - group.length, i) : this.groupViews[g];
    });
    return this.groupViews;
  }

  /** The neurons' views (bias nodes excluded) for these values and marks; unchanged ones are reused. */
  nodes(shown: Shown, marks: Marks): NodeView[] {
    const last = this.layout.columns.length - 1;
    return this.neurons.map(({ geom, ids }, i) => {
      const values = ids.map((id) => shown[id]);
      const mark = markOf(marks, geom.id);
      const onPath = marks.path.has(geom.id);
      const old = this.nodeViews[i];
      if (
        old &&
        old.view.mark === mark &&
        old.view.onPath === onPath &&
        values.every((v, k) => v === old.values[k])
      )
        return old.view;
      const same = old && values.every((v, k) => v === old.values[k]);
      const value = (id: string) => (id in shown ? this.format(shown[id]) : null);
      const { layer: l, index: j } = geom;
      const view: NodeView = same
        ? { ...old.view, mark, onPath }
        : {
            geom,
            symbol: nodeSymbol(l, j),
            x: l === 0 ? value(`x:${j}`) : undefined,
            z: value(`z:${l}:${j}`),
            a: value(`a:${l}:${j}`),
            delta: value(`d:${l}:${j}`),
            aria: nodeAria(nodeName(this.t, l, j), nodeRows(l, j, last, shown, this.format), this.t),
            mark,
            onPath,
          };
      this.nodeViews[i] = { values, view };
      return view;
    });
  }
}
