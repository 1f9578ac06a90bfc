/**
 * An independent, deliberately naive reference network for tests: scalar loops, the textbook formulas
 * written out again (nothing imported from src/), and central differences as the gradient oracle.
 */
export type RefAct = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'identity' | 'softmax';
export type RefLoss = 'halfSse' | 'sse' | 'mse' | 'bce' | 'cce';

export interface RefNet {
  acts: RefAct[]; // acts[l] for l ≥ 1 (acts[0] unused)
  loss: RefLoss;
  useBias: boolean;
  weights: number[][][];
  biases: number[][];
  input: number[];
  target: number[];
}

function act(name: RefAct, z: number[]): number[] {
  switch (name) {
    case 'sigmoid':
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'tanh':
      return z.map((v) => (Math.exp(v) - Math.exp(-v)) / (Math.exp(v) + Math.exp(-v)));
    case 'relu':
      return z.map((v) => (v > 0 ? v : 0));
    case 'leakyRelu':
      return z.map((v) => (v > 0 ? v : 0.01 * v));
    case 'identity':
      return z.slice();
    case 'softmax': {
      const e = z.map((v) => Math.exp(v));
      const s = e.reduce((x, y) => x + y, 0);
      return e.map((v) => v / s);
    }
  }
}

/** z and a of every layer (index 0 = input). */
export function refForward(net: RefNet): { z: number[][]; a: number[][] } {
  const z = [net.input.slice()];
  const a = [net.input.slice()];
  for (let l = 1; l <= net.weights.length; l++) {
    const zl: number[] = [];
    for (let j = 0; j < net.weights[l - 1].length; j++) {
      let s = net.useBias ? net.biases[l - 1][j] : 0;
      for (let k = 0; k < a[l - 1].length; k++) s += net.weights[l - 1][j][k] * a[l - 1][k];
      zl.push(s);
    }
    z.push(zl);
    a.push(act(net.acts[l], zl));
  }
  return { z, a };
}

/** E for the network as it stands. */
export function refLoss(net: RefNet): number {
  const { a } = refForward(net);
  const o = a[a.length - 1];
  const t = net.target;
  let e = 0;
  for (let j = 0; j < o.length; j++) {
    switch (net.loss) {
      case 'halfSse':
        e += 0.5 * (t[j] - o[j]) ** 2;
        break;
      case 'sse':
        e += (t[j] - o[j]) ** 2;
        break;
      case 'mse':
        e += (t[j] - o[j]) ** 2 / o.length;
        break;
      case 'bce':
        e -= (t[j] > 0 ? t[j] * Math.log(o[j]) : 0) + (t[j] < 1 ? (1 - t[j]) * Math.log(1 - o[j]) : 0);
        break;
      case 'cce':
        e -= t[j] > 0 ? t[j] * Math.log(o[j]) : 0;
        break;
    }
  }
  return e;
}

/** Central-difference gradients of E for every weight [l][j][k] and bias [l][j]. */
export function refNumericGradients(net: RefNet, h = 1e-6): { dW: number[][][]; db: number[][] } {
  const copy: RefNet = {
    ...net,
    weights: net.weights.map((W) => W.map((r) => r.slice())),
    biases: net.biases.map((b) => b.slice()),
  };
  const diff = (get: () => number, set: (v: number) => void) => {
    const v0 = get();
    const step = h * Math.max(1, Math.abs(v0));
    set(v0 + step);
    const up = refLoss(copy);
    set(v0 - step);
    const down = refLoss(copy);
    set(v0);
    return (up - down) / (2 * step);
  };
  const dW = copy.weights.map((W) =>
    W.map((row) =>
      row.map((_, k) =>
        diff(
          () => row[k],
          (v) => (row[k] = v),
        ),
      ),
    ),
  );
  const db = copy.biases.map((b) =>
    b.map((_, j) =>
      diff(
        () => b[j],
        (v) => (b[j] = v),
      ),
    ),
  );
  return { dW, db };
}

/** |x − y| ≤ rel·max(|x|, |y|) or ≤ abs: the tolerance of the gradient checks. */
export function close(x: number, y: number, rel = 1e-6, abs = 1e-8): boolean {
  const d = Math.abs(x - y);
  return d <= abs || d <= rel * Math.max(Math.abs(x), Math.abs(y));
}

/** A lesson (the engine's file format, read structurally) as a reference network. */
export function refNetOf(lesson: {
  layers: { activation?: string }[];
  loss: string;
  useBias: boolean;
  weights: number[][][];
  biases: number[][];
  sample: { input: number[]; target: number[] };
}): RefNet {
  return {
    acts: lesson.layers.map((l) => (l.activation ?? 'identity') as RefAct),
    loss: lesson.loss as RefLoss,
    useBias: lesson.useBias,
    weights: lesson.weights,
    biases: lesson.biases,
    input: lesson.sample.input,
    target: lesson.sample.target,
  };
}

/** Away from ReLU kinks (|z| < 1e-4, where f′ is undefined) and saturated outputs, where a finite difference is no oracle. */
export function wellConditioned(net: RefNet): boolean {
  const { z } = refForward(net);
  const kinked = net.acts.some(
    (act, l) => l > 0 && (act === 'relu' || act === 'leakyRelu') && z[l].some((v) => Math.abs(v) < 1e-4),
  );
  return !kinked && z[z.length - 1].every((v) => Math.abs(v) < 30) && Number.isFinite(refLoss(net));
}
