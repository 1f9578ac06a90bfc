/** A step's formula: the rule, the rule with numbers, the result, a sentence, operands and results. */
import { buildTimeline, type Phase, type Step, type Timeline } from '../steps';
import type { Lesson, Trace } from '../engine';
import { makeContext, type FormulaContext, type NetworkCache, type StepTemplate } from './context';
import { render, type Equation } from './equations';
import { isLayerKind, LAYER_RULES } from './layerRules';
import { layerResult } from './layerResult';
import { neuronEquations } from './neuronRules';
import { sentenceFor } from './sentences';
import { equation, longList } from './tex';
import type { Formula, Operand } from './types';
import { Writer } from './writer';

export interface FormulaOptions {
  /** Significant digits of every number shown. */
  digits: number;
}

/** The symbolic rule: each equation with its middle form, if any. */
const symbolicOf = (equations: readonly Equation[], w: Writer): string =>
  longList(
    equations.map((e) =>
      e.via
        ? equation(e.lhs, render(e.via, e, w), render(e.rhs, e, w))
        : equation(e.lhs, render(e.rhs, e, w)),
    ),
  );
/** The rule with numbers. */
const substitutedOf = (equations: readonly Equation[], w: Writer): string =>
  longList(equations.map((e) => equation(e.lhs, render(e.rhs, e, w))));

/** The step's equations, symbolic rule and sentence, made once per network and step. */
function templateOf(c: FormulaContext, step: Step): StepTemplate {
  let t = c.templates.get(step.id);
  if (t === undefined) {
    const equations = isLayerKind(step.kind)
      ? LAYER_RULES[step.kind](c, step.layer)
      : neuronEquations(c, step);
    const w = new Writer(c, false);
    const symbolic = symbolicOf(equations, w);
    const sentence = Object.freeze(sentenceFor(c.shape, step, c.n));
    t = { equations, symbolic, sentence, writes: step.writes.map((id) => c.entry(id)) };
    if (w.longestSum > 0)
      t.folded = {
        symbolic: symbolicOf(equations, new Writer(c, false, undefined, true)),
        terms: w.longestSum,
      };
    c.templates.set(step.id, t);
  }
  return t;
}

function formulaIn(base: FormulaContext, step: Step): Formula {
  // a step of one sample's pass in a mini-batch reads and writes that sample's values
  const c = step.sample === undefined ? base : base.forSample(step.sample);
  const t = templateOf(c, step);
  const numeric = new Writer(c, true, t.reads);
  const substituted = substitutedOf(t.equations, numeric);
  t.reads ??= numeric.read;
  const results: Operand[] = t.writes.map((e) => c.operandOf(e));
  const folded = t.folded && {
    ...t.folded,
    substituted: substitutedOf(t.equations, new Writer(c, true, t.reads, true)),
  };
  return {
    ...(folded && { folded }),
    symbolic: t.symbolic,
    substituted,
    result: isLayerKind(step.kind)
      ? layerResult(c, step)
      : longList(results.map((r) => equation(r.symbol, r.shown))),
    sentence: t.sentence,
    operands: numeric.operands,
    results,
  };
}

/**
 * What the formulas of one timeline share (each value's operand, and with `network` the symbols and templates
 * of every timeline of the same network, see networkKey): make one per timeline, lesson and digits and pass it
 * to formulaFor for each of its steps. Nothing is kept here.
 */
export function formulaContext(
  timeline: Timeline,
  lesson: Lesson,
  digits: number,
  network?: NetworkCache,
): FormulaContext {
  return makeContext(lesson, timeline.values, digits, timeline.batchSize, network);
}

/**
 * The formula of a step of `timeline` (built from `lesson`), numbers shown with `digits` significant digits;
 * `context`, when given, is formulaContext's for the same timeline, lesson and digits (else one is made).
 */
export function formulaFor(
  step: Step,
  timeline: Timeline,
  lesson: Lesson,
  options: FormulaOptions & { context?: FormulaContext },
): Formula {
  return formulaIn(options.context ?? formulaContext(timeline, lesson, options.digits), step);
}

/**
 * The matrix form (BP1–BP4) of a phase at one layer, with the actual vectors and matrices: forward and
 * gradient and update at layers 1 … L, loss at L, backward at L (BP1) or a hidden layer (BP2).
 */
export function matrixFormula(
  lesson: Lesson,
  trace: Trace,
  phase: Phase,
  layer: number,
  options: FormulaOptions,
): Formula {
  const timeline = buildTimeline(lesson, trace, 'layer');
  const step = timeline.steps.find((s) => s.phase === phase && (phase === 'loss' || s.layer === layer));
  if (!step) throw new Error(`no ${phase} step at layer ${layer}`);
  return formulaIn(makeContext(lesson, timeline.values, options.digits, timeline.batchSize), step);
}
