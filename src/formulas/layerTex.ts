import type { ValueId } from '../engine';
import { range } from '../steps';
import type { Writer } from './writer';

// Pieces of the matrix form that several layer rules write (layerRules.ts, layerDeltas.ts).

/** A matrix product, written side by side in both renderings. */
export const matmul = (a: string, b: string): string => `${a} ${b}`;

/** A layer's vector of `n` values, written by symbol or by numbers. */
export const vectorOf = (
  w: Writer,
  symbol: string,
  n: number,
  id: (j: number) => ValueId,
  o?: 'column' | 'row',
) => w.vector(symbol, () => range(n).map((j) => w.v(id(j))), o);
