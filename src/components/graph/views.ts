import type { GraphId, Lesson, ValueId } from '../../engine';
import { dashFor, edgeStyle, signOf, type NetworkLayout, type NodeGeom } from '../../layout';
import { shownChanges, shownSlots, type ShownSlots } from '../../store';
import { edgeAria, edgeValueIds } from './describe';
import type { Shown, Translate } from './describe';
import { EdgeTexts, EdgeView } from './edgeView';
import { markOf, type Marks } from './marks';
import { edgeSlotsOf, givenOf, type EdgeSlots, type EdgeValueIds } from './edgeValues';
import { nodeValueIds, nodeViewOf, type NodeView } from './nodeView';

export { markOf, marksOf, type Mark, type Marks } from './marks';
export { EdgeView, type EdgeLook } from './edgeView';
export type { NodeView } from './nodeView';

const NO_EDGES: readonly number[] = [];

/** The value in `slot` of a layout of values if shown at the cursor, else undefined (-1: no slot). */
function readSlot({ data, written, cursor }: ShownSlots, slot: number): number | undefined {
  return slot >= 0 && written[slot] <= cursor ? data[slot] : undefined;
}

/**
 * Per-element view data of one drawing (one lesson, translator and number format), kept from step to step:
 * an element whose values and mark did not change keeps the very same view object, and a group of edges none
 * of which changed keeps the same array, so memoised components skip them. A step costs one pass of cheap
 * comparisons plus the text of the elements that changed, not the text of all ~10⁴ edges.
 *
 * The views also outlive a change of layout (the graph resized or narrowed, say by the chain-rule panel):
 * `withLayout` swaps in the new geometry (and, if the width scale changed, the stroke widths) and keeps the
 * values, their text and spoken names, which do not depend on where an edge is drawn.
 *
 * It is a memo table, not state: each view is a function of the inputs alone, so which render filled the
 * table (a discarded concurrent one included) does not matter.
 */
export class GraphViews {
  /** How many edges lead into each neuron (`e:l:j:*` and `eb:l:j`), groups in layout order. */
  private readonly groups: number[];
  private readonly edgeIds: EdgeValueIds[];
  private given: number[];
  private edgeViews: EdgeView[] = [];
  private groupViews: EdgeView[][] = [];
  private neurons: Array<{ geom: NodeGeom; ids: ValueId[] }>;
  private nodeViews: Array<{ values: Array<number | undefined>; view: NodeView }> = [];
  /** Edge index by edge id, edges by the value ids they read, each edge's group and each group's first edge. */
  private readonly edgeIndex = new Map<GraphId, number>();
  private readonly byValue = new Map<ValueId, number[]>();
  private readonly groupOf: number[] = [];
  private readonly groupStart: number[] = [];
  /** The inputs of the last call of edges(). */
  private last: { shown: Shown; marks: Marks } | null = null;
  /**
   * Set when withLayout came while a new lesson waited: the edge views still have the old geometry (and, with
   * `restyle`, the old stroke widths) until the next edges() looks at every edge.
   */
  private moving: { restyle: boolean } | null = null;

  constructor(
    private layout: NetworkLayout,
    private lesson: Pick<Lesson, 'weights' | 'biases' | 'layers' | 'conventions'>,
    private widthOf: (w: number) => number,
    private readonly format: (x: number) => string,
    private readonly t: Translate,
    /** Whether edges get their spoken names (a net drawn on a canvas speaks none: `aria` stays ''). */
    private readonly spoken = true,
  ) {
    this.groups = [];
    let key = '';
    for (const e of layout.edges) {
      const k = `${e.layer}:${e.to}`;
      if (k !== key) this.groups.push(0);
      key = k;
      this.groups[this.groups.length - 1]++;
    }
    this.edgeIds = layout.edges.map(edgeValueIds);
    layout.edges.forEach((e, i) => {
      this.edgeIndex.set(e.id, i);
      for (const id of Object.values(this.edgeIds[i])) {
        const list = this.byValue.get(id);
        if (list) list.push(i);
        else this.byValue.set(id, [i]);
      }
    });
    let start = 0;
    this.groups.forEach((size, g) => {
      this.groupStart.push(start);
      for (let n = 0; n < size; n++) this.groupOf.push(g);
      start += size;
    });
    this.given = givenOf(layout, lesson);
    const last = layout.columns.length - 1;
    this.neurons = layout.nodes
      .filter((n) => !n.bias)
      .map((geom) => ({ geom, ids: nodeValueIds(geom, last) }));
  }

  /**
   * The edges' views for these values and marks, grouped by target neuron; unchanged groups are reused. After
   * a step only the edges whose values or marks can have changed are looked at (see touched).
   */
  edges(shown: Shown, marks: Marks): EdgeView[][] {
    this.reading = this.slotReader(shown);
    const touched = this.touched(shown, marks);
    this.last = { shown, marks };
    if (!touched) {
      let i = 0;
      this.groupViews = this.groups.map((size, g) => {
        let changed = this.groupViews[g] === undefined;
        for (let n = 0; n < size; n++, i++) changed = this.updateEdge(i, shown, marks) || changed;
        return changed ? this.edgeViews.slice(i - size, i) : this.groupViews[g];
      });
      this.moving = null;
      return this.groupViews;
    }
    const changedGroups = new Set<number>();
    for (const i of touched) if (this.updateEdge(i, shown, marks)) changedGroups.add(this.groupOf[i]);
    if (changedGroups.size === 0) return this.groupViews;
    this.groupViews = this.groupViews.map((views, g) =>
      changedGroups.has(g)
        ? this.edgeViews.slice(this.groupStart[g], this.groupStart[g] + views.length)
        : views,
    );
    return this.groupViews;
  }

  /**
   * Draws in `layout` from now on, with stroke widths by `widthOf`: a layout of the same net (the same edges
   * and neurons in the same order), as after a resize. Every view gets its new geometry (a new object, so the
   * drawing updates); values, text, spoken names and marks are kept, and the stroke style is recomputed only
   * when the width scale changed. Does nothing for the layout and scale in use; returns the table.
   */
  withLayout(layout: NetworkLayout, widthOf: (w: number) => number): this {
    if (layout === this.layout && widthOf === this.widthOf) return this;
    const old = this.layout;
    if (
      layout.edges.length !== old.edges.length ||
      layout.nodes.length !== old.nodes.length ||
      layout.edges.some((e, i) => e.id !== old.edges[i].id) ||
      layout.nodes.some((n, i) => n.id !== old.nodes[i].id)
    )
      throw new Error('GraphViews.withLayout: a layout of another net');
    const restyle = widthOf !== this.widthOf;
    this.layout = layout;
    this.widthOf = widthOf;
    if (this.last === null && this.edgeViews.length > 0) {
      // A new lesson is waiting (withLesson): the next edges() looks at every edge and builds the view of each
      // edge whose weight changed anyway (Next iteration: all of them). It moves and restyles the others.
      this.moving = { restyle: restyle || (this.moving?.restyle ?? false) };
    } else {
      this.edgeViews = this.edgeViews.map((v, i) => {
        const geom = layout.edges[i];
        return restyle ? v.moved(geom, edgeStyle(v.w, widthOf)) : v.moved(geom);
      });
      this.groupViews = this.groupViews.map((_, g) =>
        this.edgeViews.slice(this.groupStart[g], this.groupStart[g] + this.groups[g]),
      );
    }
    const neurons = layout.nodes.filter((n) => !n.bias);
    this.neurons = this.neurons.map(({ ids }, i) => ({ geom: neurons[i], ids }));
    this.nodeViews = this.nodeViews.map(({ values, view }, i) => ({
      values,
      view: { ...view, geom: neurons[i] },
    }));
    return this;
  }

  /**
   * Draws `lesson` from now on: the same net with the same names (layers and conventions), other weights and
   * biases (Next iteration, an edited weight). Keeps the tables of the net and the views made (an edge whose
   * values did not change keeps its view); the next edges() looks at every edge. Returns the table.
   */
  withLesson(lesson: Pick<Lesson, 'weights' | 'biases' | 'layers' | 'conventions'>): this {
    if (lesson === this.lesson) return this;
    if (
      JSON.stringify([lesson.layers, lesson.conventions]) !==
      JSON.stringify([this.lesson.layers, this.lesson.conventions])
    )
      throw new Error('GraphViews.withLesson: a lesson of another net or notation');
    this.lesson = lesson;
    this.given = givenOf(this.layout, lesson);
    this.last = null;
    return this;
  }

  /** The view of one edge as of the last call of edges() (undefined for an unknown id or before it). */
  edgeView(id: GraphId): EdgeView | undefined {
    const i = this.edgeIndex.get(id);
    return i === undefined ? undefined : this.edgeViews[i];
  }

  /**
   * Indices of the edges that may look different from the last call: those reading a value that appeared or
   * disappeared since, and those lit, on the path or selected then or now. Null (look at all) on the first
   * call, when the values are not comparable, or when dimming as a whole switched on or off.
   */
  private touched(shown: Shown, marks: Marks): Iterable<number> | null {
    const last = this.last;
    if (!last || this.edgeViews.length === 0) return null;
    const focus = (m: Marks) => m.lit.size > 0 || m.path.size > 0;
    if (focus(last.marks) !== focus(marks)) return null;
    const ids = last.shown === shown ? [] : shownChanges(last.shown, shown);
    if (!ids) return null;
    const out = new Set<number>();
    for (const id of ids) for (const i of this.byValue.get(id) ?? NO_EDGES) out.add(i);
    for (const m of [last.marks, marks]) {
      for (const id of [...m.lit, ...m.path, ...(m.selected ? [m.selected] : [])]) {
        const i = this.edgeIndex.get(id);
        if (i !== undefined) out.add(i);
      }
    }
    return out;
  }

  /** Each edge's slots of w, ∂E/∂w and w⁺ in a layout of values (-1: none), kept for the last layout. */
  private edgeSlots: EdgeSlots | null = null;
  /** How the current edges() call reads the values: by slot (see shownSlots), or by id when null. */
  private reading: { at: ShownSlots; slots: EdgeSlots } | null = null;

  private slotReader(shown: Shown): { at: ShownSlots; slots: EdgeSlots } | null {
    const at = shownSlots(shown);
    if (!at) return null;
    if (this.edgeSlots?.layout !== at.slots) this.edgeSlots = edgeSlotsOf(this.edgeIds, at.slots);
    return { at, slots: this.edgeSlots };
  }

  /** Brings edge i's view up to date; whether it changed. */
  private updateEdge(i: number, shown: Shown, marks: Marks): boolean {
    const geom = this.layout.edges[i];
    const ids = this.edgeIds[i];
    const r = this.reading;
    let w: number;
    let grad: number | undefined;
    let next: number | undefined;
    if (r) {
      // (no closure or object per edge: after Next iteration all ~37,000 edges come here)
      w = readSlot(r.at, r.slots.w[i]) ?? this.given[i];
      grad = readSlot(r.at, r.slots.grad[i]);
      next = readSlot(r.at, r.slots.next[i]);
    } else {
      w = shown[ids.w] ?? this.given[i];
      grad = shown[ids.grad];
      next = shown[ids.next];
    }
    const mark = markOf(marks, geom.id);
    const onPath = marks.path.has(geom.id);
    const selected = geom.id === marks.selected;
    let old = this.edgeViews[i];
    const same = old && old.w === w && old.grad === grad && old.next === next;
    if (same && this.moving) {
      // the layout or the width scale changed after the lesson (see withLayout)
      old = this.moving.restyle ? old.moved(geom, edgeStyle(w, this.widthOf)) : old.moved(geom);
      this.edgeViews[i] = old;
    }
    if (same && old.mark === mark && old.onPath === onPath && old.selected === selected)
      return this.moving !== null; // moved: a new view
    if (same) {
      this.edgeViews[i] = old.marked(mark, onPath, selected);
      return true;
    }
    const aria = this.spoken ? edgeAria(this.lesson, geom, w, shown, this.format, this.t) : '';
    // edgeStyle written out: one object of one shape per edge, not a style object spread into another
    const sign = signOf(w);
    const width = this.widthOf(w);
    this.edgeViews[i] = new EdgeView(
      { geom, w, grad, next, width, sign, dash: dashFor(sign, width), aria, mark, onPath, selected },
      new EdgeTexts(w, next, this.format),
    );
    return true;
  }

  /** The neurons' views (bias nodes excluded) for these values and marks; unchanged ones are reused. */
  nodes(shown: Shown, marks: Marks): NodeView[] {
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
      const view: NodeView = same
        ? { ...old.view, mark, onPath }
        : nodeViewOf(geom, this.lesson, shown, { mark, onPath }, this.format, this.t);
      this.nodeViews[i] = { values, view };
      return view;
    });
  }
}
