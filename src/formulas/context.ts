/**
 * What the formulas of one timeline share: shape, notation, values. What depends only on the network (layers,
 * activations, loss, bias, conventions) is kept per network and shared by every trace of it, as training rebuilds
 * the timeline at each step: each value's symbol, and each step's equations, symbolic rule, sentence and the order
 * its rule reads values in (in a NetworkCache the caller keeps). Numbers are formatted once per value and context.
 */
import { complementOf, logSoftmax, type Lesson } from '../engine';
import {
  sampleOf,
  scopeId,
  shapeOf,
  valueIndices,
  valueKind,
  vid,
  type NetShape,
  type ValueId,
} from '../steps';
import { formatNumber, formatPrecise, type Precise } from './format';
import { notationFor, type Notation } from './notation';
import { SYMBOLS } from './symbols';
import { ofSample } from './tex';
import type { Equation } from './equations';
import type { MessageRef, Operand } from './types';

/** One value of a network: its symbol, and its operand as last made by a context (checked before reuse). */
export interface ValueEntry {
  id: ValueId;
  symbol: string;
  /** The context that made `operand` (contexts are numbered). */
  madeBy: number;
  operand: Operand | undefined;
}

/**
 * Symbols and symbolic rules depend only on the architecture and the conventions, never on the numbers, so every
 * trace of the same network can share them (training rebuilds the timeline at each step). This module keeps
 * none: the caller passes a network's cache (see networkKey) to the contexts it makes, the store's derived
 * layer keeps the few in use.
 */
export interface NetworkCache {
  entries: Map<ValueId, ValueEntry>;
  /** What each step's formula holds that does not depend on the numbers, by step id. */
  templates: Map<string, StepTemplate>;
}

/** A step's equations, symbolic rule and sentence: the same for every trace of the network. */
export interface StepTemplate {
  equations: Equation[];
  symbolic: string;
  sentence: MessageRef;
  /** The values the substituted rule reads, in the order it reads them (the same for every trace). */
  reads?: ValueEntry[];
  /** The values the step writes. */
  writes: ValueEntry[];
  /** The symbolic rule with its long sums folded, and the most terms of one (when it has one). */
  folded?: { symbolic: string; terms: number };
}

/** An empty network cache. */
export const networkCache = (): NetworkCache => ({ entries: new Map(), templates: new Map() });

/** What a network cache depends on: the shape (with `m` samples), the symbols and the conventions. */
export function networkKey(lesson: Lesson, m = 1): string {
  const shape = shapeOf(lesson, m);
  const { symbols, update, vectors } = lesson.conventions;
  return JSON.stringify([
    shape.sizes,
    shape.acts,
    shape.loss,
    shape.useBias,
    shape.trainsBias,
    shape.m,
    symbols,
    update,
    vectors,
  ]);
}

let contextsMade = 0;

/**
 * What the formulas of one timeline share: shape, notation, values, and per value one operand (symbol, number as
 * shown, exact value), made once and then shared by every formula of the timeline.
 */
export class FormulaContext {
  readonly shape: NetShape;
  readonly n: Notation;
  /** Step templates already made for this network, by step id. */
  readonly templates: Map<string, StepTemplate>;
  private readonly entries: Map<ValueId, ValueEntry>;
  private readonly serial = ++contextsMade;
  private readonly bySample = new Map<number, FormulaContext>();

  /**
   * `m`: the samples of the step's mini-batch (1: one sample). `sample`: in a mini-batch, the sample whose pass
   * this context writes; every per-sample value id is read as that sample's (`z:1:0` as `z:1:0@1`).
   * `network`: the symbols and templates shared with other contexts of the same network (networkKey), else
   * this context's own.
   */
  constructor(
    readonly lesson: Lesson,
    readonly values: Record<ValueId, number>,
    readonly digits: number,
    m = 1,
    readonly sample?: number,
    private readonly network: NetworkCache = networkCache(),
  ) {
    this.n = notationFor(lesson);
    this.shape = shapeOf(lesson, m);
    ({ entries: this.entries, templates: this.templates } = network);
  }

  /** The context of sample x's pass (same values, digits and caches), made once. */
  forSample(x: number): FormulaContext {
    let c = this.bySample.get(x);
    if (!c) {
      c = new FormulaContext(this.lesson, this.values, this.digits, this.shape.m, x, this.network);
      this.bySample.set(x, c);
    }
    return c;
  }

  /** The network's entry of a value; a sample's value is written with the sample as a superscript, z^{(2)}. */
  entry(plain: ValueId): ValueEntry {
    const id = this.sample === undefined ? plain : scopeId(plain, this.sample);
    let e = this.entries.get(id);
    if (e === undefined) {
      const rule = SYMBOLS[valueKind(id)];
      if (!rule) throw new Error(`no symbol for value ${id}`);
      const symbol = rule(this.n, valueIndices(id));
      const x = sampleOf(id);
      e = { id, symbol: x === undefined ? symbol : ofSample(symbol, x), madeBy: 0, operand: undefined };
      this.entries.set(id, e);
    }
    return e;
  }

  /** The symbol of a value id, e.g. `w:2:0:1` → `w^{2}_{12}`. */
  symbol(id: ValueId): string {
    return this.entry(id).symbol;
  }

  /** A value as an operand: one object per value, shared by the formulas of this context. */
  operand(id: ValueId): Operand {
    return this.operandOf(this.entry(id));
  }

  /** The operand of an entry, made from this context's values the first time it is asked for. */
  operandOf(e: ValueEntry): Operand {
    if (e.madeBy !== this.serial || e.operand === undefined) {
      const value = this.values[e.id];
      if (value === undefined) throw new Error(`no value ${e.id}`);
      e.operand = { id: e.id, symbol: e.symbol, shown: formatNumber(value, this.digits), value };
      e.madeBy = this.serial;
    }
    return e.operand;
  }

  /** The value formatted with the significant-digits setting. */
  shown(id: ValueId): string {
    return this.operand(id).shown;
  }

  private readonly preciseOperands = new Map<ValueId, Operand>();

  /**
   * The operand of a value read where its rounding could make the row false (1 − a, ln a, 1/(1 − a), a − t): an
   * activation close to ±1 or below the smallest double is shown with the digits that keep the row true (see
   * formatPrecise); any other value is its ordinary operand.
   */
  preciseOperand(e: ValueEntry): Operand {
    const o = this.operandOf(e);
    if (valueKind(e.id) !== 'a') return o;
    let p = this.preciseOperands.get(e.id);
    if (p === undefined) {
      const [l, j] = valueIndices(e.id);
      const act = this.shape.acts[l];
      if (l === 0 || (act !== 'sigmoid' && act !== 'tanh' && act !== 'softmax')) p = o;
      else {
        const z = Array.from({ length: this.shape.sizes[l] }, (_, i) => this.values[vid.z(l, i)]);
        const precise: Precise = { complement: complementOf(act, z, j) };
        if (o.value === 0 && act !== 'tanh') {
          // ln σ(z) = z − ln(1 + e^z) for the z < −745 that underflow
          const ln = act === 'sigmoid' ? z[j] - Math.log1p(Math.exp(z[j])) : logSoftmax(z, j);
          precise.log10 = ln / Math.LN10;
        }
        const shown = formatPrecise(o.value, this.digits, precise);
        p = shown === o.shown ? o : { ...o, shown };
      }
      this.preciseOperands.set(e.id, p);
    }
    return p;
  }
}

/**
 * A context for formulas over `values` (a timeline's), sharing `network`'s symbols and templates when given
 * (a cache for this lesson's networkKey).
 */
export const makeContext = (
  lesson: Lesson,
  values: Record<ValueId, number>,
  digits: number,
  m = 1,
  network?: NetworkCache,
): FormulaContext => new FormulaContext(lesson, values, digits, m, undefined, network);
