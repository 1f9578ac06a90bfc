// The two functions of d3-array (a dependency of d3-scale, with no types of its own) that layout/linearScale.ts uses.
declare module 'd3-array' {
  /** About `count` round values from start to stop (reversed when stop < start). */
  export function ticks(start: number, stop: number, count: number): number[];
  /** The step between about `count` round ticks from start to stop; negative n means a step of 1/−n. */
  export function tickIncrement(start: number, stop: number, count: number): number;
}
