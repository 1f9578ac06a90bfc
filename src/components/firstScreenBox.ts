import { useSyncExternalStore } from 'react';
import { showsPrerendered } from '../boot';
import { lessonStore } from '../store';

// The graph of the prerendered first screen is laid out in a box the build chooses (the build cannot measure
// the reader's screen), and the page hydrates that drawing as it is: the graph keeps the build's box, shown
// scaled to its stage, until the reader leaves the first screen (a step, another detail, a lesson, a language,
// a resize, a key). Only then is it laid out again in the CSS pixels of its stage, together with that change.

/** A box in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/**
 * The box the first screen's graph is laid out in: the graph's stage on a 360 × 800 phone, the smallest
 * common screen. Any larger stage shows that drawing scaled up (its text larger than the smallest it allows).
 */
export const FIRST_SCREEN_BOX: Box = { width: 309, height: 226 };

/** The smallest graph text in that box (a graph narrower than 500 px draws text at 11 px at least). */
const FIRST_SCREEN_MIN_FONT = 11;

/** The smallest graph text a stage of this width asks for (as the graph's own rule: 11 px on a phone, else 12). */
const minFontFor = (width: number) => (width < 500 ? 11 : 12);

let held = false;
/** Whether the page's hydration draws the held box: the prerender drew it, whatever happened since. */
let hydratesHeld = false;
const listeners = new Set<() => void>();
let unwatch: () => void = () => {};

/** Lets the graph take its stage's own layout from now on (the reader has left the first screen). */
export function releaseFirstScreenBox(): void {
  if (!held) return;
  held = false;
  unwatch();
  listeners.forEach((l) => l());
}

/**
 * Lays the first screen's graph out in FIRST_SCREEN_BOX until the reader leaves that screen: call before the
 * prerender renders it, and before the page hydrates it (never when the app draws afresh: that graph is laid
 * out for its stage at once).
 */
export function holdFirstScreenBox(): void {
  held = true;
  hydratesHeld = true;
  if (typeof window === 'undefined') return; // the build's prerender: nothing to watch
  const unsubscribe = lessonStore.subscribe((s) => {
    if (!showsPrerendered(s)) releaseFirstScreenBox();
  });
  const onResize = () => releaseFirstScreenBox();
  window.addEventListener('resize', onResize);
  window.addEventListener('keydown', onResize, true);
  unwatch = () => {
    unsubscribe();
    window.removeEventListener('resize', onResize);
    window.removeEventListener('keydown', onResize, true);
  };
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
/** Whether the first screen's graph keeps the build's box (holdFirstScreenBox, until the reader leaves it). */
export const isHeld = () => held;
// A hydration reads what the prerender drew (the box held), even when the reader left the first screen while
// it was under way (a link followed, a key): React then draws the change in a render of its own.
const isHeldInPrerender = () => hydratesHeld;

/** Whether the scaled first-screen drawing keeps the text size a stage of `measured`'s size asks for. */
export function legibleScaled(measured: Box): boolean {
  const scale = Math.min(measured.width / FIRST_SCREEN_BOX.width, measured.height / FIRST_SCREEN_BOX.height);
  return FIRST_SCREEN_MIN_FONT * scale >= minFontFor(measured.width) - 1e-9;
}

/**
 * The box the graph lays itself out in, given its stage's measured size (null before it is measured):
 * FIRST_SCREEN_BOX while the first screen is held and its drawing, scaled, stays legible on this stage;
 * otherwise the measured size (a stage too small for it takes its own layout at once).
 */
export function useFirstScreenBox(measured: Box | null): Box | null {
  const holding = useSyncExternalStore(subscribe, isHeld, isHeldInPrerender);
  if (!holding || (measured && !legibleScaled(measured))) return measured;
  return FIRST_SCREEN_BOX;
}
