import { scopeId, type ValueId } from '../steps';
import type { Step, Timeline } from '../steps/types';
import { valueTableOf, type ValueLayout } from '../steps/values';
import { maskCovered, selectCoveredIds } from './practiceSelectors';
import type { LessonState } from './state';
import { selectStep, selectTimeline } from './stepSelectors';

// The values on screen at the cursor (no spoilers: nothing later, nothing practice keeps covered), and which of
// them change between two cursors (the graph's incremental update).

/**
 * For every value id: the index of the step that writes it (givens such as x, t, w, b have none). Kept per
 * steps array, which every timeline of the same network shares (after Next iteration too).
 */
const writtenAtCache = new WeakMap<readonly Step[], Map<ValueId, number>>();
export function writtenAt(tl: Timeline): Map<ValueId, number> {
  let m = writtenAtCache.get(tl.steps);
  if (!m) {
    m = new Map();
    for (const step of tl.steps) for (const id of step.writes) if (!m.has(id)) m.set(id, step.index);
    writtenAtCache.set(tl.steps, m);
  }
  return m;
}

/**
 * The same by slot of the values' layout (see collectValues): -1 for the givens. Kept per steps array and
 * layout, which every timeline of the same network shares.
 */
const writtenSlotsCache = new WeakMap<readonly Step[], WeakMap<ValueLayout, Int32Array>>();
function writtenSlots(tl: Timeline, layout: ValueLayout): Int32Array {
  let byLayout = writtenSlotsCache.get(tl.steps);
  if (!byLayout) writtenSlotsCache.set(tl.steps, (byLayout = new WeakMap()));
  let out = byLayout.get(layout);
  if (!out) {
    out = new Int32Array(layout.ids.length).fill(-1);
    for (const [id, at] of writtenAt(tl)) {
      const slot = layout.slots.get(id);
      if (slot !== undefined) out[slot] = at;
    }
    byLayout.set(layout, out);
  }
  return out;
}

/** The timeline and cursor each shown-values view stands for (see shownChanges). */
const viewOf = new WeakMap<object, { tl: Timeline; cursor: number }>();
/** Beyond this many changed ids a caller is as well off looking at everything. */
const CHANGES_MAX = 2000;

/**
 * The value ids that appear or disappear between two views of selectShownValues: those written by the steps
 * between their cursors. Null when the views are of different timelines (or not views at all) or when more
 * than a couple of thousand ids changed: then anything may differ.
 */
export function shownChanges(a: object, b: object): ValueId[] | null {
  const x = viewOf.get(a);
  const y = viewOf.get(b);
  // in a mini-batch the same ids show another sample's values from one step to the next
  if (!x || !y || x.tl !== y.tl || x.tl.batchSize > 1) return null;
  const out: ValueId[] = [];
  for (let i = Math.min(x.cursor, y.cursor) + 1; i <= Math.max(x.cursor, y.cursor); i++) {
    out.push(...x.tl.steps[i].writes);
    if (out.length > CHANGES_MAX) return null;
  }
  return out;
}

/** The values shown when there is no timeline: none (one object, so it keeps its identity). */
const NO_VALUES: Record<ValueId, number> = Object.freeze(Object.create(null) as Record<ValueId, number>);

/** The last few views per timeline, so stepping back and forth reuses them without keeping every step's. */
const shownCache = new WeakMap<Timeline, Map<number, Record<ValueId, number>>>();
const SHOWN_KEPT = 4;

/**
 * The values on screen at the cursor: the givens (inputs, targets, weights, biases, η) and every value written
 * by the steps up to and including the current one — nothing later (no spoilers). A read-only view over the
 * timeline's values (no copy per step): `shown[id]` and `id in shown` answer from the step that writes `id`.
 */
function cursorValues(s: LessonState): Record<ValueId, number> {
  const tl = selectTimeline(s);
  if (!tl) return NO_VALUES;
  let byCursor = shownCache.get(tl);
  if (!byCursor) {
    byCursor = new Map();
    shownCache.set(tl, byCursor);
  }
  const hit = byCursor.get(s.cursor);
  if (hit) return hit;
  const at = writtenAt(tl);
  const cursor = s.cursor;
  // on a step of one sample's pass (a mini-batch), the plain ids (z:1:0) show that sample's values
  const x = tl.steps[cursor]?.sample;
  const own = (id: ValueId) => (x === undefined ? id : scopeId(id, x));
  // a property key asked of the view is an id of the timeline's values or of nothing
  const visible = (id: string | symbol): id is ValueId =>
    typeof id === 'string' && own(id as ValueId) in tl.values && (at.get(own(id as ValueId)) ?? -1) <= cursor;
  const table = valueTableOf(tl.values);
  const view = table
    ? slotView(tl, table.layout, table.data, cursor, own, x === undefined)
    : new Proxy(Object.create(null) as Record<ValueId, number>, {
        get: (_t, id) => (visible(id) ? tl.values[own(id)] : undefined),
        has: (_t, id) => visible(id),
        ownKeys: () => Object.keys(tl.values).filter(visible),
        getOwnPropertyDescriptor: (_t, id) =>
          visible(id)
            ? { value: tl.values[own(id)], enumerable: true, configurable: true, writable: false }
            : undefined,
      });
  if (byCursor.size >= SHOWN_KEPT) byCursor.delete(byCursor.keys().next().value as number);
  byCursor.set(cursor, view);
  viewOf.set(view, { tl, cursor });
  return view;
}

/**
 * cursorValues' view over a table of values (see collectValues): one slot lookup per read, the slot's number
 * shown when the step that writes it is at or before the cursor.
 */
function slotView(
  tl: Timeline,
  layout: ValueLayout,
  data: Float64Array,
  cursor: number,
  own: (id: ValueId) => ValueId,
  plain: boolean,
): Record<ValueId, number> {
  const written = writtenSlots(tl, layout);
  const slotOf = (id: string | symbol): number => {
    if (typeof id !== 'string') return -1;
    const slot = layout.slots.get(own(id as ValueId));
    return slot === undefined || written[slot] > cursor ? -1 : slot;
  };
  const view = new Proxy(Object.create(null) as Record<ValueId, number>, {
    get: (_t, id) => {
      const slot = slotOf(id);
      return slot < 0 ? undefined : data[slot];
    },
    has: (_t, id) => slotOf(id) >= 0,
    ownKeys: () => (Object.keys(tl.values) as ValueId[]).filter((id) => slotOf(id) >= 0),
    getOwnPropertyDescriptor: (_t, id) => {
      const slot = slotOf(id);
      return slot < 0
        ? undefined
        : { value: data[slot], enumerable: true, configurable: true, writable: false };
    },
  });
  // read by slot (shownSlots) where the ids read are the plain ones (not in a sample's pass of a mini-batch)
  if (plain) slotViews.set(view, { slots: layout.slots, data, written, cursor });
  return view;
}

/** What a view of slotView reads, by slot: a value shows when `written[slot] <= cursor`. */
export interface ShownSlots {
  slots: ReadonlyMap<ValueId, number>;
  data: Float64Array;
  written: Int32Array;
  cursor: number;
}
const slotViews = new WeakMap<object, ShownSlots>();

/**
 * The slots behind a view of selectShownValues, for callers that read the same ids of many timelines of the
 * network (the graph's ~10⁵ per Next iteration): `shown[id]` is `data[slot]` when `written[slot] <= cursor`,
 * else undefined. Undefined for any other record (practice's covered values, a sample's pass).
 */
export function shownSlots(shown: object): ShownSlots | undefined {
  return slotViews.get(shown);
}

/** The values on screen (see cursorValues), without the results practice keeps covered (no spoilers either). */
export function selectShownValues(s: LessonState): Record<ValueId, number> {
  return maskCovered(cursorValues(s), selectCoveredIds(s), selectStep(s)?.sample);
}
