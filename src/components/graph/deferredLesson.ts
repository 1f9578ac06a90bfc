import { useDeferredValue } from 'react';
import type { Lesson } from '../../engine';

/**
 * Nets with more edges than this are drawn lean (no fades, no wide hit areas; see NetworkGraph) and show a new
 * lesson (Next iteration, an edit) in a render after the one that shows the step controls: drawing the graph
 * and the chain rule of ~10⁴ edges anew takes longer than a frame.
 */
export const LARGE_NET_EDGES = 1000;

/** How many edges (weights, and biases when used) a lesson's net draws. */
export function edgeCount(lesson: Pick<Lesson, 'layers' | 'useBias'>): number {
  let n = 0;
  for (let l = 1; l < lesson.layers.length; l++)
    n += lesson.layers[l].size * (lesson.layers[l - 1].size + (lesson.useBias ? 1 : 0));
  return n;
}

/**
 * What a panel draws, kept on its last lesson for one more render when the lesson changes on a large net
 * (`lag`): the render that brings the new lesson comes after the urgent one (React's useDeferredValue), in
 * another task, so the page shows the step controls first and never stalls for the whole drawing. `inputs`
 * holds the lesson and everything derived from it that the panel shows, as one memoised object (the same
 * object while none of them changed). Returns the inputs to draw and whether they are an older lesson's (the
 * panel then says it is busy: aria-busy, dimmed). A change within one lesson (a step) is drawn at once.
 */
export function useDeferredLesson<T extends { lesson: object }>(inputs: T, lag: boolean): [T, boolean] {
  const deferred = useDeferredValue(lag ? inputs : null);
  if (!lag || deferred === null || deferred.lesson === inputs.lesson) return [inputs, false];
  return [deferred, true];
}

/**
 * As useDeferredLesson, for the graph: a lesson of another origin (another lesson opened, or brought back) is
 * never drawn over the older one's numbers. Until its own render the panel draws nothing (null) and is busy;
 * the page shows everything else at once and the graph, whose drawing is the longest piece of work, after.
 * The first render that draws a large net counts as another origin too (the older lesson was drawn at once).
 */
export function useDeferredDrawing<T extends { lesson: object; origin: object }>(
  inputs: T,
  lag: boolean,
): [T | null, boolean] {
  const deferred = useDeferredValue(lag ? inputs : null);
  if (!lag || deferred === inputs) return [inputs, false];
  if (deferred === null || deferred.origin !== inputs.origin) return [null, true];
  if (deferred.lesson === inputs.lesson) return [inputs, false];
  return [deferred, true];
}
