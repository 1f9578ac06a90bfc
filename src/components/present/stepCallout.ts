import type { GraphId } from '../../engine';
import type { NetworkLayout, NodeDetail } from '../../layout';
import type { Highlight } from '../../steps';

/** Whether neurons drawn at this detail show their values (z, a, δ) inside them. */
export const showsValues = (detail: NodeDetail): boolean => detail === 'full' || detail === 'value';

/**
 * What presenter mode writes out beside the graph when its neurons are too small to hold their values at the
 * projected text size (a large network shows symbols only): the values of the step's own element, in the
 * tooltip's box at the tooltip's size. That element is the step's one lit weight (a weight's gradient or
 * update), else the one neuron it computes: on a forward step the lit neuron of the deepest layer, on a
 * backward step the one of the shallowest (the error travels back to it). A step over a whole layer, or with no
 * single such element, has none: its formula holds the numbers. Hovering or focusing another element shows
 * that one's values instead, as always.
 */
export function stepCalloutId(layout: NetworkLayout, highlight: Highlight | null): GraphId | null {
  if (!highlight || showsValues(layout.detail)) return null;
  const edges = highlight.edges.filter((id) => layout.edgeById[id]);
  if (edges.length === 1) return edges[0];
  const nodes = highlight.nodes.flatMap((id) => {
    const n = layout.nodeById[id];
    return n && !n.bias ? [n] : [];
  });
  if (nodes.length === 0) return null;
  const layers = nodes.map((n) => n.layer);
  const layer = highlight.backward ? Math.min(...layers) : Math.max(...layers);
  const own = nodes.filter((n) => n.layer === layer);
  return own.length === 1 ? own[0].id : null;
}
