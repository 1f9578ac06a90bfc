import { forward, type FastNet } from './fastNet';
import { LOSSES } from '../losses';
import type { Sample } from '../types';

// How well a network does on samples: the right class or not, and the mean loss and accuracy.

/** Whether output a counts as the right class for target t: arg-max for several outputs, within 0.5 for one. */
export function isCorrect(a: ArrayLike<number>, t: ArrayLike<number>): boolean {
  if (a.length === 1) return Math.abs(a[0] - t[0]) < 0.5;
  return argMax(a) === argMax(t);
}

/** Index of the largest value (the first of equals). */
export function argMax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/**
 * Mean loss and accuracy of the network on samples, without changing it. Squared losses are summed as the fast path
 * sums them (c_E Σ(t − a)²), other losses from their records.
 */
export function evaluate(net: FastNet, samples: Sample[]): { loss: number; accuracy: number } {
  const L = net.sizes.length - 1;
  const act = net.acts[L];
  const lossRec = LOSSES[net.loss];
  const scales = act === 'softmax' ? null : net.squared;
  let loss = 0;
  let correct = 0;
  for (const s of samples) {
    const a = forward(net, s.input);
    const t = s.target;
    if (scales) {
      let e = 0;
      for (let j = 0; j < a.length; j++) {
        const r = t[j] - a[j];
        e += r * r;
      }
      loss += scales[0] * e;
    } else {
      const terms = lossRec.terms(Array.from(a), t, Array.from(net.z[L]), act);
      loss += terms.reduce((x, y) => x + y, 0);
    }
    if (isCorrect(a, t)) correct++;
  }
  return { loss: loss / samples.length, accuracy: correct / samples.length };
}
