import { vid, type Lesson, type NonFiniteCondition, type QuantityName, type ValueId } from '../engine';
import { placeOf } from '../formulas/narration';
import { symbolText } from '../formulas/symbols';
import type { Params } from './keys';

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
 * Message params naming the quantity of a non-finite condition: `{quantity}` reads, in the reader's language,
 * a plain description with the quantity's symbol in the lesson's notation ("∂E/∂a of output neuron 1
 * (∂E/∂a²₁)"), and `{value}` the value it reached.
 */
export function nonFiniteParams(
  lesson: Pick<Lesson, 'layers' | 'conventions'>,
  c: Pick<NonFiniteCondition, 'quantity' | 'layer' | 'neuron' | 'from' | 'value'>,
): Params {
  const symbol = symbolText(lesson, VALUE_ID[c.quantity](c as NonFiniteCondition));
  const place = placeOf(
    lesson.layers.length,
    c.quantity === 'target' || c.quantity === 'lossTerm' ? lesson.layers.length - 1 : c.layer,
    c.neuron,
  );
  return {
    value: valueText(c.value),
    quantity: { key: `quantity.${c.quantity}`, params: { symbol, place } },
  };
}

/** A value that left the doubles as a reader writes it: ∞ and −∞ (not JavaScript's `Infinity`), NaN. */
const valueText = (v: number): string => (v === Infinity ? '∞' : v === -Infinity ? '−∞' : String(v));

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
