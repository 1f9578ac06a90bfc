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

/** Starts loading KaTeX (once) and resolves with it. */
export function loadKatex(): Promise<KatexApi> {
  loading ??= import('katex').then((m) => {
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
