/**
 * The hint classifier: a wrong answer is matched against the step recomputed with each classic mistake, so the
 * hint can name the likely one. Pure: it reads the timeline's exact values and the lesson, nothing else.
 */
import { ACTIVATIONS, type ActivationName, type Lesson } from '../engine';
import { scopeId, valueIndices, valueKind, vid } from '../steps';
import type { Step, Timeline, ValueId } from '../steps/types';
import { agrees, judge, readAnswer, type Verdict } from './answer';

/** The mistakes a hint can name; `generic` when none matches. */
export type HintKind =
  | 'noFPrime' // f′ left out of δ
  | 'fPrimeAtA' // f′ taken at a instead of z, or the a-form (a(1 − a)) fed with z
  | 'lossFactor' // the factor 2 of a loss without ½ (left out, or added where ½ cancels it)
  | 'updateSign' // w + η ∂E/∂w instead of w − η ∂E/∂w
  | 'noEta' // the learning rate η left out of the update
  | 'updatedWeights' // a hidden δ computed with the already updated weights of the next layer
  | 'noSum' // a hidden δ from one neuron of the next layer instead of the sum over all of them
  | 'wrongActivation' // another activation's function or derivative
  | 'digitSlip' // the right number with two digits swapped or the minus dropped
  | 'generic';

export const HINT_KINDS: readonly HintKind[] = [
  'noFPrime',
  'fPrimeAtA',
  'lossFactor',
  'updateSign',
  'noEta',
  'updatedWeights',
  'noSum',
  'wrongActivation',
  'digitSlip',
  'generic',
];

/** One mistaken value of a step: what the student would get by making mistake `kind`. */
export interface Mistake {
  kind: Exclude<HintKind, 'digitSlip' | 'generic'>;
  value: number;
  /** The activation whose function or derivative was used, for `wrongActivation`. */
  activation?: ActivationName;
}

/** A hint: the mistake named, and the activation involved where there is one. */
export interface Hint {
  kind: HintKind;
  /** For `wrongActivation`: the activation used by mistake, and the layer's own. */
  activation?: ActivationName;
  own?: ActivationName;
}

/** The value a step asks for: its first δ, else its first activation a, else the first value it writes. */
export function questionOf(step: Step): ValueId {
  return (
    step.writes.find((id) => valueKind(id) === 'd') ??
    step.writes.find((id) => valueKind(id) === 'a') ??
    step.writes[0]
  );
}

/** Activations whose derivative is mistaken for another's (ReLU's and the identity's are 0 or 1: no mix-up). */
const CONFUSED: readonly ActivationName[] = ['sigmoid', 'tanh'];

/** The derivative written from a, fed with `x` (σ: x(1 − x), tanh: 1 − x²); null for the others. */
function aForm(name: ActivationName, x: number): number | null {
  if (name === 'sigmoid') return x * (1 - x);
  if (name === 'tanh') return 1 - x * x;
  return null;
}

/** The factor 2 of a squared loss mistaken: ½Σ(t − a)² has none in ∂E/∂a (so ×2 is the slip), the others do. */
function lossFactorOf(lesson: Lesson): number | null {
  if (lesson.loss === 'halfSse') return 2;
  if (lesson.loss === 'sse' || lesson.loss === 'mse') return 0.5;
  return null;
}

/** Two numbers that no answer of three significant digits could tell apart count as one. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * The mistaken values of the question of `step` (see questionOf): the step recomputed with each classic mistake
 * that applies to it. Mistakes that give the right value (or nothing finite) are left out.
 */
export function mistakesOf(lesson: Lesson, tl: Timeline, step: Step): Mistake[] {
  const asked = questionOf(step);
  const right = tl.values[asked];
  const kind = valueKind(asked);
  const [l, j, k] = valueIndices(asked);
  const own = (id: ValueId) => (step.sample === undefined ? id : scopeId(id, step.sample));
  const v = (id: ValueId): number => tl.values[own(id)] ?? tl.values[id];
  const L = lesson.layers.length - 1;
  const out: Mistake[] = [];
  const add = (m: Mistake) => {
    if (Number.isFinite(m.value) && !same(m.value, right) && !out.some((o) => same(o.value, m.value)))
      out.push(m);
  };
  const actName = (layer: number) => lesson.layers[layer]?.activation ?? 'identity';

  /** f′ variants at neuron (l, j): taken at a, and the a-form fed with z; other activations' derivatives. */
  const fPrimeVariants = (layer: number, n: number) => {
    const name = actName(layer);
    const z = v(vid.z(layer, n));
    const a = v(vid.a(layer, n));
    const act = ACTIVATIONS[name];
    const atA: number[] = [];
    if (!act.vectorValued) {
      atA.push(act.fPrime(a, act.f(a)));
      const withZ = aForm(name, z);
      if (withZ !== null) atA.push(withZ);
    }
    const others: { value: number; activation: ActivationName }[] = [];
    for (const o of CONFUSED) {
      if (o === name) continue;
      const other = ACTIVATIONS[o];
      others.push({ value: other.fPrime(z, other.f(z)), activation: o });
      const fromA = aForm(o, a);
      if (fromA !== null) others.push({ value: fromA, activation: o });
    }
    return { atA, others };
  };

  if (kind === 'a' && !ACTIVATIONS[actName(l)].vectorValued) {
    const z = v(vid.z(l, j));
    for (const o of CONFUSED)
      if (o !== actName(l)) add({ kind: 'wrongActivation', value: ACTIVATIONS[o].f(z), activation: o });
  } else if (kind === 'fp') {
    const { atA, others } = fPrimeVariants(l, j);
    atA.forEach((value) => add({ kind: 'fPrimeAtA', value }));
    others.forEach(({ value, activation }) => add({ kind: 'wrongActivation', value, activation }));
  } else if (kind === 'e' || kind === 'E') {
    const f = lossFactorOf(lesson);
    if (f !== null) add({ kind: 'lossFactor', value: right * f });
  } else if (kind === 'dA' && l === L) {
    const f = lossFactorOf(lesson);
    if (f !== null) add({ kind: 'lossFactor', value: right * f });
  } else if (kind === 'd' && !ACTIVATIONS[actName(l)].vectorValued) {
    const fp = v(vid.fp(l, j));
    const { atA, others } = fPrimeVariants(l, j);
    // the error arriving at the neuron: ∂E/∂a at the output, Σ_i w^{l+1}_ij δ^{l+1}_i in a hidden layer
    const incoming = v(vid.dA(l, j));
    add({ kind: 'noFPrime', value: incoming });
    atA.forEach((f) => add({ kind: 'fPrimeAtA', value: incoming * f }));
    others.forEach(({ value, activation }) =>
      add({ kind: 'wrongActivation', value: incoming * value, activation }),
    );
    if (l === L) {
      const f = lossFactorOf(lesson);
      if (f !== null) add({ kind: 'lossFactor', value: right * f });
    } else {
      const next = lesson.layers[l + 1].size;
      let withUpdated = 0;
      const terms: number[] = [];
      for (let i = 0; i < next; i++) {
        const d = v(vid.d(l + 1, i));
        withUpdated += v(vid.wNew(l + 1, i, j)) * d;
        terms.push(v(vid.w(l + 1, i, j)) * d);
      }
      add({ kind: 'updatedWeights', value: withUpdated * fp });
      if (next > 1) terms.forEach((term) => add({ kind: 'noSum', value: term * fp }));
    }
  } else if (kind === 'w+' || kind === 'b+') {
    const param = kind === 'w+' ? v(vid.w(l, j, k)) : v(vid.b(l, j));
    const grad = kind === 'w+' ? v(vid.dW(l, j, k)) : v(vid.db(l, j));
    const eta = v(vid.eta);
    add({ kind: 'updateSign', value: param + eta * grad });
    add({ kind: 'noEta', value: param - grad });
  }
  return out;
}

/** Whether the typed answer is `value` with two of its digits swapped or its minus sign dropped. */
export function isDigitSlip(typed: string, value: number): boolean {
  const answer = readAnswer(typed);
  if (answer === null) return false;
  const text = answer.text;
  if (!text.startsWith('-') && value < 0) {
    const flipped = readAnswer(`-${text.replace(/^\+/, '')}`);
    if (flipped && agrees(flipped, value)) return true;
  }
  // only the digits before an exponent are swapped
  const end = text.search(/e/i) < 0 ? text.length : text.search(/e/i);
  for (let p = 0; p < end; p++) {
    for (let q = p + 1; q < end; q++) {
      const a = text[p];
      const b = text[q];
      if (a === b || !/\d/.test(a) || !/\d/.test(b)) continue;
      const swapped = readAnswer(text.slice(0, p) + b + text.slice(p + 1, q) + a + text.slice(q + 1));
      if (swapped && swapped.significant >= 3 && agrees(swapped, value)) return true;
    }
  }
  return false;
}

/** What a typed answer to a step's question gets: the verdict, and for a wrong one the hint. */
export interface Checked {
  verdict: Verdict;
  hint?: Hint;
}

/** Judges a typed answer to the step's question and, when it is wrong, names the likely mistake. */
export function checkAnswer(lesson: Lesson, tl: Timeline, step: Step, typed: string): Checked {
  const right = tl.values[questionOf(step)];
  const verdict = judge(typed, right);
  if (verdict !== 'wrong') return { verdict };
  return { verdict, hint: classify(lesson, tl, step, typed) };
}

/** The hint for a wrong answer: the first mistake whose value the answer matches, a digit slip, or generic. */
export function classify(lesson: Lesson, tl: Timeline, step: Step, typed: string): Hint {
  const answer = readAnswer(typed);
  if (answer !== null) {
    const m = mistakesOf(lesson, tl, step).find((x) => agrees(answer, x.value));
    if (m?.activation) {
      const [layer] = valueIndices(questionOf(step));
      return { kind: m.kind, activation: m.activation, own: lesson.layers[layer]?.activation ?? 'identity' };
    }
    if (m) return { kind: m.kind };
    if (isDigitSlip(typed, tl.values[questionOf(step)])) return { kind: 'digitSlip' };
  }
  return { kind: 'generic' };
}
