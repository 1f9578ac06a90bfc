import { normal } from './rng';
import type { Rng } from './types';

/** Weight initialisers: uniform [0, 1) (lesson 002's project), uniform ±r, Xavier/Glorot uniform, He normal. */
export type InitScheme =
  { kind: 'uniform01' } | { kind: 'uniform'; range: number } | { kind: 'xavier' } | { kind: 'he' };

export const INIT_KINDS = ['uniform01', 'uniform', 'xavier', 'he'] as const;

/**
 * New weights[l][j][k] and biases[l][j] for the given layer sizes. Uniform schemes draw biases the same
 * way as weights; Xavier and He start biases at 0. Without biases every bias is 0.
 */
export function initialise(
  sizes: readonly number[],
  scheme: InitScheme,
  rng: Rng,
  useBias: boolean,
): { weights: number[][][]; biases: number[][] } {
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const draw = drawFor(scheme, fanIn, fanOut, rng);
    weights.push(Array.from({ length: fanOut }, () => Array.from({ length: fanIn }, draw)));
    const biasDraw = scheme.kind === 'uniform01' || scheme.kind === 'uniform' ? draw : () => 0;
    biases.push(Array.from({ length: fanOut }, () => (useBias ? biasDraw() : 0)));
  }
  return { weights, biases };
}

function drawFor(scheme: InitScheme, fanIn: number, fanOut: number, rng: Rng): () => number {
  switch (scheme.kind) {
    case 'uniform01':
      return () => rng();
    case 'uniform':
      return () => (2 * rng() - 1) * scheme.range;
    case 'xavier': {
      const r = Math.sqrt(6 / (fanIn + fanOut)); // Glorot uniform: U(−r, r)
      return () => (2 * rng() - 1) * r;
    }
    case 'he': {
      const sd = Math.sqrt(2 / fanIn); // He normal: N(0, 2/fan_in)
      return () => normal(rng) * sd;
    }
  }
}
