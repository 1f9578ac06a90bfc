import { vid, type Lesson, type NonFiniteCondition, type QuantityName, type ValueId } from '../engine';
import { symbolText } from '../formulas/symbols';
import type { Params } from './translate';

/** The value id of each quantity a non-finite condition can name (updated weights by the weight's own id). */
const VALUE_ID: Record<QuantityName, (c: NonFiniteCondition) => ValueId> = {
  input: (c) => vid.x(c.neuron),
  target: (c) => vid.t(c.neuron),
  z: (c) => vid.z(c.layer, c.neuron),
  a: (c) => vid.a(c.layer, c.neuron),
  loss: () => vid.E,
  lossTerm: (c) => vid.e(c.neuron),
  dLoss: (c) => vid.dA(c.layer, c.neuron),
  dA: (c) => vid.dA(c.layer, c.neuron),
  delta: (c) => vid.d(c.layer, c.neuron),
  dW: (c) => vid.dW(c.layer, c.neuron, c.from ?? 0),
  db: (c) => vid.db(c.layer, c.neuron),
  weight: (c) => vid.w(c.layer, c.neuron, c.from ?? 0),
  bias: (c) => vid.b(c.layer, c.neuron),
};

/**
 * Where neuron j of layer l sits, as a nested message (`place.key` and its params): "input 1", "hidden
 * neuron 2" (one hidden layer), "neuron 2 of hidden layer 1", "output neuron 1".
 */
export function placeParams(lesson: Pick<Lesson, 'layers'>, layer: number, neuron: number): Params {
  const L = lesson.layers.length - 1;
  const key =
    layer === 0 ? 'place.input' : layer === L ? 'place.output' : L === 2 ? 'place.hidden' : 'place.hiddenOf';
  return { key, n: neuron + 1, layer };
}

/**
 * Message params naming the quantity of a non-finite condition: `{quantity}` reads, in the reader's language,
 * a plain description with the quantity's symbol in the lesson's notation ("∂E/∂a of output neuron 1
 * (∂E/∂a²₁)"), and `{value}` the value it reached.
 */
export function nonFiniteParams(
  lesson: Pick<Lesson, 'layers' | 'conventions'>,
  c: Pick<NonFiniteCondition, 'quantity' | 'layer' | 'neuron' | 'from' | 'value'>,
): Params {
  const symbol = symbolText(lesson, VALUE_ID[c.quantity](c as NonFiniteCondition));
  const place = placeParams(
    lesson,
    c.quantity === 'target' || c.quantity === 'lossTerm' ? lesson.layers.length - 1 : c.layer,
    c.neuron,
  );
  const out: Params = {
    value: String(c.value),
    'quantity.key': `quantity.${c.quantity}`,
    'quantity.symbol': symbol,
  };
  for (const [k, v] of Object.entries(place)) out[`quantity.place.${k}`] = v;
  return out;
}

/** Lesson-file paths of the values a student edits, with the value id each names. */
const VALUE_PATHS: [RegExp, (m: number[]) => ValueId][] = [
  [/^weights\[(\d+)\]\[(\d+)\]\[(\d+)\]$/, ([l, j, k]) => vid.w(l + 1, j, k)],
  [/^biases\[(\d+)\]\[(\d+)\]$/, ([l, j]) => vid.b(l + 1, j)],
  [/^sample\.input\[(\d+)\]$/, ([k]) => vid.x(k)],
  [/^sample\.target\[(\d+)\]$/, ([j]) => vid.t(j)],
  [/^learningRate$/, () => vid.eta],
];

/**
 * A problem path as the value's symbol in the lesson's notation (`sample.target[0]` → `target₁` in lesson 004),
 * for messages about an edit; other paths as they are.
 */
export function pathSymbol(lesson: Pick<Lesson, 'layers' | 'conventions'>, path: string): string {
  for (const [pattern, id] of VALUE_PATHS) {
    const m = pattern.exec(path);
    if (m) return symbolText(lesson, id(m.slice(1).map(Number)));
  }
  return path;
}
