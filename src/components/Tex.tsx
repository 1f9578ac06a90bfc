import 'katex/dist/katex.min.css';
import { memo, startTransition, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { SizedCache } from './texCache';
import { loadedKatex, loadKatex, onKatexLoaded, warmUpSteps } from './texEngine';
import './tex.css';

interface TexProps {
  /** The TeX source. */
  tex: string;
  /** Display (block) maths rather than inline. */
  block?: boolean;
  /** Accessible text for the formula (KaTeX also emits MathML for screen readers). */
  label?: string;
  className?: string;
  /**
   * Render HTML only, with `label` as the accessible text, instead of HTML plus MathML (half the elements:
   * for the many small formulas of a list).
   */
  light?: boolean;
}

type Rendered = { ok: true; html: string } | { ok: false; error: string };

/**
 * Rendered formulas by options and source, the least recently used dropped first beyond CACHE_SIZE formulas or
 * CACHE_CHARS characters of source and markup in all: a formula of a 64-wide layer is a large piece of markup, so
 * a cap by count alone does not bound the cache's memory.
 */
export const CACHE_SIZE = 600;
export const CACHE_CHARS = 4_000_000;
const cache = new SizedCache<Rendered>(
  CACHE_SIZE,
  CACHE_CHARS,
  (key, r) => key.length + (r.ok ? r.html.length : r.error.length),
);

/** How many formulas and characters the render cache holds (for tests). */
export function texCacheUsage(): { entries: number; chars: number } {
  const { entries, size } = cache.usage;
  return { entries, chars: size };
}

/** The cache key of a formula: its options and source. */
const keyOf = (tex: string, block: boolean, light: boolean) =>
  `${block ? 'b' : 'i'}${light ? 'l' : 'f'}${tex}`;

const remember = (key: string, r: Rendered): Rendered => cache.set(key, r);

/**
 * KaTeX's markup for a source (remembered: stepping back and forth renders each formula once), or null while
 * KaTeX has not loaded and the formula was not prerendered.
 */
function render(key: string, tex: string, block: boolean, light: boolean): Rendered | null {
  const hit = cache.get(key);
  if (hit) return hit;
  const katex = loadedKatex();
  if (!katex) return null;
  try {
    const output = light ? 'html' : 'htmlAndMathml';
    return remember(key, {
      ok: true,
      html: katex.renderToString(tex, { displayMode: block, throwOnError: true, output }),
    });
  } catch (e) {
    return remember(key, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

/** While prerendering: the key of every formula rendered, in document order (see adoptPrerenderedTex). */
let prerendered: string[] | null = null;

/** Starts (or, with false, stops) recording the formulas a server render renders; returns their keys. */
export function recordPrerenderedTex(on: boolean): string[] {
  const keys = prerendered ?? [];
  prerendered = on ? [] : null;
  return keys;
}

/**
 * Takes the formulas of the prerendered page into the cache, from the page itself (`keys` in document order,
 * as recordPrerenderedTex returned them at build time), so the page hydrates before KaTeX has loaded.
 * Returns false, adopting nothing, when the page's formulas do not match the keys.
 */
export function adoptPrerenderedTex(root: Element, keys: readonly string[]): boolean {
  const elements = root.querySelectorAll<HTMLElement>('.tex');
  if (elements.length !== keys.length) return false;
  keys.forEach((key, i) => {
    const el = elements[i];
    remember(
      key,
      el.classList.contains('tex-error') ? { ok: false, error: el.title } : { ok: true, html: el.innerHTML },
    );
  });
  return true;
}

/** Formulas drawn as placeholders while KaTeX was on its way, by key: typeset ahead once it has arrived. */
const waiting = new Map<string, () => void>();
let typesetting: Promise<void> | null = null;

/** The next task of the browser's (what is left of this one is done first). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The placeholders on screen, by the key of their formula: each renders again once its own is typeset. */
const shownWaiting = new Map<string, Set<() => void>>();
let warmed = false;

/** Renders again every placeholder of `key` (all of them, without a key). */
function announce(key?: string): void {
  const keys = key === undefined ? [...shownWaiting.keys()] : [key];
  for (const k of keys) {
    const notify = shownWaiting.get(k);
    shownWaiting.delete(k);
    notify?.forEach((n) => n());
  }
}

/**
 * Typesets every formula that waited for KaTeX into the cache, each in a task of its own, and has its
 * placeholders render it from the cache right after (each formula its own small render and commit), then
 * resolves. Typeset in React's render, a page's formulas made one task of 15–25 ms (a long task on a phone, four
 * times that) when KaTeX arrived after the first screen; rendered all at once, one commit of 20–25 ms.
 */
export function typesetWaiting(): Promise<void> {
  typesetting ??= (async () => {
    // KaTeX's code compiled a piece at a time first, not all at once in the first formula's task
    for (const warm of warmed || !waiting.size ? [] : warmUpSteps()) {
      await nextTask();
      warm();
    }
    warmed = true;
    for (const [key, typeset] of waiting) {
      await nextTask();
      waiting.delete(key);
      typeset();
      announce(key);
    }
    announce();
    typesetting = null; // a formula that waits later starts another round
  })();
  return typesetting;
}

/**
 * While `pending` (the formula `key` was drawn as a placeholder, KaTeX not yet here): renders the formula again,
 * in a transition, once it has been typeset (typesetWaiting). A formula shown from the cache waits for nothing.
 */
function useTypesetLater(key: string, pending: boolean): void {
  const [, renderAgain] = useState(0);
  useEffect(() => {
    if (!pending) return;
    const update = () => startTransition(() => renderAgain((n) => n + 1));
    if (cache.get(key)) {
      update(); // typeset between the render and this effect
      return;
    }
    const listeners = shownWaiting.get(key) ?? new Set();
    shownWaiting.set(key, listeners);
    listeners.add(update);
    const stop = onKatexLoaded(() => void typesetWaiting());
    if (loadedKatex()) void typesetWaiting();
    return () => {
      stop();
      listeners.delete(update);
    };
  }, [key, pending]);
}

/**
 * The event a formula's element sends (it bubbles) when a placeholder has been replaced by the typeset formula:
 * whoever sized the formulas around it (useFitFormulas) measures them again.
 */
export const TEX_RENDERED = 'texrendered';

/** Sends TEX_RENDERED from `el` after the commit in which a placeholder became the formula. */
function useAnnounceTypeset(el: RefObject<HTMLElement | null>, shown: boolean): void {
  const wasPending = useRef(false);
  useLayoutEffect(() => {
    if (!shown) wasPending.current = true;
    else if (wasPending.current) {
      wasPending.current = false;
      el.current?.dispatchEvent(new Event(TEX_RENDERED, { bubbles: true }));
    }
  }, [el, shown]);
}

/** The one component that renders TeX (KaTeX); a parse error shows the source. */
export const Tex = memo(function Tex({ tex, block = false, label, className, light = false }: TexProps) {
  const key = keyOf(tex, block, light);
  prerendered?.push(key);
  const html = render(key, tex, block, light);
  const el = useRef<HTMLDivElement & HTMLSpanElement>(null);
  useTypesetLater(key, !html); // a placeholder renders again once its formula is typeset
  useAnnounceTypeset(el, !!html);
  const Tag = block ? 'div' : 'span';
  if (!html) {
    waiting.set(key, () => render(key, tex, block, light));
    void loadKatex();
    // a formula not yet typeset takes its place, named for screen readers
    return (
      <Tag
        ref={el}
        className={`tex tex-pending ${className ?? ''}`}
        aria-label={label}
        role={label ? 'img' : undefined}
        aria-busy="true"
      />
    );
  }
  if (!html.ok) {
    return (
      <Tag ref={el} className={`tex tex-error ${className ?? ''}`} title={html.error}>
        <code>{tex}</code>
      </Tag>
    );
  }
  return (
    <Tag
      ref={el}
      className={`tex ${className ?? ''}`}
      aria-label={label}
      role={label ? 'img' : undefined}
      dangerouslySetInnerHTML={{ __html: html.html }}
    />
  );
});
