/**
 * "Check my handout": a teacher's own figures for the quantities of a training step, checked against the step.
 * Each figure is judged twice: against the true value, and against what follows from the teacher's own earlier
 * figures (each quantity recomputed from the operands its formula reads, taking the teacher's figure wherever one
 * was given). A figure that is wrong but follows from earlier figures only inherits an error; one that does not
 * follow is wrong on its own (the first wrong figure always is). After a figure that is wrong on its own, a later
 * figure may follow either from it (the slip carried on) or from its corrected value (a slip in copying out,
 * the work went on from the right number): both count as following.
 */
import {
  ACTIVATIONS,
  LOSSES,
  asValueId,
  batchOf,
  logSoftmax,
  traceLesson,
  trainsBiases,
  type Lesson,
} from '../engine';
import {
  buildTimeline,
  outputDeltaForm,
  sampleOf,
  scopeId,
  valueIndices,
  valueKind,
  vid,
  type ValueId,
} from '../steps';

/** right; the first figure that is wrong; wrong only because an earlier figure was; wrong on its own. */
export type FigureStatus = 'right' | 'firstWrong' | 'inherits' | 'wrong';

export interface FigureCheck {
  id: ValueId;
  /** The figure as typed. */
  typed: string;
  value: number;
  /** The true value. */
  correct: number;
  /** What the teacher's own earlier figures give for this quantity. */
  fromYours: number;
  status: FigureStatus;
}

export interface HandoutCheck {
  /** Every figure given, in the order of the step's timeline. */
  figures: FigureCheck[];
  /** Ids given that are not quantities of this step, and figures that are not numbers. */
  unknown: string[];
  unreadable: ValueId[];
}

/**
 * A figure as typed: a decimal number (a comma, a Unicode minus or a `×10^` exponent accepted) and half a unit
 * of its last digit, the rounding it may carry.
 */
export function readFigure(text: string): { value: number; halfUnit: number } | null {
  const s = text
    .trim()
    .replace(/[−–]/g, '-')
    .replace(/,/g, '.')
    .replace(/\s*[×x]\s*10\^?\{?(-?\d+)\}?$/, 'e$1');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  const decimals = (m[3] ?? '').length - Number(m[4] ?? 0);
  return { value, halfUnit: Number(`5e${-decimals - 1}`) };
}

type Get = (id: ValueId) => number;

/**
 * The quantity `id` computed from the operands its formula reads, each read through `get`: the step's rules on
 * single numbers, with the activation and loss records of the engine.
 */
function recompute(lesson: Lesson, id: ValueId, get: Get): number {
  const kind = valueKind(id);
  const [p, q, r] = valueIndices(id);
  const x = sampleOf(id);
  const at = (plain: ValueId) => (x === undefined ? plain : scopeId(plain, x));
  const L = lesson.layers.length - 1;
  const size = (l: number) => lesson.layers[l].size;
  const act = (l: number) => lesson.layers[l].activation ?? 'identity';
  const input = (l: number, k: number) => get(at(vid.input(l, k)));
  const vector = (of: (l: number, j: number) => ValueId, l: number) =>
    Array.from({ length: size(l) }, (_, j) => get(at(of(l, j))));
  const targets = () => Array.from({ length: size(L) }, (_, j) => get(at(vid.t(j))));
  const m = batchOf(lesson)?.length ?? 1;
  const mean = (plain: ValueId) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += get(scopeId(plain, i));
    return s / m;
  };
  const update = (param: ValueId, grad: ValueId) => get(param) - get(vid.eta) * get(grad);
  switch (kind) {
    case 'z': {
      let s = lesson.useBias ? get(vid.b(p, q)) : 0;
      for (let k = 0; k < size(p - 1); k++) s += get(vid.w(p, q, k)) * input(p, k);
      return s;
    }
    case 'a':
      return act(p) === 'softmax'
        ? Math.exp(logSoftmax(vector(vid.z, p), q))
        : ACTIVATIONS[act(p)].f(get(at(vid.z(p, q))));
    case 'fp': {
      // as the formula writes it: from the activation where the rule reads a (σ: a(1 − a), tanh: 1 − a²)
      const name = act(p);
      const a = () => get(at(vid.a(p, q)));
      if (name === 'sigmoid') return a() * (1 - a());
      if (name === 'tanh') return 1 - a() ** 2;
      return ACTIVATIONS[name].fPrime(get(at(vid.z(p, q))), Number.NaN);
    }
    case 'e':
      return LOSSES[lesson.loss].terms(vector(vid.a, L), targets(), vector(vid.z, L), act(L))[p];
    case 'E': {
      if (x === undefined && m > 1) return mean(vid.E);
      let s = 0;
      for (let j = 0; j < size(L); j++) s += get(at(vid.e(j)));
      return s;
    }
    case 'dA': {
      if (p === L) return LOSSES[lesson.loss].grad(vector(vid.a, L), targets(), vector(vid.z, L), act(L))[q];
      let s = 0;
      for (let i = 0; i < size(p + 1); i++) s += get(vid.w(p + 1, i, q)) * get(at(vid.d(p + 1, i)));
      return s;
    }
    case 'd': {
      const form = p === L ? outputDeltaForm(act(L), lesson.loss) : 'chain';
      const a = () => get(at(vid.a(p, q)));
      const t = () => get(at(vid.t(q)));
      if (form === 'aMinusT') return a() - t();
      if (form === 'tTimesAMinusOne') return t() * (a() - 1);
      if (form === 'jacobian') {
        // softmax: δ_j = Σ_i ∂E/∂a_i · a_i(δ_ij − a_j) = a_j (∂E/∂a_j − Σ_i ∂E/∂a_i a_i)
        let s = 0;
        for (let i = 0; i < size(p); i++) s += get(at(vid.dA(p, i))) * get(at(vid.a(p, i)));
        return a() * (get(at(vid.dA(p, q))) - s);
      }
      return get(at(vid.dA(p, q))) * get(at(vid.fp(p, q)));
    }
    case 'dW':
      if (x === undefined && m > 1) return mean(id);
      return get(at(vid.d(p, q))) * input(p, r);
    case 'db':
      if (x === undefined && m > 1) return mean(id);
      return get(at(vid.d(p, q)));
    case 'w+':
      return update(vid.w(p, q, r), vid.dW(p, q, r));
    case 'b+':
      return trainsBiases(lesson) ? update(vid.b(p, q), vid.db(p, q)) : get(vid.b(p, q));
    default:
      return get(id);
  }
}

/** What a set of figures gives for each quantity so far: its value and how far rounding may move it. */
class Belief {
  readonly value = new Map<ValueId, number>();
  readonly spread = new Map<ValueId, number>();
  constructor(private readonly givens: Record<ValueId, number>) {}
  get = (id: ValueId): number => this.value.get(id) ?? this.givens[id];
  set(id: ValueId, value: number, spread: number): void {
    this.value.set(id, value);
    this.spread.set(id, spread);
  }
}

/**
 * `id` recomputed from a belief, and its spread: how far it moves when each operand moves by its own spread
 * (first order, the operands one at a time, added up).
 */
function estimate(lesson: Lesson, id: ValueId, belief: Belief): { value: number; spread: number } {
  const read: ValueId[] = [];
  const value = recompute(lesson, id, (r) => {
    read.push(r);
    return belief.get(r);
  });
  let spread = 0;
  for (const r of new Set(read)) {
    const u = belief.spread.get(r) ?? 0;
    if (!(u > 0)) continue;
    const moved = (d: number) => recompute(lesson, id, (s) => (s === r ? belief.get(s) + d : belief.get(s)));
    spread += Math.max(Math.abs(moved(u) - value), Math.abs(moved(-u) - value));
  }
  return { value, spread };
}

/** The quantities of the lesson's step in the order the step computes them (the neuron-by-neuron timeline). */
export function handoutQuantities(lesson: Lesson): ValueId[] {
  const r = traceLesson(lesson);
  if (!r.ok) return [];
  return orderOf(buildTimeline(lesson, r.trace, 'neuron').steps);
}

function orderOf(steps: readonly { writes: ValueId[] }[]): ValueId[] {
  const seen = new Set<ValueId>();
  for (const step of steps) for (const id of step.writes) seen.add(id);
  return [...seen];
}

/** Checks a teacher's figures (value id → the figure as typed) against the lesson's step; null if it has none. */
export function checkHandout(lesson: Lesson, typed: Record<string, string>): HandoutCheck | null {
  const r = traceLesson(lesson);
  if (!r.ok) return null;
  const truth = buildTimeline(lesson, r.trace, 'neuron');
  const order = orderOf(truth.steps);
  const known = new Set(order);
  const isKnown = (key: string) => {
    const id = asValueId(key);
    return id !== null && known.has(id);
  };
  const unknown = Object.keys(typed).filter((key) => !isKnown(key) && typed[key].trim() !== '');
  const unreadable: ValueId[] = [];
  // yours: every figure as given; corrected: a figure wrong on its own replaced by what it should have been
  // given the others; exact: the true values, spread as the figures' rounding spreads them
  const yours = new Belief(truth.values);
  const corrected = new Belief(truth.values);
  const exact = new Belief(truth.values);
  const figures: FigureCheck[] = [];
  let wrongSoFar = false;
  for (const id of order) {
    const fromYours = estimate(lesson, id, yours);
    const fromCorrected = estimate(lesson, id, corrected);
    const fromExact = estimate(lesson, id, exact);
    const text = typed[id]?.trim() ?? '';
    const figure = text === '' ? null : readFigure(text);
    if (text !== '' && !figure) unreadable.push(id);
    if (!figure) {
      yours.set(id, fromYours.value, fromYours.spread);
      corrected.set(id, fromCorrected.value, fromCorrected.spread);
      exact.set(id, truth.values[id], fromExact.spread);
      continue;
    }
    const near = (e: { value: number; spread: number }) =>
      Math.abs(figure.value - e.value) <=
      figure.halfUnit + e.spread + 1e-9 * Math.max(Math.abs(figure.value), Math.abs(e.value));
    const correct = truth.values[id];
    const follows = near(fromYours) || near(fromCorrected);
    const status: FigureStatus = near({ value: correct, spread: fromExact.spread })
      ? 'right'
      : !wrongSoFar
        ? 'firstWrong'
        : follows
          ? 'inherits'
          : 'wrong';
    if (status !== 'right') wrongSoFar = true;
    figures.push({ id, typed: text, value: figure.value, correct, fromYours: fromYours.value, status });
    yours.set(id, figure.value, figure.halfUnit);
    if (status === 'wrong' || status === 'firstWrong')
      corrected.set(id, fromCorrected.value, fromCorrected.spread);
    else corrected.set(id, figure.value, figure.halfUnit);
    exact.set(id, correct, figure.halfUnit);
  }
  return { figures, unknown, unreadable };
}
