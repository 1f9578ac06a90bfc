import { describe, expect, it } from 'vitest';
import { traceStep } from '../../src/engine';
import { lesson004 } from '../support/lesson004';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Lesson 004 (3-3-2, sigmoid, E = Σ(t − O)², η = 0.5, no biases). The expected values are worked here by
 * hand, step by step, independently of the engine; where the lesson printed something else it is noted.
 */
describe('lesson 004, worked independently', () => {
  const r = traceStep(lesson004());
  if (!r.ok) throw new Error('lesson 004 must trace');
  const tr = r.trace;

  // Hidden weighted sums, X_hidden = W_ih · X:
  //   0.9·0.9 + 0.3·0.1 + 0.4·0.8 = 0.81 + 0.03 + 0.32 = 1.16
  //   0.2·0.9 + 0.8·0.1 + 0.2·0.8 = 0.18 + 0.08 + 0.16 = 0.42
  //   0.8·0.9 + 0.1·0.1 + 0.9·0.8 = 0.72 + 0.01 + 0.72 = 1.45   (the lesson prints 0.62: a slip)
  const zH = [1.16, 0.42, 1.45];
  // O_hidden = σ(z): σ(1.16) = 1/(1 + e^−1.16) ≈ 0.76133, σ(0.42) ≈ 0.60348, σ(1.45) ≈ 0.81000
  const aH = zH.map(sig);
  // X_output = W_ho · O_hidden
  const zO = [0.3 * aH[0] + 0.7 * aH[1] + 0.5 * aH[2], 0.6 * aH[0] + 0.5 * aH[1] + 0.2 * aH[2]];
  const aO = zO.map(sig);
  const t = [0.01, 0.99];

  it('forward pass', () => {
    expect(tr.layers[1].z[0]).toBeCloseTo(1.16, 14);
    expect(tr.layers[1].z[1]).toBeCloseTo(0.42, 14);
    expect(tr.layers[1].z[2]).toBeCloseTo(1.45, 14);
    expect(tr.layers[1].a[0]).toBeCloseTo(0.76133, 5);
    expect(tr.layers[1].a[2]).toBeCloseTo(0.81, 5);
    tr.layers[1].a.forEach((a, j) => expect(a).toBeCloseTo(aH[j], 14));
    // z^2 ≈ [1.05584, 0.92054], O ≈ [0.74189, 0.71515] (the lesson, from its slip, prints 0.975, 0.888 and 0.726, 0.708)
    expect(tr.layers[2].z[0]).toBeCloseTo(1.05584, 5);
    expect(tr.layers[2].z[1]).toBeCloseTo(0.92054, 5);
    tr.layers[2].z.forEach((z, j) => expect(z).toBeCloseTo(zO[j], 14));
    tr.layers[2].a.forEach((a, j) => expect(a).toBeCloseTo(aO[j], 14));
  });

  it('loss: E = (t1 − O1)² + (t2 − O2)²', () => {
    const e1 = (t[0] - aO[0]) ** 2; // (0.01 − 0.74189)² ≈ 0.53567
    const e2 = (t[1] - aO[1]) ** 2; // (0.99 − 0.71515)² ≈ 0.07554
    expect(tr.lossTerms[0]).toBeCloseTo(e1, 14);
    expect(tr.lossTerms[1]).toBeCloseTo(e2, 14);
    expect(tr.loss).toBeCloseTo(0.61121, 5);
    expect(tr.loss).toBeCloseTo(e1 + e2, 14);
  });

  it('output error terms: ∂E/∂O = −2(t − O), δ = ∂E/∂O · O(1 − O)', () => {
    const dE = t.map((tj, j) => -2 * (tj - aO[j])); // ≈ [1.46379, −0.54970]
    expect(tr.dLoss[0]).toBeCloseTo(1.46379, 5);
    const delta = dE.map((g, j) => g * aO[j] * (1 - aO[j])); // ≈ [0.28030, −0.11198]
    expect(tr.layers[2].delta[0]).toBeCloseTo(0.2803, 4);
    expect(tr.layers[2].delta[1]).toBeCloseTo(-0.11198, 5);
    tr.layers[2].delta.forEach((d, j) => expect(d).toBeCloseTo(delta[j], 14));
  });

  it('hidden error terms sum the error arriving from both outputs', () => {
    const dO = t.map((tj, j) => -2 * (tj - aO[j]) * aO[j] * (1 - aO[j]));
    const W2 = [
      [0.3, 0.7, 0.5],
      [0.6, 0.5, 0.2],
    ];
    for (let j = 0; j < 3; j++) {
      const back = W2[0][j] * dO[0] + W2[1][j] * dO[1];
      expect(tr.layers[1].dA[j]).toBeCloseTo(back, 14);
      expect(tr.layers[1].delta[j]).toBeCloseTo(back * aH[j] * (1 - aH[j]), 14);
    }
    expect(tr.layers[1].delta[1]).toBeCloseTo(0.033553, 6);
  });

  it('gradients and the update, every gradient from the weights before the update', () => {
    // ∂E/∂w_{1,1} (hidden 1 → output 1) = −2(t1 − O1) · O1(1 − O1) · O_hidden1 ≈ 0.21340 (lesson: 0.21678)
    expect(tr.layers[2].dW[0][0]).toBeCloseTo(0.2134, 4);
    expect(tr.updated.weights[1][0][0]).toBeCloseTo(0.3 - 0.5 * tr.layers[2].dW[0][0], 15);
    expect(tr.updated.weights[1][0][0]).toBeCloseTo(0.1933, 4);
    // input 1 → hidden 1: δ_h1 · x1 ≈ 0.0030712 · 0.9 ≈ 0.0027641; new weight ≈ 0.89862
    expect(tr.layers[1].dW[0][0]).toBeCloseTo(0.0027641, 7);
    expect(tr.updated.weights[0][0][0]).toBeCloseTo(0.89862, 5);
    const x = [0.9, 0.1, 0.8];
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++) expect(tr.layers[1].dW[j][k]).toBeCloseTo(tr.layers[1].delta[j] * x[k], 15);
    for (let j = 0; j < 2; j++)
      for (let k = 0; k < 3; k++)
        expect(tr.layers[2].dW[j][k]).toBeCloseTo(tr.layers[2].delta[j] * aH[k], 15);
    expect(tr.layers[1].db).toEqual([]);
    expect(tr.updated.biases).toEqual([
      [0, 0, 0],
      [0, 0],
    ]);
  });
});
