/**
 * The one id scheme of values, graph nodes and graph edges: every id is built and read back in this folder, and
 * nowhere else (a test scans src/ for ids built by hand). l = layer (1 … L; layer 0 = the inputs), j = neuron,
 * k = incoming neuron of layer l − 1, x = sample of a mini-batch (0-based).
 *
 *   values  `x:k` input, `t:j` target, `w:l:j:k` weight, `b:l:j` bias, `eta` learning rate η, `z:l:j`, `a:l:j`
 *           (a⁰ is the input `x:k`), `fp:l:j` f′(z), `e:j` loss term, `E` loss, `dA:l:j` ∂E/∂a, `d:l:j` δ,
 *           `dW:l:j:k`, `db:l:j`, `w+:l:j:k` and `b+:l:j` the updated weight and bias; `z:1:0@1` is z¹₀ of sample 2
 *           (valueIds.ts)
 *   graph   nodes `n:l:j`, bias nodes `bn:l` (feeding layer l), edges `e:l:j:k` (into neuron j of layer l from
 *           neuron k of layer l − 1), bias edges `eb:l:j` (graphIds.ts)
 *
 * The three id types are branded strings: only this module makes one, so an id written as a template literal
 * elsewhere does not type-check. Text from outside (a lesson file, a DOM attribute) becomes an id through the
 * `as…` readers, which check it. The module is a leaf: it imports nothing outside this folder.
 */
export {
  vid,
  parseValueId,
  asValueId,
  valueKind,
  valueIndices,
  sampleOf,
  unscoped,
  scopeId,
  type ValueId,
  type ValueKind,
  type ValueParts,
} from './valueIds';
export {
  gid,
  parseNodeId,
  parseEdgeId,
  asNodeId,
  asEdgeId,
  asGraphId,
  isEdgeId,
  isNodeId,
  valueOfEdge,
  type NodeId,
  type EdgeId,
  type GraphId,
  type NodeParts,
  type EdgeParts,
} from './graphIds';
