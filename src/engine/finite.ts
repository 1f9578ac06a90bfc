import type { NonFiniteCondition, QuantityName } from './types';

/** Thrown inside the engine when a value is NaN or ±Infinity; public functions turn it into a result. */
export class NonFiniteError extends Error {
  constructor(readonly condition: NonFiniteCondition) {
    super(
      `${condition.quantity} of layer ${condition.layer}, neuron ${condition.neuron} is ${condition.value}`,
    );
  }
}

/** Throws NonFiniteError naming the first entry of `values` that is not finite. */
export function assertFinite(
  values: readonly number[],
  quantity: QuantityName,
  layer: number,
  from?: number,
): void {
  for (let j = 0; j < values.length; j++) {
    if (!Number.isFinite(values[j])) {
      const condition: NonFiniteCondition = {
        kind: 'nonFinite',
        quantity,
        layer,
        neuron: j,
        value: values[j],
      };
      if (from !== undefined) condition.from = from;
      throw new NonFiniteError(condition);
    }
  }
}

/** Throws NonFiniteError for the first non-finite w[j][k] of a matrix (k = incoming neuron). */
export function assertFiniteMatrix(m: readonly number[][], quantity: QuantityName, layer: number): void {
  for (let j = 0; j < m.length; j++) {
    for (let k = 0; k < m[j].length; k++) {
      if (!Number.isFinite(m[j][k])) {
        throw new NonFiniteError({ kind: 'nonFinite', quantity, layer, neuron: j, from: k, value: m[j][k] });
      }
    }
  }
}

/** Runs `fn`, turning a NonFiniteError into `{ ok: false, condition }`. */
export function catchNonFinite<T>(
  fn: () => T,
): { ok: true; value: T } | { ok: false; condition: NonFiniteCondition } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof NonFiniteError) return { ok: false, condition: e.condition };
    throw e;
  }
}
