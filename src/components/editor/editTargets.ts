import {
  parseEdgeId,
  parseNodeId,
  vid,
  type EdgeId,
  type Lesson,
  type NodeId,
  type ValueId,
} from '../../engine';
import { symbolText } from '../../formulas';
import type { LessonEdit } from '../../store';

/** A single number of the lesson a student can type over. Layers as in the engine: 1 … L; neurons from 0. */
export type EditTarget =
  | { kind: 'weight'; layer: number; neuron: number; from: number }
  | { kind: 'bias'; layer: number; neuron: number }
  | { kind: 'input'; index: number }
  | { kind: 'target'; index: number }
  | { kind: 'learningRate' };

/** The value id a target stands for: `w:l:j:k`, `b:l:j`, `x:k`, `t:j`, `eta`. */
export function valueIdOf(target: EditTarget): ValueId {
  switch (target.kind) {
    case 'weight':
      return vid.w(target.layer, target.neuron, target.from);
    case 'bias':
      return vid.b(target.layer, target.neuron);
    case 'input':
      return vid.x(target.index);
    case 'target':
      return vid.t(target.index);
    case 'learningRate':
      return vid.eta;
  }
}

/** The value's symbol as plain text, in the lesson's notation: w¹₁₂ (standard), w′₂,₁ (lesson 004), x₃, η. */
export const symbolOf = (lesson: Pick<Lesson, 'layers' | 'conventions'>, target: EditTarget): string =>
  symbolText(lesson, valueIdOf(target));

/** The message key naming the kind of value: "Weight {name}". */
export const labelKeyOf = (target: EditTarget): `editor.${EditTarget['kind']}` => `editor.${target.kind}`;

/** The target's current value in the lesson, or undefined when the lesson has no such value (any more). */
export function valueOf(lesson: Lesson, target: EditTarget): number | undefined {
  switch (target.kind) {
    case 'weight':
      return lesson.weights[target.layer - 1]?.[target.neuron]?.[target.from];
    case 'bias':
      return lesson.useBias ? lesson.biases[target.layer - 1]?.[target.neuron] : undefined;
    case 'input':
      return lesson.sample.input[target.index];
    case 'target':
      return lesson.sample.target[target.index];
    case 'learningRate':
      return lesson.learningRate;
  }
}

/** The store edit that sets the target to `value`. */
export function editOf(target: EditTarget, value: number): LessonEdit {
  return { ...target, value };
}

/** The value an edge stands for: `e:l:j:k` → weight w^l_jk, `eb:l:j` → bias b^l_j; null for anything else. */
export function targetOfEdge(edgeId: EdgeId): EditTarget | null {
  const e = parseEdgeId(edgeId);
  if (!e) return null;
  return e.from < 0
    ? { kind: 'bias', layer: e.layer, neuron: e.to }
    : { kind: 'weight', layer: e.layer, neuron: e.to, from: e.from };
}

/** The value a node stands for: an input node `n:0:k` → x_k, an output node `n:L:j` → target t_j; else null. */
export function targetOfNode(lesson: Lesson, nodeId: NodeId): EditTarget | null {
  const node = parseNodeId(nodeId);
  if (!node || node.bias) return null;
  const { layer, index } = node;
  if (layer === 0 && index < lesson.sample.input.length) return { kind: 'input', index };
  if (layer === lesson.layers.length - 1 && index < lesson.sample.target.length)
    return { kind: 'target', index };
  return null;
}

/** Whether an edge id names a weight or bias the lesson still has (after a change of architecture). */
export function edgeExists(lesson: Lesson, edgeId: EdgeId): boolean {
  const target = targetOfEdge(edgeId);
  return target !== null && valueOf(lesson, target) !== undefined;
}
