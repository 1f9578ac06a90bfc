// Memoising helpers of the selectors: a selector returns the same object for the same inputs (React 19's
// useSyncExternalStore loops forever otherwise), whichever state asked in between.

/** A trie of arguments: objects keyed weakly, other values strongly (beneath the objects before them). */
interface ArgNode {
  weak: WeakMap<object, ArgNode>;
  strong: Map<unknown, ArgNode>;
  done: boolean;
  value?: unknown;
}
const argNode = (): ArgNode => ({ weak: new WeakMap(), strong: new Map(), done: false });

/**
 * Remembers fn's result per list of arguments (compared by identity), so every state that asks with the same
 * inputs gets the same object, whichever state asked in between.
 */
export function memoArgs<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const root = argNode();
  return (...args: A) => {
    let node = root;
    for (const a of args) {
      const byRef = (typeof a === 'object' && a !== null) || typeof a === 'function';
      let next = byRef ? node.weak.get(a as object) : node.strong.get(a);
      if (!next) {
        next = argNode();
        if (byRef) node.weak.set(a as object, next);
        else node.strong.set(a, next);
      }
      node = next;
    }
    if (!node.done) {
      node.value = fn(...args);
      node.done = true;
    }
    return node.value as R;
  };
}

/** One empty list, so "nothing" keeps its identity between calls. */
export const NONE: never[] = [];
