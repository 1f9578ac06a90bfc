/**
 * Graph ids: neurons `n:l:j`, bias nodes `bn:l`, edges `e:l:j:k` and bias edges `eb:l:j`, built by `gid.*` and
 * read back (from a DOM attribute, say) by the parsers and `as…` readers below.
 */
import { id1, id2, id3, kindAndIndices } from './intern';
import { vid, type ValueId } from './valueIds';

declare const nodeBrand: unique symbol;
declare const edgeBrand: unique symbol;

/** The id of a node of the graph (`n:l:j`, `bn:l`). */
export type NodeId = string & { readonly [nodeBrand]: true };
/** The id of an edge of the graph (`e:l:j:k`, `eb:l:j`). */
export type EdgeId = string & { readonly [edgeBrand]: true };

/** Any element of the graph: a node or an edge (what a DOM `data-id` of the graph holds). */
export type GraphId = NodeId | EdgeId;

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

/** A node id's parts: layer l and neuron j (j = −1 for a bias node). */
export interface NodeParts {
  layer: number;
  index: number;
  bias: boolean;
}

/** The parts of a node id, or null when `text` is not one (a DOM attribute may hold anything). */
export function parseNodeId(text: string): NodeParts | null {
  const { kind, indices: n } = kindAndIndices(text);
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
  const { kind, indices: n } = kindAndIndices(text);
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
