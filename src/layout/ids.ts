import type { EdgeId, NodeId } from '../steps/types';

/** Neuron j of layer l (layer 0 = inputs): `n:l:j`. */
export const nodeId = (l: number, j: number): NodeId => `n:${l}:${j}`;
/** The bias node feeding layer l: `bn:l`. */
export const biasNodeId = (l: number): NodeId => `bn:${l}`;
/** The edge into neuron j of layer l from neuron k of layer l − 1: `e:l:j:k`. */
export const edgeId = (l: number, j: number, k: number): EdgeId => `e:${l}:${j}:${k}`;
/** The bias edge into neuron j of layer l: `eb:l:j`. */
export const biasEdgeId = (l: number, j: number): EdgeId => `eb:${l}:${j}`;

/** A node id's parts: layer l and neuron j (j = −1 for a bias node); null if it is not a node id. */
export function parseNodeId(id: string): { layer: number; index: number; bias: boolean } | null {
  const n = /^n:(\d+):(\d+)$/.exec(id);
  if (n) return { layer: Number(n[1]), index: Number(n[2]), bias: false };
  const b = /^bn:(\d+)$/.exec(id);
  return b ? { layer: Number(b[1]), index: -1, bias: true } : null;
}

/** An edge id's parts: layer l, neuron j, incoming neuron k (k = −1 for a bias edge); null otherwise. */
export function parseEdgeId(id: string): { layer: number; to: number; from: number } | null {
  const e = /^e:(\d+):(\d+):(\d+)$/.exec(id);
  if (e) return { layer: Number(e[1]), to: Number(e[2]), from: Number(e[3]) };
  const b = /^eb:(\d+):(\d+)$/.exec(id);
  return b ? { layer: Number(b[1]), to: Number(b[2]), from: -1 } : null;
}
