import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { useLessonStore } from '../../store';

/** The smallest a formula is shrunk to; a piece still wider than its row scrolls (its row shows a scrollbar). */
const MIN_SCALE = 0.55;

/**
 * Shrinks a display formula whose widest unbreakable piece is wider than its row. A long formula breaks after
 * its = and + signs (app.css lets KaTeX's pieces wrap), so only a piece that cannot break, such as a matrix or
 * a bracketed sum, can be too wide: the formula is then scaled down until that piece fits.
 */
export function fitFormula(tex: HTMLElement): void {
  const display = tex.querySelector<HTMLElement>('.katex-display');
  if (!display) return;
  const avail = display.clientWidth;
  if (avail === 0) return; // not laid out (hidden)
  const scale = Number(tex.dataset.fit ?? 1);
  let widest = 0;
  for (const piece of display.querySelectorAll<HTMLElement>('.katex-html > .base'))
    widest = Math.max(widest, piece.getBoundingClientRect().width);
  const natural = widest / scale;
  const next = natural > avail ? Math.max(MIN_SCALE, Math.floor((avail / natural) * 100) / 100) : 1;
  if (next === scale) return;
  if (next === 1) {
    delete tex.dataset.fit;
    tex.style.removeProperty('font-size');
  } else {
    tex.dataset.fit = String(next);
    tex.style.fontSize = `${next}em`;
  }
}

/**
 * Fits every display formula under `ref` to its row: after each render that changes `content` (what the
 * formulas say) or the theme, whenever the container's width changes, and once fonts have loaded.
 */
export function useFitFormulas(ref: RefObject<HTMLElement | null>, content: unknown): void {
  const theme = useLessonStore((s) => s.theme); // a theme may set another type size
  useLayoutEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.tex').forEach(fitFormula);
  }, [ref, content, theme]);
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const fitAll = () => root.querySelectorAll<HTMLElement>('.tex').forEach(fitFormula);
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w === width) return;
      width = w;
      fitAll();
    });
    observer.observe(root);
    // KaTeX's fonts load when first used: the widths measured before then were the fallback font's
    document.fonts?.addEventListener('loadingdone', fitAll);
    return () => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', fitAll);
    };
  }, [ref]);
}
