import type { EdgeId, GraphId, NodeId } from '../../engine';
import type { Highlight } from '../../steps';

// What the current step, the chain-rule path and the selected edge light, and how each graph element stands to it.

/** How an element stands relative to the current step: part of it, dimmed beside it, or no step shown. */
export type Mark = 'highlighted' | 'dimmed' | 'plain';

/** What is lit: the current step's node and edge ids, the chain-rule path's, and the selected edge. */
export interface Marks {
  lit: ReadonlySet<GraphId>;
  path: ReadonlySet<GraphId>;
  selected: EdgeId | null;
}

const NONE: readonly GraphId[] = [];

/** The marks of a step's highlight, a chain-rule path and a selected edge (any of them may be absent). */
export function marksOf(
  highlight: Highlight | null,
  pathHighlight: { nodes: NodeId[]; edges: EdgeId[] } | null | undefined,
  selected: EdgeId | null | undefined,
): Marks {
  return {
    lit: new Set([...(highlight?.nodes ?? NONE), ...(highlight?.edges ?? NONE)]),
    path: new Set([...(pathHighlight?.nodes ?? NONE), ...(pathHighlight?.edges ?? NONE)]),
    selected: selected ?? null,
  };
}

/** An element's mark: once anything is lit the rest is dimmed, except the selected edge and the path. */
export function markOf(m: Marks, id: GraphId): Mark {
  if (m.lit.has(id)) return 'highlighted';
  const focus = m.lit.size > 0 || m.path.size > 0;
  return focus && !m.path.has(id) && id !== m.selected ? 'dimmed' : 'plain';
}
