/**
 * How a run "as fast as possible" shares the machine with the page: the worker trains a `duty` share of its time
 * (a slice, then a rest `slice · (1 − duty) / duty` long) and leaves the rest to the page's thread, its compositor
 * and rasteriser, which on a two-core machine otherwise wait for the core the worker holds. The page reports its
 * mean frame interval while a run goes on (`frames` in protocol.ts); the share adapts to it, multiplicatively
 * down while the page misses frames and additively up while it keeps them (so a machine with cores to spare
 * ends up training without rests). Pure: the trainer holds one and asks it how long to rest after each slice.
 */

/** The share of time a run starts with, before the page has reported a frame interval. */
export const START_DUTY = 0.5;
/** The least share: the run always goes on. */
export const MIN_DUTY = 0.15;
/** Frame intervals (ms) above this are missed frames (under 57 per second): the share shrinks. */
export const SLOW_FRAME_MS = 1000 / 57;
/** Frame intervals (ms) below this are kept frames (over 59 per second): the share grows. */
export const FAST_FRAME_MS = 1000 / 59;
/** One frame of a 60 Hz display, ms: at a share under SLICE_MS / FRAME_PERIOD_MS a slice and its rest fill one. */
export const FRAME_PERIOD_MS = 1000 / 60;
/** What one report of missed frames multiplies the share by. */
const DOWN = 0.7;
/** What one report of kept frames adds to the share. */
const UP = 0.1;

export class FrameShare {
  /** The share of time spent training, MIN_DUTY … 1 (1: no rests). */
  duty = START_DUTY;

  /** The page's mean frame interval over its last frames, ms. */
  report(frameMs: number): void {
    if (!(frameMs > 0)) return;
    if (frameMs > SLOW_FRAME_MS) this.duty = Math.max(MIN_DUTY, this.duty * DOWN);
    else if (frameMs < FAST_FRAME_MS) this.duty = Math.min(1, this.duty + UP);
  }

  /** How long the next slice trains, ms: `longest` (the slice of a run without rests), or a frame's share. */
  slice(longest: number): number {
    return this.duty >= 1 ? longest : Math.min(longest, this.duty * FRAME_PERIOD_MS);
  }

  /** The rest after a slice of `workedMs` that keeps the share: 0 at duty 1. */
  rest(workedMs: number): number {
    return this.duty >= 1 ? 0 : (workedMs * (1 - this.duty)) / this.duty;
  }
}
