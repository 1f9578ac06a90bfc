import type { Lesson } from '../engine';
import { HISTORY_LIMIT, type Snapshot } from './state';

/**
 * The undo history's bound. It keeps HISTORY_LIMIT entries at most, and, of large lessons, no more than
 * HISTORY_PARAMETERS weights and biases in all (each lesson object counted once, however many entries share
 * it): a 10 × 64 network's lesson is 37,440 numbers, so 100 of them (every Next iteration makes a new one) would
 * be megabytes the student is unlikely to undo back to. The oldest entries go first, but HISTORY_MIN_ENTRIES
 * always stay, whatever their size. A small lesson keeps all HISTORY_LIMIT.
 */
export const HISTORY_PARAMETERS = 400_000;
export const HISTORY_MIN_ENTRIES = 5;

/** A lesson's weights and biases (as stored, whether or not the lesson trains its biases). */
export function parametersOf(lesson: Lesson): number {
  let n = 0;
  lesson.weights.forEach((W, l) => {
    for (const row of W) n += row.length;
    n += lesson.biases[l]?.length ?? 0;
  });
  return n;
}

/**
 * The history `entries` (oldest first) cut to its bound: the newest entries that fit in HISTORY_LIMIT and
 * HISTORY_PARAMETERS, and at least HISTORY_MIN_ENTRIES. Returns `entries` itself when nothing is cut.
 */
export function capHistory(entries: Snapshot[]): Snapshot[] {
  const counted = new Set<Lesson>();
  let parameters = 0;
  let kept = 0;
  // from the newest back: the first entry that would pass a bound is where the history starts
  for (let i = entries.length - 1; i >= 0; i--) {
    const { lesson, origin } = entries[i];
    let more = 0;
    for (const l of [lesson, origin]) {
      if (counted.has(l)) continue;
      counted.add(l);
      more += parametersOf(l);
    }
    if (kept >= HISTORY_LIMIT || (kept >= HISTORY_MIN_ENTRIES && parameters + more > HISTORY_PARAMETERS))
      break;
    parameters += more;
    kept++;
  }
  return kept === entries.length ? entries : entries.slice(entries.length - kept);
}
