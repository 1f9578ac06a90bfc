/**
 * Saturated activations (z = ±40, ±700): every derivative, loss term, ∂E/∂a and output δ against closed forms
 * evaluated with care, and ∂E/∂a · f′ = δ. Expected values come from e^{−|z|} and its expansions, never from the
 * engine's own formulas: for |z| ≥ 40 the correction terms (e^{−40})² are far below a double's last digit, so
 * σ′(z) = e^{−|z|}/(1 + e^{−|z|})² is e^{−|z|} to the last bit, tanh′(z) = 4e^{−2|z|}, ln(1 + e^{−40}) = e^{−40}.
 */
import { describe, expect, it } from 'vitest';
import { compileNet, compileStep, sgdStep } from '../../src/engine/training';
import { ACTIVATIONS, LOSSES, traceStep, type ActivationName, type LossName } from '../../src/engine';
import { lessonOf, outputLesson } from '../support/lessons';

/** |actual − expected| ≤ rel·|expected| (and exact 0 only for 0). */
function expectRel(actual: number, expected: number, rel = 1e-13): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
}

const E40 = Math.exp(-40); // 4.248354255291589e-18
const E700 = Math.exp(-700); // 9.85967654375977e-305

describe('derivatives at saturation, from z', () => {
  it('σ′(±40) = e^{−40}/(1 + e^{−40})² ≈ 4.248354255291589e-18, not a(1 − a) = 0', () => {
    expect(E40).toBeCloseTo(4.248354255291589e-18, 30);
    const a = ACTIVATIONS.sigmoid.f(40);
    expect(a * (1 - a)).toBe(0); // why the derivative is taken from z
    expectRel(ACTIVATIONS.sigmoid.fPrime(40, a), 4.248354255291589e-18);
    expectRel(ACTIVATIONS.sigmoid.fPrime(-40, ACTIVATIONS.sigmoid.f(-40)), 4.248354255291589e-18);
  });

  it('σ′(±700) = e^{−700}', () => {
    expectRel(ACTIVATIONS.sigmoid.fPrime(700, 1), E700);
    expectRel(ACTIVATIONS.sigmoid.fPrime(-700, ACTIVATIONS.sigmoid.f(-700)), E700);
  });

  it('σ′ near 0 agrees with a(1 − a) where that has no cancellation', () => {
    for (const z of [0, 0.3, -1.2, 2.5]) {
      const a = 1 / (1 + Math.exp(-z));
      expectRel(ACTIVATIONS.sigmoid.fPrime(z, a), a * (1 - a), 1e-14);
    }
    expect(ACTIVATIONS.sigmoid.fPrime(0, 0.5)).toBe(0.25);
  });

  it('tanh′(±40) = 1/cosh²(40) = 4e^{−80}/(1 + e^{−80})²; tanh′(±700) underflows to 0 only because 4e^{−1400} does', () => {
    const a = Math.tanh(40);
    expect(1 - a * a).toBe(0);
    expectRel(ACTIVATIONS.tanh.fPrime(40, a), 4 * Math.exp(-80));
    expectRel(ACTIVATIONS.tanh.fPrime(-40, -a), 4 * Math.exp(-80));
    expect(ACTIVATIONS.tanh.fPrime(700, 1)).toBe(0);
    // 4e^{−2·350} is still a double
    expectRel(ACTIVATIONS.tanh.fPrime(-350, -1), 4 * Math.exp(-700));
    for (const z of [0, 0.4, -1.1])
      expectRel(ACTIVATIONS.tanh.fPrime(z, Math.tanh(z)), 1 - Math.tanh(z) ** 2, 1e-14);
  });

  it.each([
    ['relu', 40, 1],
    ['relu', -40, 0],
    ['relu', 700, 1],
    ['relu', -700, 0],
    ['leakyRelu', 40, 1],
    ['leakyRelu', -700, 0.01],
    ['identity', 700, 1],
    ['identity', -700, 1],
  ] as [ActivationName, number, number][])('%s′(%d) = %d', (name, z, fp) => {
    expect(ACTIVATIONS[name].fPrime(z, ACTIVATIONS[name].f(z))).toBe(fp);
  });
});

/** terms, ∂E/∂a and δ of the engine for one output layer. */
function output(act: ActivationName, loss: LossName, z: number[], t: number[]) {
  const lesson = outputLesson(act, loss, z, t);
  const r = traceStep(lesson);
  if (!r.ok) throw new Error(`trace failed: ${JSON.stringify(r)}`);
  const out = r.trace.layers[1];
  return { terms: r.trace.lossTerms, dA: out.dA, fPrime: out.fPrime, delta: out.delta };
}

describe('losses and output δ at saturation', () => {
  it('sigmoid + BCE, z = 40, t = 1: e = ln(1 + e^{−40}), δ = σ(40) − 1 = −σ(−40), ∂E/∂a·σ′ = δ', () => {
    const o = output('sigmoid', 'bce', [40], [1]);
    expectRel(o.terms[0], E40); // ln(1 + x) = x − x²/2 …
    expectRel(o.delta[0], -E40); // −e^{−40}/(1 + e^{−40})
    expectRel(o.dA[0], -1); // −1/a = −(1 + e^{−40})
    expectRel(o.dA[0] * o.fPrime[0], o.delta[0]);
  });

  it('sigmoid + BCE, z = 40, t = 0: e = 40, ∂E/∂a = 1 + e^{40}, δ = σ(40) = 1 = ∂E/∂a·σ′', () => {
    const o = output('sigmoid', 'bce', [40], [0]);
    expectRel(o.terms[0], 40);
    expectRel(o.dA[0], 1 + Math.exp(40));
    expect(o.delta[0]).toBe(1);
    expectRel(o.dA[0] * o.fPrime[0], 1);
  });

  it('sigmoid + BCE, z = −700, t = 0: e = ln(1 + e^{−700}) = e^{−700} = δ', () => {
    const o = output('sigmoid', 'bce', [-700], [0]);
    expectRel(o.terms[0], E700);
    expectRel(o.delta[0], E700);
    expectRel(o.dA[0] * o.fPrime[0], o.delta[0]);
  });

  it('sigmoid + CCE, z = 40, t = 1: e = e^{−40}, δ = t(a − 1) = −e^{−40}', () => {
    const o = output('sigmoid', 'cce', [40], [1]);
    expectRel(o.terms[0], E40);
    expectRel(o.delta[0], -E40);
    expectRel(o.dA[0] * o.fPrime[0], o.delta[0]);
  });

  it('softmax + CCE, z = (40, 0, 0), t = (1, 0, 0): δ = a − t with 1 − a₁ = 2e^{−40}/(1 + 2e^{−40})', () => {
    const o = output('softmax', 'cce', [40, 0, 0], [1, 0, 0]);
    expectRel(o.terms[0], 2 * E40); // −ln a₁ = ln(1 + 2e^{−40})
    expect(o.terms[1] + 0).toBe(0); // −0 alike
    expectRel(o.delta[0], -2 * E40);
    expectRel(o.delta[1], E40);
    expectRel(o.delta[2], E40);
    expectRel(o.dA[0], -1); // −t/a = −(1 + 2e^{−40})
  });

  it('softmax + BCE, z = (40, 0): finite where 1/(1 − a) once was 1/(1 − 1)', () => {
    const right = output('softmax', 'bce', [40, 0], [1, 0]);
    expectRel(right.terms[0], E40); // −ln a₁ = ln(1 + e^{−40})
    expectRel(right.terms[1], E40); // −ln(1 − a₂) = −ln a₁
    expectRel(right.dA[0], -1);
    expectRel(right.dA[1], 1);
    const wrong = output('softmax', 'bce', [40, 0], [0, 1]);
    expectRel(wrong.terms[0], 40); // −ln(1 − a₁) = −ln σ(−40) = 40 + ln(1 + e^{−40})
    expectRel(wrong.terms[1], 40);
    expectRel(wrong.dA[0], 1 + Math.exp(40)); // 1/(1 − a₁) = 1 + e^{40}
    expectRel(wrong.dA[1], -(1 + Math.exp(40))); // −1/a₂
    // two outputs: E = −2 ln(1 − a₁) = −2 ln σ(z₂ − z₁), so δ₁ = 2σ(z₁ − z₂) = 2σ(40) and δ₂ = −δ₁
    // (g₁ − g·a would cancel to 0 in doubles)
    expectRel(wrong.delta[0], 2);
    expectRel(wrong.delta[1], -2);
  });

  it.each(['halfSse', 'sse', 'mse'] as LossName[])(
    '%s with a saturated sigmoid: ∂E/∂a·σ′ = δ, and δ is not 0',
    (loss) => {
      const o = output('sigmoid', loss, [40], [0]);
      expect(o.delta[0]).not.toBe(0);
      expectRel(o.delta[0], o.dA[0] * E40);
      const neg = output('tanh', loss, [-40], [0]);
      expectRel(neg.delta[0], neg.dA[0] * 4 * Math.exp(-80));
    },
  );

  it('every loss gradient stays finite where the output rounds to 1 and the target is not 1', () => {
    for (const loss of ['bce', 'cce'] as LossName[]) {
      const grad = LOSSES[loss].grad([1, 0], [0.5, 0.5], [40, 0], 'softmax');
      grad.forEach((g) => expect(Number.isFinite(g)).toBe(true));
    }
  });
});

describe('a saturated hidden layer', () => {
  const lesson = lessonOf({
    layers: [{ size: 1 }, { size: 2, activation: 'sigmoid' }, { size: 1, activation: 'tanh' }],
    loss: 'halfSse',
    learningRate: 0.5,
    useBias: false,
    weights: [[[40], [-40]], [[0.5, 0.25]]],
    biases: [[0, 0], [0]],
    sample: { input: [1], target: [0] },
  });

  it('hidden δ = ∂E/∂a · σ′(z) with σ′(±40) = e^{−40}, not 0', () => {
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace failed');
    const h = r.trace.layers[1];
    expectRel(h.fPrime[0], E40);
    expectRel(h.fPrime[1], E40);
    // a₁ = 1, a₂ = e^{−40}: z² = 0.5 + 0.25e^{−40} = 0.5, y = tanh 0.5, ∂E/∂y = y, δ² = y(1 − y²)
    const y = Math.tanh(0.5);
    const d2 = y * (1 - y * y);
    expectRel(r.trace.layers[2].delta[0], d2, 1e-14);
    expectRel(h.delta[0], 0.5 * d2 * E40, 1e-14);
    expectRel(h.delta[1], 0.25 * d2 * E40, 1e-14);
    expectRel(h.dW[0][0], 0.5 * d2 * E40, 1e-14);
  });

  it('the fast path and its generated step give the recorded update', () => {
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('trace failed');
    const sizes = [1, 2, 1];
    const acts: ActivationName[] = ['identity', 'sigmoid', 'tanh'];
    const looped = compileNet(sizes, acts, 'halfSse', false, lesson.weights, lesson.biases);
    const generated = compileNet(sizes, acts, 'halfSse', false, lesson.weights, lesson.biases);
    const step = compileStep(generated, new Float64Array(1))!;
    const x = Float64Array.of(1);
    const t = Float64Array.of(0);
    sgdStep(looped, x, t, 0.5);
    step(x, t, -1, 0.5);
    expect(Array.from(generated.W[0])).toEqual(Array.from(looped.W[0]));
    // w¹₁ moved by η·δ·x = 0.25·d2·e^{−40}: lost against 40 in a double, but the gradient before it is not 0
    expect(Array.from(looped.d[1])).toEqual(r.trace.layers[1].delta);
    expect(looped.d[1][0]).not.toBe(0);
    expect(Array.from(looped.W[1])).toEqual(r.trace.updated.weights[1][0]);
  });
});
