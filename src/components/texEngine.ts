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

/**
 * Small formulas that use what the lessons' formulas use (scripts, fractions, sums, operators, text, colours of
 * classes), typeset once each before the first real formula. KaTeX compiles its code on first use: typesetting
 * a page's first formula cold took one task of ~16 ms; these pieces compile it a few milliseconds at a time.
 */
const WARM_UP = [
  'x',
  'w^{(1)}_{1,2}\\,x_{2}',
  '\\frac{\\partial L}{\\partial a} = \\delta',
  '\\sum_{k} a_{k} \\times b \\cdot c',
  '\\operatorname{\\sigma}\\left(\\bar{z}\\right) \\approx 0.5',
  '\\text{loss} = \\tfrac{1}{2}\\,\\eta',
];

/**
 * One step per warm-up formula (run each in a task of its own once KaTeX has loaded); what they typeset is
 * thrown away. None if KaTeX has not loaded.
 */
export function warmUpSteps(): (() => void)[] {
  const k = katex;
  if (!k) return [];
  return WARM_UP.map((tex) => () => {
    try {
      k.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
    } catch {
      // a warm-up only
    }
  });
}
