import { ACTIVATIONS } from '../activations';
import type { FastNet } from './fastNet';

/** Largest network (in weights) whose SGD step is generated as straight-line code. */
export const CODEGEN_MAX_WEIGHTS = 1500;

/**
 * One SGD step specialised to a network's shape: returns E (before the update) and adds 1 to
 * `stats[0]` when the output's class (arg-max, or |a − t| < 0.5 for one output) equals `label`.
 */
export type CompiledStep = (x: Float64Array, t: Float64Array, label: number, eta: number) => number;

/**
 * Generates the SGD step of a small network with element-wise activations and a squared loss as
 * straight-line code over its weight arrays (every loop unrolled, every index a constant), the same
 * arithmetic in the same order as `sgdStep`, calling the activation records' f and f′. Returns null where the loop
 * version must be used: vector-valued activations (softmax), cross-entropy, large networks, or where generated code
 * is refused (a Content-Security-Policy without 'unsafe-eval').
 */
export function compileStep(net: FastNet, stats: Float64Array): CompiledStep | null {
  const { sizes, acts, squared, useBias, trainBias } = net;
  const L = sizes.length - 1;
  const weights = net.W.reduce((n, w) => n + w.length, 0);
  if (!squared || weights > CODEGEN_MAX_WEIGHTS) return null;
  if (acts.slice(1).some((a) => ACTIVATIONS[a].vectorValued)) return null;
  const [cE, cG] = squared;
  const a = (l: number, j: number) => (l === 0 ? `x[${j}]` : `a${l}_${j}`);
  const lines: string[] = [];
  for (let l = 1; l <= L; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      const terms = Array.from(
        { length: sizes[l - 1] },
        (_, k) => `W${l - 1}[${j * sizes[l - 1] + k}] * ${a(l - 1, k)}`,
      );
      lines.push(`const z${l}_${j} = ${useBias ? `b${l - 1}[${j}] + ` : ''}${terms.join(' + ')};`);
      lines.push(`const a${l}_${j} = f${l}(z${l}_${j});`);
    }
  }
  // output error: E = c_E Σ r², δ = −c_G r f′(z) with r = t − a
  const rs = Array.from({ length: sizes[L] }, (_, j) => `r${j}`);
  for (let j = 0; j < sizes[L]; j++) {
    lines.push(`const r${j} = t[${j}] - a${L}_${j};`);
    lines.push(`const d${L}_${j} = (${-cG} * r${j}) * fp${L}(z${L}_${j}, a${L}_${j});`);
  }
  lines.push(`const e = ${cE} * (${rs.map((r) => `${r} * ${r}`).join(' + ')});`);
  // class check before the update
  if (sizes[L] === 1) lines.push(`if (Math.abs(r0) < 0.5) stats[0] += 1;`);
  else {
    lines.push(`let best = 0, top = a${L}_0;`);
    for (let j = 1; j < sizes[L]; j++) lines.push(`if (a${L}_${j} > top) { top = a${L}_${j}; best = ${j}; }`);
    lines.push(`if (best === label) stats[0] += 1;`);
  }
  // back-propagate with the weights before the update, then update
  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1];
    if (l > 1) {
      for (let k = 0; k < nIn; k++) {
        const sum = Array.from({ length: sizes[l] }, (_, j) => `W${l - 1}[${j * nIn + k}] * d${l}_${j}`).join(
          ' + ',
        );
        lines.push(`const d${l - 1}_${k} = (${sum}) * fp${l - 1}(z${l - 1}_${k}, a${l - 1}_${k});`);
      }
    }
    for (let j = 0; j < sizes[l]; j++) {
      lines.push(`{ const s = eta * d${l}_${j};`);
      if (trainBias) lines.push(`b${l - 1}[${j}] -= s;`);
      for (let k = 0; k < nIn; k++) lines.push(`W${l - 1}[${j * nIn + k}] -= s * ${a(l - 1, k)};`);
      lines.push('}');
    }
  }
  lines.push('return e;');
  // f and f′ of each layer are the activation records' own functions, passed in (the maths is written once)
  const layers = acts.map((_, l) => l).slice(1);
  const params = [
    ...net.W.map((_, l) => `W${l}`),
    ...net.b.map((_, l) => `b${l}`),
    'stats',
    ...layers.flatMap((l) => [`f${l}`, `fp${l}`]),
  ];
  const fns = layers.flatMap((l) => [ACTIVATIONS[acts[l]].f, ACTIVATIONS[acts[l]].fPrime]);
  let factory: (...args: unknown[]) => CompiledStep;
  try {
    factory = new Function(
      ...params,
      `return function step(x, t, label, eta) {\n${lines.join('\n')}\n};`,
    ) as typeof factory;
  } catch (e) {
    // A strict Content-Security-Policy (no 'unsafe-eval') refuses generated code: use the loop version.
    if (e instanceof EvalError) return null;
    throw e;
  }
  return factory(...net.W, ...net.b, stats, ...fns);
}
