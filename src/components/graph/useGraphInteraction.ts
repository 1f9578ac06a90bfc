import { useRef, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
import { asGraphId, isEdgeId, parseNodeId } from '../../engine';
import type { EdgeId, GraphId, NodeId } from '../../engine';
import type { NetworkLayout, Point } from '../../layout';

/** What the graph's pointer and keyboard handlers act on. */
export interface GraphInteraction {
  layout: NetworkLayout;
  /** The graph's keyboard order (focusOrder). */
  order: { ids: GraphId[]; neurons: number[] };
  rootRef: RefObject<HTMLDivElement | null>;
  setActive: (id: GraphId | null) => void;
  setRover: (id: GraphId) => void;
  /** Pans the zoomed drawing so that a point is in view. */
  reveal: (p: Point | null) => void;
  onSelectEdge?: (edgeId: EdgeId) => void;
  onSelectNode?: (nodeId: NodeId) => void;
}

/** The id an event's element stands for: its data-id, or a label's data-for, or a copy's data-copy-of. */
export function idOf(ev: SyntheticEvent): GraphId | null {
  // an element, a label (data-for) or an edge drawn again on top (data-copy-of) stands for its element
  const el = (ev.target as Element).closest?.('[data-id],[data-for],[data-copy-of]');
  const id =
    el && (el.getAttribute('data-id') ?? el.getAttribute('data-for') ?? el.getAttribute('data-copy-of'));
  return id ? asGraphId(id) : null;
}

/**
 * One set of handlers for the whole graph: hover and focus set the active element, a click or Enter/Space
 * chooses it, ↑/↓ move through the keyboard order (Shift: neuron to neuron).
 */
export function useGraphInteraction(g: GraphInteraction) {
  const pressed = useRef<GraphId | null>(null);
  const choose = (id: GraphId) => {
    if (isEdgeId(id)) g.onSelectEdge?.(id);
    else if (parseNodeId(id)?.bias === false) g.onSelectNode?.(id);
  };
  /** ↑/↓ move to the previous/next item of the graph (Shift: neuron to neuron); Enter or Space chooses. */
  const onKeyDown = (ev: KeyboardEvent) => {
    const id = asGraphId((ev.target as Element).getAttribute('data-id') ?? '');
    if (!id) return;
    const { order } = g;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      const at = order.ids.indexOf(id);
      const down = ev.key === 'ArrowDown';
      let next = at;
      if (ev.shiftKey) {
        const n = down ? order.neurons.find((p) => p > at) : order.neurons.findLast((p) => p < at);
        next = n ?? at;
      } else next = Math.min(order.ids.length - 1, Math.max(0, at + (down ? 1 : -1)));
      const el = g.rootRef.current?.querySelector<SVGElement>(`[data-id="${order.ids[next]}"]`);
      el?.focus();
      return;
    }
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    ev.preventDefault();
    choose(id);
  };
  const onFocus = (ev: SyntheticEvent) => {
    const id = idOf(ev);
    g.setActive(id);
    if (!id) return;
    g.setRover(id);
    const n = g.layout.nodeById[id];
    const e = g.layout.edgeById[id];
    g.reveal(n ? { x: n.x, y: n.y } : e ? e.label : null);
  };
  return {
    choose,
    handlers: {
      // a label appearing under the pointer between press and release (hover shows it) takes the click
      // to the drawing itself: the element pressed is the one chosen
      onPointerDown: (ev: SyntheticEvent) => (pressed.current = idOf(ev)),
      onClick: (ev: SyntheticEvent) => {
        const id = idOf(ev) ?? pressed.current;
        pressed.current = null;
        if (id) choose(id);
      },
      onKeyDown,
      onMouseOver: (ev: SyntheticEvent) => g.setActive(idOf(ev)),
      onMouseLeave: () => g.setActive(null),
      onFocus,
      onBlur: () => g.setActive(null),
    },
  };
}
