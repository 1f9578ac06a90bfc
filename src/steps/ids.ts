/**
 * Builders for the one id scheme of values, nodes and edges (described in types.ts). l = layer, j = neuron,
 * k = incoming neuron of layer l − 1. Every module builds ids here, so the scheme lives in one place.
 */
import type { EdgeId, NodeId, ValueId } from './types';

/** Every id built here, with its kind and indices (and sample), so reading an id back never re-parses it. */
const parsed = new Map<string, { kind: string; indices: number[]; sample?: number }>();

function intern(kind: string, indices: number[]): string {
  const id = [kind, ...indices].join(':');
  parsed.set(id, { kind, indices });
  return id;
}

/**
 * Memoised id builders: the same id is always the same string, so maps keyed by ids never rebuild or rehash
 * it (timelines of large networks look ids up hundreds of thousands of times).
 */
function id1(prefix: string): (p: number) => string {
  const table: string[] = [];
  return (p) => (table[p] ??= intern(prefix, [p]));
}
function id2(prefix: string): (p: number, q: number) => string {
  const table: string[][] = [];
  return (p, q) => ((table[p] ??= [])[q] ??= intern(prefix, [p, q]));
}
function id3(prefix: string): (p: number, q: number, r: number) => string {
  const table: string[][][] = [];
  return (p, q, r) => (((table[p] ??= [])[q] ??= [])[r] ??= intern(prefix, [p, q, r]));
}

/** Value ids: givens (x, t, w, b, η) and the trace's quantities. */
export const vid = {
  /** input x_k (= a⁰_k) */
  x: id1('x') as (k: number) => ValueId,
  /** target t_j */
  t: id1('t') as (j: number) => ValueId,
  /** weight w^l_jk */
  w: id3('w') as (l: number, j: number, k: number) => ValueId,
  /** bias b^l_j */
  b: id2('b') as (l: number, j: number) => ValueId,
  /** learning rate η (α) */
  eta: 'eta' as ValueId,
  /** weighted sum z^l_j */
  z: id2('z') as (l: number, j: number) => ValueId,
  /** activation a^l_j */
  a: id2('a') as (l: number, j: number) => ValueId,
  /** f′(z^l_j) */
  fp: id2('fp') as (l: number, j: number) => ValueId,
  /** loss term e_j */
  e: id1('e') as (j: number) => ValueId,
  /** the loss E */
  E: 'E' as ValueId,
  /** ∂E/∂a^l_j */
  dA: id2('dA') as (l: number, j: number) => ValueId,
  /** error term δ^l_j = ∂E/∂z^l_j */
  d: id2('d') as (l: number, j: number) => ValueId,
  /** ∂E/∂w^l_jk */
  dW: id3('dW') as (l: number, j: number, k: number) => ValueId,
  /** ∂E/∂b^l_j */
  db: id2('db') as (l: number, j: number) => ValueId,
  /** w^l_jk after the update */
  wNew: id3('w+') as (l: number, j: number, k: number) => ValueId,
  /** b^l_j after the update */
  bNew: id2('b+') as (l: number, j: number) => ValueId,
  /** What neuron j of layer l reads from neuron k of layer l − 1: x_k for l = 1, else a^{l−1}_k. */
  input: (l: number, k: number): ValueId => (l === 1 ? vid.x(k) : vid.a(l - 1, k)),
};

/** Graph ids: neurons `n:l:j` (layer 0 = inputs), bias nodes `bn:l`, edges `e:l:j:k`, bias edges `eb:l:j`. */
export const gid = {
  node: id2('n') as (l: number, j: number) => NodeId,
  biasNode: id1('bn') as (l: number) => NodeId,
  edge: id3('e') as (l: number, j: number, k: number) => EdgeId,
  biasEdge: id2('eb') as (l: number, j: number) => EdgeId,
};

/** Value kinds that belong to one sample of a mini-batch (givens w, b, η and the updated w, b do not). */
const PER_SAMPLE = new Set(['x', 't', 'z', 'a', 'fp', 'e', 'E', 'dA', 'd', 'dW', 'db']);
const scopedTable: Map<string, string>[] = [];

/**
 * The id of value `id` for sample x (0-based) of a mini-batch, `z:1:0@1` for sample 2; ids of kinds that do not
 * belong to a sample (w, b, η, w+, b+) come back unchanged. In a batch timeline the unscoped ids of per-sample
 * kinds hold the batch's own values: E = (1/m) Σ_x E_x, ∂E/∂w and ∂E/∂b the means.
 */
export function scopeId(id: ValueId, sample: number): ValueId {
  const table = (scopedTable[sample] ??= new Map());
  let out = table.get(id);
  if (out === undefined) {
    const kind = valueKind(id);
    if (!PER_SAMPLE.has(kind) || sampleOf(id) !== undefined) out = id;
    else {
      out = `${id}@${sample}`;
      parsed.set(out, { kind, indices: valueIndices(id), sample });
    }
    table.set(id, out);
  }
  return out;
}

/** The sample (0-based) a scoped id belongs to, or undefined. */
export function sampleOf(id: ValueId): number | undefined {
  return parsed.get(id)?.sample;
}

/** The value kind of an id (`w`, `z`, `dW`, …): the part before the first colon. */
export function valueKind(id: ValueId): string {
  const known = parsed.get(id);
  if (known) return known.kind;
  const c = id.indexOf(':');
  return c < 0 ? id : id.slice(0, c);
}

/** The numeric indices of an id, e.g. `w:2:0:1` → [2, 0, 1]. */
export function valueIndices(id: ValueId): number[] {
  return parsed.get(id)?.indices ?? id.split(':').slice(1).map(Number);
}

const ranges: (readonly number[])[] = [];

/** 0 … n − 1 (one shared, frozen array per n). */
export function range(n: number): readonly number[] {
  return (ranges[n] ??= Object.freeze(Array.from({ length: n }, (_, i) => i)));
}

/**
 * An empty record keyed by ids. Without a prototype no id can clash with `Object.prototype` names, and V8 keeps
 * it as a hash table from the start instead of building a hidden class per new key.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
