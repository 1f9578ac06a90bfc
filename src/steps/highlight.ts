/** What a step lights up on the graph: nodes `n:l:j`, bias nodes `bn:l`, edges `e:l:j:k`, bias edges `eb:l:j`. */
import { gid } from '../engine';
import { range } from './collections';
import type { NetShape } from './shape';
import type { EdgeId, NodeId } from './types';

export interface Lit {
  nodes: NodeId[];
  edges: EdgeId[];
}

/** The weights and inputs into neuron j (and its bias): forward, gradient and update steps light these. */
export function incoming(s: NetShape, l: number, j: number): Lit {
  const nodes: NodeId[] = [];
  const edges: EdgeId[] = [];
  for (let k = 0; k < s.sizes[l - 1]; k++) {
    nodes.push(gid.node(l - 1, k));
    edges.push(gid.edge(l, j, k));
  }
  if (s.useBias) {
    nodes.push(gid.biasNode(l));
    edges.push(gid.biasEdge(l, j));
  }
  nodes.push(gid.node(l, j));
  return { nodes, edges };
}

/** Everything into layer l (layer steps). */
export const incomingLayer = (s: NetShape, l: number): Lit =>
  merged(range(s.sizes[l]).map((j) => incoming(s, l, j)));

/** The union of several highlights (a node shared by several appears once). */
function merged(parts: Lit[]): Lit {
  return { nodes: [...new Set(parts.flatMap((p) => p.nodes))], edges: parts.flatMap((p) => p.edges) };
}

/** The edges the error travels from layer l + 1 back to neuron j of layer l. */
export function outgoing(s: NetShape, l: number, j: number): Lit {
  const nodes: NodeId[] = [gid.node(l, j)];
  const edges: EdgeId[] = [];
  for (let i = 0; i < s.sizes[l + 1]; i++) {
    nodes.push(gid.node(l + 1, i));
    edges.push(gid.edge(l + 1, i, j));
  }
  return { nodes, edges };
}

/** The error travelling back from layer l + 1 into the whole of layer l (BP2). */
export const outgoingLayer = (s: NetShape, l: number): Lit =>
  merged(range(s.sizes[l]).map((j) => outgoing(s, l, j)));

/** Neurons js of layer l, no edges. */
export const nodesOf = (l: number, js: readonly number[]): Lit => ({
  nodes: js.map((j) => gid.node(l, j)),
  edges: [],
});

/** A single weight's edge, or for k = -1 the bias edge. */
export const single = (l: number, j: number, k: number): Lit =>
  k < 0
    ? { nodes: [gid.biasNode(l), gid.node(l, j)], edges: [gid.biasEdge(l, j)] }
    : { nodes: [gid.node(l - 1, k), gid.node(l, j)], edges: [gid.edge(l, j, k)] };
