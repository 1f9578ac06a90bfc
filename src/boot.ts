import type { StoreApi } from 'zustand/vanilla';
import { initialState, selectIteration, type LessonState, type LessonStore } from './store';
import { DEFAULT_LESSON } from './lessons/builtIn';

// What the page's HTML holds before any script runs, and whether a visit can take it over as it is.

/** The id of the JSON list of the prerendered page's formulas (their cache keys, in document order). */
export const PRERENDERED_TEX_ID = 'prerendered-tex';

/** The id of the JSON record of the prerendered graph's layouts, by their arguments (graphLayout.ts). */
export const PRERENDERED_LAYOUT_ID = 'prerendered-layout';

/**
 * The attribute on <html> that index.html's inline script sets (to "pending") when this visit may open
 * something other than the prerendered first screen (a link, saved work, a Chinese browser): the
 * prerendered screen is hidden until the app has drawn its own.
 */
export const BOOT_ATTRIBUTE = 'data-boot';

/** The attribute on <html> set once the app has started (hydrated or rendered, its key handlers in place). */
export const READY_ATTRIBUTE = 'data-ready';

/**
 * Whether the store opened on exactly the screen the build prerendered: the default lesson as shipped, at its
 * first step and opening detail, in English, the light theme, the default digits and no message. Only then is
 * the page hydrated; otherwise the app renders afresh over it.
 */
export function showsPrerendered(s: LessonState): boolean {
  const d = initialState(DEFAULT_LESSON);
  return (
    s.lesson === DEFAULT_LESSON &&
    s.origin === DEFAULT_LESSON &&
    s.granularity === (DEFAULT_LESSON.conventions.detail ?? 'neuron') &&
    s.cursor === 0 &&
    selectIteration(s) === 1 &&
    s.lossHistory.length === 0 &&
    s.locale === 'en' &&
    s.theme === d.theme &&
    s.digits === d.digits &&
    s.notice === null &&
    s.past.length === 0 &&
    s.view === 'step' &&
    !s.practice.on &&
    !s.presenting
  );
}

/**
 * Makes the state the page starts in the one a server render and a hydration read. zustand hands React its
 * store's initial state (before the link, the autosave or the default lesson were opened) as the server
 * snapshot; the prerender and the hydration must both see the started state, or hydration would change the
 * screen. Call once the start state is set, before rendering.
 */
export function renderFromStart(store: StoreApi<LessonStore>): void {
  const start = store.getState();
  store.getInitialState = () => start;
}

let connected: Promise<unknown> = Promise.resolve();

/**
 * Records the page's connection of persistence (src/connectPage.ts): on a first visit it loads after the first
 * screen has started, and the app counts as ready (READY_ATTRIBUTE) once it is connected.
 */
export function connecting(connection: Promise<unknown>): void {
  connected = connection;
}

/** Resolves once persistence is connected (or has failed to load: the app works without it). */
export const whenConnected = (): Promise<void> =>
  connected.then(
    () => undefined,
    () => undefined,
  );

let markStarted: () => void = () => undefined;
const started = new Promise<void>((done) => (markStarted = done));

/** Records that the app's first render (a hydration or a fresh render) has been committed (AppRoot). */
export function appStarted(): void {
  markStarted();
}

/** Resolves once the app's first render has been committed: the start's later work waits for it. */
export const whenStarted = (): Promise<void> => started;
