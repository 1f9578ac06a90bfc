/**
 * How a run "as fast as possible" shares the machine with the page: the worker trains a `duty` share of its time
 * (a slice, then a rest `slice · (1 − duty) / duty` long) and leaves the rest to the page's thread, its compositor
 * and rasteriser, which on a two-core machine otherwise wait for the core the worker holds. The page reports its
 * mean frame interval while a run goes on (`frames` in protocol.ts); the share adapts to it: halved at once while
 * the page misses frames, grown only after two reports in a row of kept frames (so a page at the edge does not
 * swing), and all of the time when no report came for STALE_MS (a hidden tab, or a page that draws no frames,
 * has nothing to share with). Pure: the trainer holds one and asks it how long to train and rest.
 */

/** The share of time a run starts with, before the page has reported a frame interval. */
export const START_DUTY = 0.5;
/** The least share: the run always goes on (about a tenth of full speed). */
export const MIN_DUTY = 0.1;
/** Frame intervals (ms) above this are missed frames (under 57 per second): the share shrinks. */
export const SLOW_FRAME_MS = 1000 / 57;
/** Frame intervals (ms) below this are kept frames (over 59 per second): the share may grow. */
export const FAST_FRAME_MS = 1000 / 59;
/** One frame of a 60 Hz display, ms. */
export const FRAME_PERIOD_MS = 1000 / 60;
/**
 * A slice and its rest fill half a frame (at a share under SLICE_MS / CYCLE_MS): the worker then posts about twice
 * a frame, so the page has something new on nearly every frame even when the worker's timers run late on a busy
 * machine (a slice and rest of a whole frame, late by a few ms, left every other frame with nothing new).
 */
export const CYCLE_MS = FRAME_PERIOD_MS / 2;
/** With no report for this long (ms) while a run goes on, the page draws no frames: the run takes all its time. */
export const STALE_MS = 1000;
/** Reports of kept frames in a row before the share grows. */
export const KEEP_REPORTS = 2;
/** What one report of missed frames multiplies the share by. */
const DOWN = 0.5;
/** Growth after KEEP_REPORTS kept reports: × GROW, and by at least STEP. */
const GROW = 1.5;
const STEP = 0.1;

export class FrameShare {
  /** The share of time spent training, MIN_DUTY … 1 (1: no rests). */
  duty = START_DUTY;
  /** Kept-frame reports in a row. */
  private kept = 0;
  /** When the page last reported (or the run started), ms; -∞: never. */
  private heard = -Infinity;

  /**
   * A run (or a new speed) starts at `now` (ms): the page's reports are awaited from here, and the share is at most
   * the starting one (a share grown while the page drew nothing is not one it has shown it can bear).
   */
  begin(now: number): void {
    this.duty = Math.min(this.duty, START_DUTY);
    this.heard = now;
    this.kept = 0;
  }

  /** The page's mean frame interval over its last frames, ms, reported at `now`. */
  report(frameMs: number, now: number): void {
    if (!(frameMs > 0)) return;
    this.heard = now;
    if (frameMs > SLOW_FRAME_MS) {
      this.duty = Math.max(MIN_DUTY, this.duty * DOWN);
      this.kept = 0;
    } else if (frameMs < FAST_FRAME_MS) {
      if (++this.kept < KEEP_REPORTS) return;
      this.duty = Math.min(1, Math.max(this.duty * GROW, this.duty + STEP));
      this.kept = 0;
    } else this.kept = 0;
  }

  /** At `now` (ms): the page has not reported for STALE_MS, so it draws nothing and the run takes all the time. */
  check(now: number): void {
    if (now - this.heard > STALE_MS) this.duty = 1;
  }

  /** How long the next slice trains, ms: `longest` (the slice of a run without rests), or a half frame's share. */
  slice(longest: number): number {
    return this.duty >= 1 ? longest : Math.min(longest, this.duty * CYCLE_MS);
  }

  /** The rest after a slice of `workedMs` that keeps the share: 0 at duty 1. */
  rest(workedMs: number): number {
    return this.duty >= 1 ? 0 : (workedMs * (1 - this.duty)) / this.duty;
  }
}
