import type { Lesson, ValueId } from '../../engine';
import type { NetworkLayout } from '../../layout';

/** The value ids one edge reads. */
export interface EdgeValueIds {
  w: ValueId;
  grad: ValueId;
  next: ValueId;
}

/** Each edge's slots of its value ids in a layout of values (see shownSlots), -1 where it has none. */
export interface EdgeSlots {
  layout: ReadonlyMap<ValueId, number>;
  w: Int32Array;
  grad: Int32Array;
  next: Int32Array;
}

/** Each edge's slots of w, ∂E/∂w and w⁺ in a layout of values (`slots`: slot by value id). */
export function edgeSlotsOf(
  edgeIds: readonly EdgeValueIds[],
  slots: ReadonlyMap<ValueId, number>,
): EdgeSlots {
  const of = (pick: (ids: EdgeValueIds) => ValueId) =>
    Int32Array.from(edgeIds, (ids) => slots.get(pick(ids)) ?? -1);
  return { layout: slots, w: of((e) => e.w), grad: of((e) => e.grad), next: of((e) => e.next) };
}

/** Each edge's weight (or bias) in the lesson, in layout order. */
export function givenOf(layout: NetworkLayout, lesson: Pick<Lesson, 'weights' | 'biases'>): number[] {
  return layout.edges.map((e) =>
    e.from < 0 ? lesson.biases[e.layer - 1][e.to] : lesson.weights[e.layer - 1][e.to][e.from],
  );
}
