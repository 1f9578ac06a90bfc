import type { GradientCheckEntry, ParameterRef } from '../engine';
import { parseValueId, type ValueId } from '../steps';
import { gradientCheckOf } from './derived';
import { NONE } from './memo';
import { selectIteration } from './lossSelectors';
import type { LessonState } from './state';
import { perStep } from './stepSelectors';

// What the step's page sets beside its numbers: backprop checked against central differences, and where the
// lesson's source printed a figure differently (errata).

/** Gradient checks shown on a step's page: the first few gradients it writes (a layer's may write thousands). */
export const CHECKS_SHOWN = 6;

/** The parameter a gradient id (`dW:l:j:k` or `db:l:j`) is the gradient of, or null for any other id. */
function parameterOf(id: ValueId): ParameterRef | null {
  const v = parseValueId(id);
  if (!v || v.sample !== undefined) return null; // one sample's gradient in a mini-batch: the check is of the mean
  const [l, j, k] = v.indices;
  if (v.kind === 'dW') return { layer: l, neuron: j, from: k };
  if (v.kind === 'db') return { layer: l, neuron: j, from: -1 };
  return null;
}

/** Parameter order: layer, neuron, then its weights by incoming neuron, then its bias. */
const byParameter = (p: ParameterRef, q: ParameterRef) =>
  p.layer - q.layer ||
  p.neuron - q.neuron ||
  (p.from < 0 ? Infinity : p.from) - (q.from < 0 ? Infinity : q.from);

/**
 * Gradient steps: backprop beside central differences for the first CHECKS_SHOWN gradients the step at `index`
 * writes (in parameter order), computed for those parameters only, never the whole network, from the current
 * lesson.
 */
export const selectGradientChecks = perStep<GradientCheckEntry[]>((s, step) => {
  if (step.phase !== 'gradient') return NONE;
  const shown = step.writes
    .map(parameterOf)
    .filter((p): p is ParameterRef => p !== null)
    .sort(byParameter)
    .slice(0, CHECKS_SHOWN);
  const out = shown.map((p) => gradientCheckOf(s.lesson, p)).filter((c) => c !== null);
  return out.length ? out : NONE;
}, NONE);

export interface Erratum {
  id: string;
  printed: string;
  computed: number;
}

/**
 * Values the step at `index` writes that the lesson's source printed differently (at the printed precision).
 * Only where the source printed a figure for exactly these numbers: the lesson as published (an edit drops its
 * `published` figures) at its own iteration 1. Next iteration keeps the lesson's figures, which belong to the
 * first step only, so later iterations have no errata.
 */
const errataAtFirstIteration = perStep<Erratum[]>((s, step, tl) => {
  const published = s.lesson.published;
  if (!published) return NONE;
  const errata = step.writes
    .filter((id) => id in published && id in tl.values)
    .map((id) => ({ id, printed: published[id], computed: tl.values[id] }))
    .filter((e) => differsAtPrintedPrecision(e.printed, e.computed));
  return errata.length ? errata : NONE;
}, NONE);
export const selectErrata = (s: LessonState, index = s.cursor): Erratum[] =>
  selectIteration(s) === 1 ? errataAtFirstIteration(s, index) : NONE;

/** Whether `computed`, rounded to as many decimals as `printed` shows, differs from it. */
export function differsAtPrintedPrecision(printed: string, computed: number): boolean {
  const decimals = (printed.split('.')[1] ?? '').length;
  return Number(computed.toFixed(decimals)) !== Number(Number(printed).toFixed(decimals));
}
