/**
 * The two halves of every id's spelling: interned builders of `prefix:p:q:r` strings, and the reader of the
 * indices after the prefix. Only the value and graph id modules beside this one use them.
 */

/**
 * Interned builders: the same id is always the same string object, so maps keyed by ids never rebuild or rehash
 * it (timelines of large networks look ids up hundreds of thousands of times). The tables are bounded by the
 * largest network built (indices within the lesson format's limits).
 */
export function id1<T extends string>(prefix: string): (p: number) => T {
  const table: T[] = [];
  return (p) => (table[p] ??= `${prefix}:${p}` as T);
}
export function id2<T extends string>(prefix: string): (p: number, q: number) => T {
  const table: T[][] = [];
  return (p, q) => ((table[p] ??= [])[q] ??= `${prefix}:${p}:${q}` as T);
}
export function id3<T extends string>(prefix: string): (p: number, q: number, r: number) => T {
  const table: T[][][] = [];
  return (p, q, r) => (((table[p] ??= [])[q] ??= [])[r] ??= `${prefix}:${p}:${q}:${r}` as T);
}

/** Reads `text` as natural numbers separated by colons ('' → []); null if any part is not one. */
export function indicesOf(text: string): number[] | null {
  if (text === '') return [];
  const out: number[] = [];
  for (const part of text.split(':')) {
    if (!/^\d{1,9}$/.test(part)) return null;
    out.push(Number(part));
  }
  return out;
}

/** The kind (the part before the first colon) and indices of `prefix:p:q…`; indices null when they are not numbers. */
export function kindAndIndices(text: string): { kind: string; indices: number[] | null } {
  const c = text.indexOf(':');
  return { kind: text.slice(0, c), indices: c < 0 ? null : indicesOf(text.slice(c + 1)) };
}
