/**
 * A formula rule is written once against a Writer and rendered twice: with symbols (the rule) and with numbers
 * (the rule substituted). The numeric writer records every value it reads as an operand, in order.
 */
import { ACTIVATIONS } from '../engine';
import { SLOT, templates, vid, type ValueId } from '../steps';
import type { FormulaContext, ValueEntry } from './context';
import type { Operand } from './types';
import { exp, fill, FOLD_OVER, foldTerms, frac, guard, isSum, matrix, paren, plus } from './tex';

export type Orientation = 'column' | 'row';

export class Writer {
  readonly operands: Operand[] = [];
  /** The entries read, in order, when there was nothing to replay (so later traces of the network can). */
  readonly read: ValueEntry[] = [];
  /** The most terms of a sum written with more than FOLD_OVER (0: none), folded or not. */
  longestSum = 0;
  private cursor = 0;
  private readonly recording: boolean;

  /**
   * `replay`: the entries this rule read for an earlier trace of the same network, in order; the rule reads the
   * same values in the same order every time, so they spare a lookup per value (any mismatch falls back).
   * `fold`: write sums of more than FOLD_OVER terms folded (first terms, ⋯, last terms).
   */
  constructor(
    readonly ctx: FormulaContext,
    readonly numeric: boolean,
    private replay?: readonly ValueEntry[],
    readonly fold = false,
  ) {
    this.recording = numeric && replay === undefined;
  }

  /** A value the step reads: its symbol, or its number (recorded as an operand). */
  v(id: ValueId): string {
    if (!this.numeric) return this.ctx.symbol(id);
    let e = this.replay?.[this.cursor];
    if (e !== undefined && e.id === id) this.cursor++;
    else {
      this.replay = undefined;
      e = this.ctx.entry(id);
    }
    if (this.recording) this.read.push(e);
    const o = this.ctx.operandOf(e);
    this.operands.push(o);
    return o.shown;
  }

  /**
   * A value read where rounding it could make the row false (1 − a, ln a, 1/(1 − a), a − t): as `v`, with the
   * activation shown precisely enough when it is close to ±1 (`\left(1-4.248\times10^{-18}\right)`, not 1).
   */
  vPrecise(id: ValueId): string {
    if (!this.numeric) return this.ctx.symbol(id);
    const before = this.operands.length;
    this.v(id);
    const o = this.ctx.preciseOperand(this.ctx.entry(id));
    this.operands[before] = o;
    return o.shown;
  }

  /** A value the step computes itself, shown part-way (not an operand). */
  own(id: ValueId): string {
    return this.numeric ? this.ctx.shown(id) : this.ctx.symbol(id);
  }

  /** a·b: numbers joined by ·, symbols side by side (b bracketed if negative). */
  times(a: string, b: string): string {
    return a + (this.numeric ? ' \\cdot ' : ' ') + guard(b);
  }

  /** a + b + …, folded when the writer folds and there are more than FOLD_OVER terms. */
  plus(terms: readonly string[]): string {
    if (terms.length > FOLD_OVER) this.longestSum = Math.max(this.longestSum, terms.length);
    return plus(this.fold ? foldTerms(terms) : terms);
  }

  /** Σ_i terms(i), written out term by term. */
  sum(count: number, term: (i: number) => string): string {
    const terms: string[] = [];
    for (let i = 0; i < count; i++) terms.push(term(i));
    return this.plus(terms);
  }

  /** An engine template (f′, loss term, ∂E/∂a) for neuron j of layer l: z, a, t read in order; n = output count. */
  fill(template: string, l: number, j: number): string {
    return fill(template, (slot) => {
      if (slot === 'z') return this.v(vid.z(l, j));
      if (slot === 'a') return this.vPrecise(vid.a(l, j));
      if (slot === 't') return this.v(vid.t(j));
      return this.numeric ? String(this.ctx.shape.sizes[this.ctx.shape.L]) : 'n';
    });
  }

  /** A template filled in as a factor of a product: bracketed when it is a sum (1 − a², −t/a + (1−t)/(1−a)). */
  factor(template: string, l: number, j: number): string {
    const filled = this.fill(template, l, j);
    return isSum(template) ? paren(filled) : filled;
  }

  /** f(z^l_j), from the activation's TeX (softmax: e^{z_j} / Σ_i e^{z_i}). */
  activation(l: number, j: number): string {
    const act = this.ctx.shape.acts[l];
    if (act !== 'softmax') return fill(ACTIVATIONS[act].tex(SLOT.z), () => this.v(vid.z(l, j)));
    const numerator = exp(this.v(vid.z(l, j)));
    return frac(
      numerator,
      this.sum(this.ctx.shape.sizes[l], (i) => exp(this.v(vid.z(l, i)))),
    );
  }

  /** f′(z^l_j) from the activation's f′ template. */
  fPrime(l: number, j: number): string {
    return this.fill(templates.fPrime(this.ctx.shape.acts[l]), l, j);
  }

  /** A vector of entries: its symbol, or a bmatrix (column or row). */
  vector(symbol: string, entries: () => string[], orientation: Orientation = this.ctx.shape.vectors): string {
    if (!this.numeric) return symbol;
    return this.column(entries(), orientation);
  }

  /** A bmatrix of entries as a column or row, in both renderings (for entries that are expressions). */
  column(entries: string[], orientation: Orientation = this.ctx.shape.vectors): string {
    return matrix(orientation === 'column' ? entries.map((e) => [e]) : [entries]);
  }

  /** A matrix of read values: its symbol, or the bmatrix of its numbers. */
  matrix(symbol: string, grid: ValueId[][]): string {
    return this.numeric ? matrix(grid.map((row) => row.map((id) => this.v(id)))) : symbol;
  }
}
