/**
 * The one id scheme of values, graph nodes and graph edges: every id is built and read back here, and nowhere else
 * (a test scans src/ for ids built by hand). l = layer (1 … L; layer 0 = the inputs), j = neuron, k = incoming
 * neuron of layer l − 1, x = sample of a mini-batch (0-based).
 *
 *   values  `x:k` input, `t:j` target, `w:l:j:k` weight, `b:l:j` bias, `eta` learning rate η, `z:l:j`, `a:l:j`
 *           (a⁰ is the input `x:k`), `fp:l:j` f′(z), `e:j` loss term, `E` loss, `dA:l:j` ∂E/∂a, `d:l:j` δ,
 *           `dW:l:j:k`, `db:l:j`, `w+:l:j:k` and `b+:l:j` the updated weight and bias; `z:1:0@1` is z¹₀ of sample 2
 *   graph   nodes `n:l:j`, bias nodes `bn:l` (feeding layer l), edges `e:l:j:k` (into neuron j of layer l from
 *           neuron k of layer l − 1), bias edges `eb:l:j`
 *
 * The three id types are branded strings: only this module makes one, so an id written as a template literal
 * elsewhere does not type-check. Text from outside (a lesson file, a DOM attribute) becomes an id through the
 * `as…` readers, which check it. The module is a leaf: it imports nothing.
 */
declare const valueBrand: unique symbol;
declare const nodeBrand: unique symbol;
declare const edgeBrand: unique symbol;

/** The id of a value of the lesson or its trace (`w:2:0:1`, `E`, `z:1:0@1`). */
export type ValueId = string & { readonly [valueBrand]: true };
/** The id of a node of the graph (`n:l:j`, `bn:l`). */
export type NodeId = string & { readonly [nodeBrand]: true };
/** The id of an edge of the graph (`e:l:j:k`, `eb:l:j`). */
export type EdgeId = string & { readonly [edgeBrand]: true };

/** Any element of the graph: a node or an edge (what a DOM `data-id` of the graph holds). */
export type GraphId = NodeId | EdgeId;

/** Each value kind with the number of indices its id carries. */
const ARITY = {
  x: 1,
  t: 1,
  w: 3,
  b: 2,
  eta: 0,
  z: 2,
  a: 2,
  fp: 2,
  e: 1,
  E: 0,
  dA: 2,
  d: 2,
  dW: 3,
  db: 2,
  'w+': 3,
  'b+': 2,
} as const;

/** A kind of value: `w`, `z`, `dW`, … (the part of its id before the first colon). */
export type ValueKind = keyof typeof ARITY;

/** Value kinds that belong to one sample of a mini-batch (givens w, b, η and the updated w, b do not). */
const PER_SAMPLE: ReadonlySet<string> = new Set<ValueKind>([
  'x',
  't',
  'z',
  'a',
  'fp',
  'e',
  'E',
  'dA',
  'd',
  'dW',
  'db',
]);

/**
 * Interned builders: the same id is always the same string object, so maps keyed by ids never rebuild or rehash
 * it (timelines of large networks look ids up hundreds of thousands of times). The tables are bounded by the
 * largest network built (indices within the lesson format's limits).
 */
function id1<T extends string>(prefix: string): (p: number) => T {
  const table: T[] = [];
  return (p) => (table[p] ??= `${prefix}:${p}` as T);
}
function id2<T extends string>(prefix: string): (p: number, q: number) => T {
  const table: T[][] = [];
  return (p, q) => ((table[p] ??= [])[q] ??= `${prefix}:${p}:${q}` as T);
}
function id3<T extends string>(prefix: string): (p: number, q: number, r: number) => T {
  const table: T[][][] = [];
  return (p, q, r) => (((table[p] ??= [])[q] ??= [])[r] ??= `${prefix}:${p}:${q}:${r}` as T);
}

/** Value ids: givens (x, t, w, b, η) and the trace's quantities. */
export const vid = {
  /** input x_k (= a⁰_k) */
  x: id1<ValueId>('x'),
  /** target t_j */
  t: id1<ValueId>('t'),
  /** weight w^l_jk */
  w: id3<ValueId>('w'),
  /** bias b^l_j */
  b: id2<ValueId>('b'),
  /** learning rate η (α) */
  eta: 'eta' as ValueId,
  /** weighted sum z^l_j */
  z: id2<ValueId>('z'),
  /** activation a^l_j */
  a: id2<ValueId>('a'),
  /** f′(z^l_j) */
  fp: id2<ValueId>('fp'),
  /** loss term e_j */
  e: id1<ValueId>('e'),
  /** the loss E */
  E: 'E' as ValueId,
  /** ∂E/∂a^l_j */
  dA: id2<ValueId>('dA'),
  /** error term δ^l_j = ∂E/∂z^l_j */
  d: id2<ValueId>('d'),
  /** ∂E/∂w^l_jk */
  dW: id3<ValueId>('dW'),
  /** ∂E/∂b^l_j */
  db: id2<ValueId>('db'),
  /** w^l_jk after the update */
  wNew: id3<ValueId>('w+'),
  /** b^l_j after the update */
  bNew: id2<ValueId>('b+'),
  /** What neuron j of layer l reads from neuron k of layer l − 1: x_k for l = 1, else a^{l−1}_k. */
  input: (l: number, k: number): ValueId => (l === 1 ? vid.x(k) : vid.a(l - 1, k)),
  /** A weight w^l_jk, or the bias b^l_j when k < 0 (the bias edge's convention). */
  param: (l: number, j: number, k: number): ValueId => (k < 0 ? vid.b(l, j) : vid.w(l, j, k)),
  /** ∂E/∂w^l_jk, or ∂E/∂b^l_j when k < 0. */
  grad: (l: number, j: number, k: number): ValueId => (k < 0 ? vid.db(l, j) : vid.dW(l, j, k)),
  /** The updated w^l_jk, or the updated b^l_j when k < 0. */
  paramNew: (l: number, j: number, k: number): ValueId => (k < 0 ? vid.bNew(l, j) : vid.wNew(l, j, k)),
  /**
   * The id of a value of `kind` with these indices (as many as the kind takes: `of('z', [1, 0])` is `z:1:0`).
   * For code that picks the kind at run time; prefer the named builders.
   */
  of: (kind: ValueKind, indices: readonly number[]): ValueId => {
    const [p, q, r] = indices;
    switch (ARITY[kind]) {
      case 0:
        return kind as ValueId;
      case 1:
        return VALUE_BUILDERS_1[kind as 'x' | 't' | 'e'](p);
      case 2:
        return VALUE_BUILDERS_2[kind as 'b' | 'z' | 'a' | 'fp' | 'dA' | 'd' | 'db' | 'b+'](p, q);
      default:
        return VALUE_BUILDERS_3[kind as 'w' | 'dW' | 'w+'](p, q, r);
    }
  },
};

const VALUE_BUILDERS_1 = { x: vid.x, t: vid.t, e: vid.e };
const VALUE_BUILDERS_2 = {
  b: vid.b,
  z: vid.z,
  a: vid.a,
  fp: vid.fp,
  dA: vid.dA,
  d: vid.d,
  db: vid.db,
  'b+': vid.bNew,
};
const VALUE_BUILDERS_3 = { w: vid.w, dW: vid.dW, 'w+': vid.wNew };

/** Graph ids: neurons `n:l:j` (layer 0 = inputs), bias nodes `bn:l`, edges `e:l:j:k`, bias edges `eb:l:j`. */
export const gid = {
  /** neuron j of layer l (layer 0 = inputs) */
  node: id2<NodeId>('n'),
  /** the bias node feeding layer l */
  biasNode: id1<NodeId>('bn'),
  /** the edge into neuron j of layer l from neuron k of layer l − 1 */
  edge: id3<EdgeId>('e'),
  /** the bias edge into neuron j of layer l */
  biasEdge: id2<EdgeId>('eb'),
  /** The edge of weight w^l_jk, or the bias edge of b^l_j when k < 0. */
  edgeOf: (l: number, j: number, k: number): EdgeId => (k < 0 ? gid.biasEdge(l, j) : gid.edge(l, j, k)),
};

/** A value id's parts. */
export interface ValueParts {
  kind: ValueKind;
  /** its indices, as many as the kind takes (`w:2:0:1` → [2, 0, 1]) */
  indices: number[];
  /** the sample (0-based) of a scoped id, else undefined */
  sample?: number;
}

/** Reads `text` as natural numbers separated by colons ('' → []); null if any part is not one. */
function indicesOf(text: string): number[] | null {
  if (text === '') return [];
  const out: number[] = [];
  for (const part of text.split(':')) {
    if (!/^\d{1,9}$/.test(part)) return null;
    out.push(Number(part));
  }
  return out;
}

/** The parts of a value id, or null when `text` is not one (wrong kind, count of indices or sample). */
export function parseValueId(text: string): ValueParts | null {
  const at = text.indexOf('@');
  const plain = at < 0 ? text : text.slice(0, at);
  const c = plain.indexOf(':');
  const kind = c < 0 ? plain : plain.slice(0, c);
  if (!Object.hasOwn(ARITY, kind)) return null;
  const indices = indicesOf(c < 0 ? '' : plain.slice(c + 1));
  if (indices === null || indices.length !== ARITY[kind as ValueKind]) return null;
  if (at < 0) return { kind: kind as ValueKind, indices };
  const sample = indicesOf(text.slice(at + 1));
  if (sample === null || sample.length !== 1 || !PER_SAMPLE.has(kind)) return null;
  return { kind: kind as ValueKind, indices, sample: sample[0] };
}

/** `text` as a value id if it is one (`published` figures of a lesson file), else null. */
export function asValueId(text: string): ValueId | null {
  return parseValueId(text) === null ? null : (text as ValueId);
}

/** The value kind of an id (`w`, `z`, `dW`, …): the part before the first colon (or the sample's `@`). */
export function valueKind(id: ValueId): ValueKind {
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    if (ch === 58 || ch === 64) return id.slice(0, i) as ValueKind; // ':' or '@'
  }
  return id as string as ValueKind;
}

/** The numeric indices of an id, e.g. `w:2:0:1` → [2, 0, 1] (a scoped id's sample is not one of them). */
export function valueIndices(id: ValueId): number[] {
  const at = id.indexOf('@');
  const parts = (at < 0 ? id : id.slice(0, at)).split(':');
  const out: number[] = new Array<number>(parts.length - 1);
  for (let i = 1; i < parts.length; i++) out[i - 1] = Number(parts[i]);
  return out;
}

/** The sample (0-based) a scoped id belongs to, or undefined. */
export function sampleOf(id: ValueId): number | undefined {
  const at = id.lastIndexOf('@');
  return at < 0 ? undefined : Number(id.slice(at + 1));
}

/** The id without its sample: `z:1:0@1` → `z:1:0`; an unscoped id comes back unchanged. */
export function unscoped(id: ValueId): ValueId {
  const at = id.indexOf('@');
  return at < 0 ? id : (id.slice(0, at) as ValueId);
}

/**
 * The id of value `id` for sample x (0-based) of a mini-batch, `z:1:0@1` for sample 2; ids of kinds that do not
 * belong to a sample (w, b, η, w+, b+) and ids already scoped come back unchanged. In a batch timeline the
 * unscoped ids of per-sample kinds hold the batch's own values: E = (1/m) Σ_x E_x, ∂E/∂w and ∂E/∂b the means.
 */
export function scopeId(id: ValueId, sample: number): ValueId {
  if (!PER_SAMPLE.has(valueKind(id)) || id.includes('@')) return id;
  return `${id}@${sample}` as ValueId;
}

/** A node id's parts: layer l and neuron j (j = −1 for a bias node). */
export interface NodeParts {
  layer: number;
  index: number;
  bias: boolean;
}

/** The parts of a node id, or null when `text` is not one (a DOM attribute may hold anything). */
export function parseNodeId(text: string): NodeParts | null {
  const c = text.indexOf(':');
  const kind = text.slice(0, c);
  const n = c < 0 ? null : indicesOf(text.slice(c + 1));
  if (kind === 'n' && n?.length === 2) return { layer: n[0], index: n[1], bias: false };
  if (kind === 'bn' && n?.length === 1) return { layer: n[0], index: -1, bias: true };
  return null;
}

/** `text` as a node id if it is one, else null. */
export function asNodeId(text: string): NodeId | null {
  return parseNodeId(text) === null ? null : (text as NodeId);
}

/** An edge id's parts: layer l, neuron j, incoming neuron k (k = −1 for a bias edge). */
export interface EdgeParts {
  layer: number;
  to: number;
  from: number;
}

/** The parts of an edge id, or null when `text` is not one. */
export function parseEdgeId(text: string): EdgeParts | null {
  const c = text.indexOf(':');
  const kind = text.slice(0, c);
  const n = c < 0 ? null : indicesOf(text.slice(c + 1));
  if (kind === 'e' && n?.length === 3) return { layer: n[0], to: n[1], from: n[2] };
  if (kind === 'eb' && n?.length === 2) return { layer: n[0], to: n[1], from: -1 };
  return null;
}

/** `text` as an edge id if it is one, else null. */
export function asEdgeId(text: string): EdgeId | null {
  return parseEdgeId(text) === null ? null : (text as EdgeId);
}

/** The value an edge stands for: its weight w^l_jk, or its bias b^l_j. */
export function valueOfEdge(edge: EdgeParts): ValueId {
  return vid.param(edge.layer, edge.to, edge.from);
}

/** `text` as a node or edge id if it is one (a DOM attribute), else null. */
export function asGraphId(text: string): GraphId | null {
  return asNodeId(text) ?? asEdgeId(text);
}

/** Whether a graph id names an edge (`e:…`, `eb:…`); otherwise it names a node (`n:…`, `bn:…`). */
export function isEdgeId(id: GraphId): id is EdgeId {
  return id.charCodeAt(0) === 101; // 'e'
}

/** Whether a graph id names a node. */
export function isNodeId(id: GraphId): id is NodeId {
  return !isEdgeId(id);
}
