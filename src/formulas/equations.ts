/**
 * An equation of a formula: the left side, an optional symbolic middle form, and the rule's right side. A rule is
 * a plain function of (writer, l, j, k), written once and rendered with symbols or with numbers.
 */
import { vid } from '../steps';
import type { FormulaContext } from './context';
import { guard, minus, paren } from './tex';
import type { Writer } from './writer';

/** A right side for layer l, neuron j, incoming neuron k (-1: the bias). */
export type Rule = (w: Writer, l: number, j: number, k: number) => string;

export interface Equation {
  /** What is computed, as a symbol. */
  lhs: string;
  /** The rule, written once for both renderings. */
  rhs: Rule;
  /** A middle form shown in the symbolic rule only, e.g. σ(z) before 1/(1 + e^{−z}). */
  via?: Rule;
  /** Where the rule applies (layer rules close over their layer instead). */
  l?: number;
  j?: number;
  k?: number;
}

/** Renders a side of an equation at its place. */
export const render = (rule: Rule, e: Equation, w: Writer): string => rule(w, e.l ?? 0, e.j ?? 0, e.k ?? 0);

export const equationOf = (lhs: string, rhs: Rule, l = 0, j = 0, k = 0, via?: Rule): Equation =>
  via ? { lhs, rhs, via, l, j, k } : { lhs, rhs, l, j, k };

/** −s, bracketing s if it is negative: −(−0.11). */
export const negate = (s: string): string => `-${guard(s)}`;

/**
 * The update in the lesson's style: w − η ∂E/∂w (minusEta) or w + α(−∂E/∂w) (plusAlpha, lesson 001), from the
 * rendered parameter, the learning rate and the rendered gradient (values or whole matrices), in that order.
 */
export function updateRule(w: Writer, param: string, eta: string, grad: string): string {
  return w.ctx.lesson.conventions.update === 'plusAlpha'
    ? `${param} + ${w.times(eta, paren(negate(grad)))}`
    : minus(param, w.times(eta, grad));
}

/** w_new = w − η ∂E/∂w for weight w^l_jk, or for the bias b^l_j when k = -1. */
const parameterUpdate: Rule = (w, l, j, k) =>
  k < 0
    ? updateRule(w, w.v(vid.b(l, j)), w.v(vid.eta), w.v(vid.db(l, j)))
    : updateRule(w, w.v(vid.w(l, j, k)), w.v(vid.eta), w.v(vid.dW(l, j, k)));

export const updateEquation = (c: FormulaContext, l: number, j: number, k: number): Equation =>
  equationOf(c.symbol(k < 0 ? vid.bNew(l, j) : vid.wNew(l, j, k)), parameterUpdate, l, j, k);
