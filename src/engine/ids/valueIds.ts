/**
 * Value ids: the givens (x, t, w, b, η) and the trace's quantities, each built by `vid.*`, read back by
 * `parseValueId` and the fast readers below, and scoped to one sample of a mini-batch by `scopeId`.
 */
import { id1, id2, id3, indicesOf } from './intern';

declare const valueBrand: unique symbol;

/** The id of a value of the lesson or its trace (`w:2:0:1`, `E`, `z:1:0@1`). */
export type ValueId = string & { readonly [valueBrand]: true };

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

/** A value id's parts. */
export interface ValueParts {
  kind: ValueKind;
  /** its indices, as many as the kind takes (`w:2:0:1` → [2, 0, 1]) */
  indices: number[];
  /** the sample (0-based) of a scoped id, else undefined */
  sample?: number;
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
