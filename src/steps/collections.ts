/** Small shared collections of the steps layer. */
const ranges: (readonly number[])[] = [];

/** 0 … n − 1 (one shared, frozen array per n). */
export function range(n: number): readonly number[] {
  return (ranges[n] ??= Object.freeze(Array.from({ length: n }, (_, i) => i)));
}

/**
 * An empty record keyed by ids. Without a prototype no id can clash with `Object.prototype` names, and V8 keeps
 * it as a hash table from the start instead of building a hidden class per new key.
 */
export function dictionary<T, K extends string = string>(): Record<K, T> {
  return Object.create(null) as Record<K, T>;
}
