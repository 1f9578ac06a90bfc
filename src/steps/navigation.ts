/** Moving about a timeline: phases, progress, and keeping the student's place across granularities. */
import type { Phase, Step, Timeline } from './types';

/**
 * The index in `target` of the step covering the same quantity as `step` (from another granularity): the first
 * step writing any value `step` writes; failing that, the first of the same phase and layer, then of the phase.
 */
export function findCoveringStep(target: Timeline, step: Step): number {
  const writes = new Set(step.writes);
  const steps = target.steps;
  const byValue = steps.findIndex((s) => s.writes.some((w) => writes.has(w)));
  if (byValue >= 0) return byValue;
  const byLayer = steps.findIndex((s) => s.phase === step.phase && s.layer === step.layer);
  if (byLayer >= 0) return byLayer;
  return Math.max(
    0,
    steps.findIndex((s) => s.phase === step.phase),
  );
}

/** The steps of a phase: indices start (inclusive) to end (exclusive); empty (start = end) if absent. */
export function phaseRange(timeline: Timeline, phase: Phase): { start: number; end: number } {
  const steps = timeline.steps;
  const start = steps.findIndex((s) => s.phase === phase);
  if (start < 0) return { start: steps.length, end: steps.length };
  let end = start;
  while (end < steps.length && steps[end].phase === phase) end++;
  return { start, end };
}

/** Where step `index` sits in its phase (the run of steps of that phase around it): position 1 … count. */
export function progressInPhase(
  timeline: Timeline,
  index: number,
): { phase: Phase; position: number; count: number } {
  // the run of this phase around the step (a mini-batch has one run per sample)
  const steps = timeline.steps;
  const phase = steps[index].phase;
  let start = index;
  while (start > 0 && steps[start - 1].phase === phase) start--;
  let end = index + 1;
  while (end < steps.length && steps[end].phase === phase) end++;
  return { phase, position: index - start + 1, count: end - start };
}
