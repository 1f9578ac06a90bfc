/**
 * What a screen reader hears at each step: the phase, then each value the step computed, named as the lesson
 * names it (its symbol in the lesson's notation and where it sits) with its value ("Backward: the error term
 * δ_hidden,2 of hidden neuron 2 is 0.0169"). Messages are keys of the product's tables (`narrate.*`, `place.*`).
 */
import type { Lesson } from '../engine';
import type { MessageKey } from '../i18n/keys';
import type { Phase } from '../steps';
import { valueIndices, valueKind } from '../steps';
import { formatPlain } from './plain';
import { texToText } from './symbols';
import type { MessageRef, Operand } from './types';

/** Values named one by one; a step that computes more (a whole layer of a large net) says how many more. */
export const NARRATED_VALUES = 6;

/** The message of each kind of value a step computes: its description with {symbol}, {place} and {value}. */
const KIND_KEY: Partial<Record<string, MessageKey>> = {
  z: 'narrate.z',
  a: 'narrate.a',
  fp: 'narrate.fp',
  e: 'narrate.e',
  E: 'narrate.E',
  dA: 'narrate.dA',
  d: 'narrate.d',
  dW: 'narrate.dW',
  db: 'narrate.db',
  'w+': 'narrate.w+',
  'b+': 'narrate.b+',
};

/** A step's narration: its phase (message key), each value named, and how many values were left unnamed. */
export interface Narration {
  phase: MessageRef;
  items: MessageRef[];
  more: number;
}

/**
 * Where neuron j of layer l sits, as a message: "input 1", "hidden neuron 2" (one hidden layer), "neuron 2 of
 * hidden layer 1", "output neuron 1".
 */
export function placeOf(layers: number, layer: number, neuron: number): MessageRef {
  const L = layers - 1;
  const key =
    layer === 0 ? 'place.input' : layer === L ? 'place.output' : L === 2 ? 'place.hidden' : 'place.hiddenOf';
  return { key, params: { n: neuron + 1, layer } };
}

/** One computed value as a message: `{symbol}` in the lesson's notation, `{place}` of its neuron, `{value}`. */
export function narrateValue(
  lesson: Pick<Lesson, 'layers'>,
  result: Pick<Operand, 'id' | 'symbol' | 'value'>,
  digits: number,
): MessageRef {
  const kind = valueKind(result.id);
  const [l, j] = valueIndices(result.id);
  const L = lesson.layers.length - 1;
  // e:j (a loss term) belongs to output j; the rest index layer then neuron
  const place = kind === 'e' ? placeOf(L + 1, L, l) : j === undefined ? undefined : placeOf(L + 1, l, j);
  return {
    key: KIND_KEY[kind] ?? 'narrate.value',
    params: {
      symbol: texToText(result.symbol),
      value: formatPlain(result.value, digits),
      ...(place && { place }),
    },
  };
}

/** The narration of a step that computed `results` in `phase`. */
export function narrationOf(
  lesson: Pick<Lesson, 'layers'>,
  phase: Phase,
  results: readonly Pick<Operand, 'id' | 'symbol' | 'value'>[],
  digits: number,
): Narration {
  return {
    phase: { key: `narrate.${phase}` },
    items: results.slice(0, NARRATED_VALUES).map((r) => narrateValue(lesson, r, digits)),
    more: Math.max(0, results.length - NARRATED_VALUES),
  };
}
