/**
 * Ids written out in a test, read through the id module (a test spells the scheme out on purpose, as an oracle
 * independent of the builders): `vId('z:1:0')`. Throws on text that is no id, so a typo fails loudly.
 */
import { asEdgeId, asNodeId, asValueId, type EdgeId, type NodeId, type ValueId } from '../../src/engine';

function must<T>(id: T | null, text: string, kind: string): T {
  if (id === null) throw new Error(`not a ${kind} id: ${text}`);
  return id;
}

/** A value id written out: `vId('w:1:0:2')`. */
export const vId = (text: string): ValueId => must(asValueId(text), text, 'value');
/** A node id written out: `nId('n:0:1')`. */
export const nId = (text: string): NodeId => must(asNodeId(text), text, 'node');
/** An edge id written out: `eId('e:1:0:2')`. */
export const eId = (text: string): EdgeId => must(asEdgeId(text), text, 'edge');
