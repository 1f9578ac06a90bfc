/**
 * The hint classifier against an independent calculation: every preset's step is worked out here by hand (plain
 * loops, σ′ written as a(1 − a), tanh′ as 1 − a²), each classic mistake is made deliberately on it, typed with
 * four significant digits, and must get its own hint; the right value must never get one.
 */
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine';
import { PRESETS } from '../../src/lessons';
import { checkAnswer, questionOf, type HintKind } from '../../src/practice/hints';
import { judge } from '../../src/practice/answer';
import { timelineOf } from '../../src/store/derived';

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const f = (name: string | undefined, z: number) =>
  name === 'sigmoid' ? sig(z) : name === 'tanh' ? Math.tanh(z) : z; // the presets use σ, tanh and identity
/** f′ written from a, as the lessons do. */
const fpFromA = (name: string | undefined, a: number) =>
  name === 'sigmoid' ? a * (1 - a) : name === 'tanh' ? 1 - a * a : 1;

interface Pass {
  z: number[][];
  a: number[][];
  fp: number[][];
  dA: number[][];
  d: number[][];
  e: number[];
  E: number;
}

/** One sample's forward and backward pass, by hand. */
function pass(lesson: Lesson, x: number[], t: number[]): Pass {
  const L = lesson.layers.length - 1;
  const a: number[][] = [x];
  const z: number[][] = [[]];
  const fp: number[][] = [[]];
  for (let l = 1; l <= L; l++) {
    const act = lesson.layers[l].activation;
    z[l] = lesson.weights[l - 1].map(
      (row, j) =>
        row.reduce((s, w, k) => s + w * a[l - 1][k], 0) + (lesson.useBias ? lesson.biases[l - 1][j] : 0),
    );
    a[l] = z[l].map((zj) => f(act, zj));
    fp[l] = a[l].map((aj) => fpFromA(act, aj));
  }
  const two = lesson.loss === 'halfSse' ? 1 : 2;
  const e = a[L].map((aj, j) => (lesson.loss === 'halfSse' ? 0.5 : 1) * (t[j] - aj) ** 2);
  const dA: number[][] = [];
  const d: number[][] = [];
  dA[L] = a[L].map((aj, j) => two * (aj - t[j]));
  d[L] = dA[L].map((g, j) => g * fp[L][j]);
  for (let l = L - 1; l >= 1; l--) {
    dA[l] = a[l].map((_, j) => lesson.weights[l].reduce((s, row, i) => s + row[j] * d[l + 1][i], 0));
    d[l] = dA[l].map((g, j) => g * fp[l][j]);
  }
  return { z, a, fp, dA, d, e, E: e.reduce((s, x) => s + x, 0) };
}

/** The lesson's step by hand: every sample's pass (one, or the mini-batch's), mean gradients, updated weights. */
function byHand(lesson: Lesson) {
  const m = lesson.batchSize ?? 1;
  const samples =
    m > 1 && lesson.dataset?.kind === 'inline' ? lesson.dataset.samples.slice(0, m) : [lesson.sample];
  const passes = samples.map((s) => pass(lesson, s.input, s.target));
  const L = lesson.layers.length - 1;
  const dW = lesson.weights.map((W, l0) =>
    W.map((row, j) =>
      row.map((_, k) => passes.reduce((s, p) => s + p.d[l0 + 1][j] * p.a[l0][k], 0) / passes.length),
    ),
  );
  const wNew = lesson.weights.map((W, l0) =>
    W.map((row, j) => row.map((w, k) => w - lesson.learningRate * dW[l0][j][k])),
  );
  return { passes, dW, wNew, L };
}

const type4 = (x: number) => x.toPrecision(4);
/** The right value with its two last distinct digits swapped (typed with four significant digits). */
function swapDigits(x: number): string {
  const s = type4(x);
  const digits = [...s].map((c, i) => [c, i] as const).filter(([c]) => /\d/.test(c));
  const sigStart = digits.findIndex(([c]) => c !== '0');
  const sigDigits = digits.slice(sigStart);
  for (let p = sigDigits.length - 1; p > 0; p--) {
    const [c1, i1] = sigDigits[p - 1];
    const [c2, i2] = sigDigits[p];
    if (c1 !== c2) return s.slice(0, i1) + c2 + s.slice(i1 + 1, i2) + c1 + s.slice(i2 + 1);
  }
  return s;
}

interface Case {
  preset: string;
  step: string;
  kind: HintKind;
  typed: string;
}

/** Every deliberate mistake on every preset's neuron-level step, with the value computed here. */
function cases(): { made: Case[]; right: { preset: string; step: string; typed: string }[] } {
  const made: Case[] = [];
  const right: { preset: string; step: string; typed: string }[] = [];
  for (const preset of PRESETS) {
    const lesson = preset.lesson;
    const tl = timelineOf(lesson, 'neuron')!;
    const { passes, dW, wNew, L } = byHand(lesson);
    const eta = lesson.learningRate;
    const twoFix = lesson.loss === 'halfSse' ? 2 : 0.5;
    for (const step of tl.steps) {
      const asked = questionOf(step);
      const [plain, sx] = asked.split('@');
      const p = passes[sx === undefined ? 0 : Number(sx)];
      const [kind, ...idx] = plain.split(':');
      const [l, j, k] = idx.map(Number);
      const act = lesson.layers[l]?.activation;
      const add = (kind: HintKind, value: number | string) =>
        made.push({
          preset: preset.id,
          step: step.id,
          kind,
          typed: typeof value === 'string' ? value : type4(value),
        });
      let value: number;
      if (kind === 'z') value = p.z[l][j];
      else if (kind === 'a') value = p.a[l][j];
      else if (kind === 'e')
        value = p.e[l]; // e:j has one index
      else if (kind === 'E')
        value =
          sx === undefined && passes.length > 1 ? passes.reduce((s, q) => s + q.E, 0) / passes.length : p.E;
      else if (kind === 'dA') value = p.dA[l][j];
      else if (kind === 'fp') value = p.fp[l][j];
      else if (kind === 'd') value = p.d[l][j];
      else if (kind === 'dW') value = sx === undefined ? dW[l - 1][j][k] : p.d[l][j] * p.a[l - 1][k];
      else if (kind === 'db')
        value = sx === undefined ? passes.reduce((s, q) => s + q.d[l][j], 0) / passes.length : p.d[l][j];
      else if (kind === 'w+') value = wNew[l - 1][j][k];
      else if (kind === 'b+')
        value = lesson.biases[l - 1][j] - eta * (passes.reduce((s, q) => s + q.d[l][j], 0) / passes.length);
      else throw new Error(`unexpected question ${asked}`);
      if (value === undefined) throw new Error(`${preset.id} ${asked}`);
      right.push({ preset: preset.id, step: step.id, typed: type4(value) });
      // a digit slip on every question: two digits swapped, and a dropped minus on a negative value
      add('digitSlip', swapDigits(value));
      if (value < 0) add('digitSlip', type4(-value));
      if (kind === 'a' && (act === 'sigmoid' || act === 'tanh'))
        add('wrongActivation', f(act === 'sigmoid' ? 'tanh' : 'sigmoid', p.z[l][j]));
      if (kind === 'fp' && (act === 'sigmoid' || act === 'tanh')) {
        add('fPrimeAtA', fpFromA(act, f(act, p.a[l][j]))); // f′ taken at a
        const other = act === 'sigmoid' ? 'tanh' : 'sigmoid';
        add('wrongActivation', fpFromA(other, f(other, p.z[l][j])));
      }
      if ((kind === 'e' || kind === 'E' || (kind === 'dA' && l === L)) && lesson.loss !== 'bce')
        add('lossFactor', value * twoFix);
      if (kind === 'd') {
        add('noFPrime', p.dA[l][j]);
        if (act === 'sigmoid' || act === 'tanh') {
          add('fPrimeAtA', p.dA[l][j] * fpFromA(act, f(act, p.a[l][j])));
          const other = act === 'sigmoid' ? 'tanh' : 'sigmoid';
          add('wrongActivation', p.dA[l][j] * fpFromA(other, f(other, p.z[l][j])));
        }
        if (l === L) add('lossFactor', value * twoFix);
        else {
          const next = lesson.weights[l];
          add(
            'updatedWeights',
            next.reduce((s, _row, i) => s + wNew[l][i][j] * p.d[l + 1][i], 0) * p.fp[l][j],
          );
          if (next.length > 1) add('noSum', next[0][j] * p.d[l + 1][0] * p.fp[l][j]);
        }
      }
      if (kind === 'w+') {
        add('updateSign', lesson.weights[l - 1][j][k] + eta * dW[l - 1][j][k]);
        add('noEta', lesson.weights[l - 1][j][k] - dW[l - 1][j][k]);
      }
    }
  }
  return { made, right };
}

describe('the hint classifier', () => {
  const { made, right } = cases();
  const stepOf = (preset: string, id: string) => {
    const lesson = PRESETS.find((p) => p.id === preset)!.lesson;
    const tl = timelineOf(lesson, 'neuron')!;
    return { lesson, tl, step: tl.steps[tl.indexById[id]] };
  };

  it('never gives a hint to a right answer (every question of every preset)', () => {
    expect(right.length).toBeGreaterThan(100);
    for (const r of right) {
      const { lesson, tl, step } = stepOf(r.preset, r.step);
      expect(checkAnswer(lesson, tl, step, r.typed), `${r.preset} ${r.step} ${r.typed}`).toEqual({
        verdict: 'right',
      });
    }
  });

  it('names each mistake made deliberately, on every preset', () => {
    let judged = 0;
    const seen = new Map<string, Set<HintKind>>();
    for (const c of made) {
      const { lesson, tl, step } = stepOf(c.preset, c.step);
      const value = tl.values[questionOf(step)];
      // a mistake that gives (nearly) the right number is not a mistake anyone could see
      if (judge(c.typed, value) !== 'wrong') continue;
      // nor one that gives the number of another mistake on this step
      const clash = made.some(
        (o) =>
          o !== c &&
          o.step === c.step &&
          o.preset === c.preset &&
          o.kind !== c.kind &&
          judge(c.typed, Number(o.typed)) === 'right',
      );
      if (clash) continue;
      const got = checkAnswer(lesson, tl, step, c.typed);
      expect(got.verdict, `${c.preset} ${c.step} ${c.kind} ${c.typed}`).toBe('wrong');
      expect(got.hint?.kind, `${c.preset} ${c.step} ${c.kind} ${c.typed} (right ${value})`).toBe(c.kind);
      judged++;
      if (!seen.has(c.preset)) seen.set(c.preset, new Set());
      seen.get(c.preset)!.add(c.kind);
    }
    expect(judged).toBeGreaterThan(300);
    // every preset meets the mistakes its network allows
    for (const preset of PRESETS) {
      const kinds = seen.get(preset.id)!;
      for (const k of [
        'digitSlip',
        'noFPrime',
        'lossFactor',
        'updateSign',
        'noEta',
        'updatedWeights',
      ] as const)
        expect(kinds.has(k), `${preset.id} ${k}`).toBe(true);
      const hiddenActs = preset.lesson.layers.map((x) => x.activation);
      if (hiddenActs.some((x) => x === 'sigmoid' || x === 'tanh')) {
        expect(kinds.has('fPrimeAtA'), `${preset.id} fPrimeAtA`).toBe(true);
        expect(kinds.has('wrongActivation'), `${preset.id} wrongActivation`).toBe(true);
      }
      const wide = preset.lesson.layers.slice(2).some((x) => x.size > 1);
      if (wide) expect(kinds.has('noSum'), `${preset.id} noSum`).toBe(true);
    }
  });

  it('gives a generic hint to a wrong answer it cannot explain', () => {
    const { lesson, tl, step } = stepOf('lesson004', 'forward/z/1/0');
    const value = tl.values[questionOf(step)];
    const got = checkAnswer(lesson, tl, step, type4(value * 1.37 + 0.11));
    expect(got).toEqual({ verdict: 'wrong', hint: { kind: 'generic' } });
  });
});
