import type Katex from 'katex';

/**
 * KaTeX, loaded on demand: the first screen comes with its formulas already rendered (prerendered at build
 * time, see src/prerender.tsx), so the ~75 kB gzip of KaTeX loads after the page is interactive instead of
 * before. Tex renders from its cache while KaTeX is on its way and again once it has arrived.
 */
type KatexApi = typeof Katex;

let katex: KatexApi | null = null;
let loading: Promise<KatexApi> | null = null;
const waiting = new Set<() => void>();

let gate: Promise<unknown> = Promise.resolve();

/**
 * Holds every load of KaTeX until `until` settles (the page's start: KaTeX is fetched once the app has started
 * and the browser is idle, not in the middle of the start, even when a formula asks for it sooner).
 */
export function holdKatexUntil(until: Promise<unknown>): void {
  gate = until.catch(() => undefined);
}

/** Starts loading KaTeX (once) and resolves with it. */
export function loadKatex(): Promise<KatexApi> {
  loading ??= gate
    .then(() => import('katex'))
    .then((m) => {
      katex = m.default;
      for (const notify of waiting) notify();
      waiting.clear();
      return katex;
    });
  return loading;
}

/** KaTeX if it has loaded, else null. */
export function loadedKatex(): KatexApi | null {
  return katex;
}

/** Calls `notify` once KaTeX has loaded (for useSyncExternalStore); returns an unsubscribe. */
export function onKatexLoaded(notify: () => void): () => void {
  if (katex) return () => undefined;
  waiting.add(notify);
  return () => waiting.delete(notify);
}
