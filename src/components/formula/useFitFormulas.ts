import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { useLessonStore } from '../../store';

/** The smallest a formula is shrunk to; a piece still wider than its row scrolls (its row shows a scrollbar). */
const MIN_SCALE = 0.55;

/**
 * The smallest scale for formulas under `tex`: MIN_SCALE, unless the page sets `--formula-min-scale` (presenter
 * mode sets 1: its type is as small as a projected formula may be, so a piece too wide scrolls instead).
 */
function minScaleOf(tex: HTMLElement): number {
  const min = parseFloat(getComputedStyle(tex).getPropertyValue('--formula-min-scale'));
  return min > 0 ? Math.min(1, min) : MIN_SCALE;
}

/** The width of the widest unbreakable piece of a laid-out display formula. */
function widestPiece(display: HTMLElement): number {
  let widest = 0;
  for (const piece of display.querySelectorAll<HTMLElement>('.katex-html > .base'))
    widest = Math.max(widest, piece.getBoundingClientRect().width);
  return widest;
}

function setScale(tex: HTMLElement, scale: number): void {
  if (scale === 1) {
    delete tex.dataset.fit;
    tex.style.removeProperty('font-size');
  } else {
    tex.dataset.fit = String(scale);
    tex.style.fontSize = `${scale}em`;
  }
}

/**
 * The scale a display formula should have, or null when it has it already (or is not laid out), from its
 * layout alone (no change made). A long formula breaks after its = and + signs (formula.css lets KaTeX's pieces
 * wrap), so only a piece that cannot break, such as a matrix or a bracketed sum, can be too wide: the formula
 * is then scaled down until that piece fits.
 */
function scaleFor(tex: HTMLElement): number | null {
  const display = tex.querySelector<HTMLElement>('.katex-display');
  if (!display) return null;
  const avail = display.clientWidth;
  if (avail === 0) return null; // not laid out (hidden)
  const minScale = minScaleOf(tex);
  const scale = Number(tex.dataset.fit ?? 1);
  const widest = widestPiece(display);
  const natural = widest / scale;
  let next = natural > avail ? Math.max(minScale, Math.floor((avail / natural) * 100) / 100) : 1;
  // still too wide at the scale computed (rounding): one step smaller
  if (next === scale && widest > avail && scale > minScale)
    next = Math.max(minScale, Math.round(scale * 100 - 1) / 100);
  return next === scale ? null : next;
}

/** Passes over the formulas at most: each change is measured again in the next. */
const FIT_PASSES = 5;

/**
 * Fits every display formula under `root`. All of them are measured, then every change is made, then those
 * measured again, until none changes: the result is measured again after each change (glyph widths do not
 * scale exactly with the type size, and a changed formula may bring up, or take away, a scrollbar that changes
 * the room of its own row and of the others). Measuring all before changing any lays the page out once a pass:
 * measuring each formula right after changing the one before laid out a large network's pages (thousands of
 * KaTeX elements) once per formula.
 */
function fitAll(root: HTMLElement): void {
  let texes = [...root.querySelectorAll<HTMLElement>('.tex')];
  for (let pass = 0; pass < FIT_PASSES && texes.length > 0; pass++) {
    const changes = texes.map(scaleFor);
    texes.forEach((tex, i) => {
      if (changes[i] !== null) setScale(tex, changes[i]);
    });
    // a change can narrow every row (a scrollbar), so all are measured again while any changed
    if (changes.every((c) => c === null)) break;
    texes = [...root.querySelectorAll<HTMLElement>('.tex')];
  }
}

/** KaTeX's fonts a formula may use (tall brackets use the Size fonts). */
const KATEX_FONTS = [
  '1em KaTeX_Main',
  'bold 1em KaTeX_Main',
  'italic 1em KaTeX_Main',
  'italic 1em KaTeX_Math',
  '1em KaTeX_AMS',
  '1em KaTeX_Size1',
  '1em KaTeX_Size2',
  '1em KaTeX_Size3',
  '1em KaTeX_Size4',
];
let fontsRequested = false;

/**
 * Loads KaTeX's fonts up front. A browser loads a font when text first uses it, so a formula that is the first
 * to use one (a tall bracket) would be measured in a fallback font, and fitted again only when it has loaded.
 */
function loadKatexFonts(): void {
  if (fontsRequested || !document.fonts?.load) return;
  fontsRequested = true;
  // once the page is idle: the fonts the first screen uses it loads itself, the others must not delay it
  const later = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 1));
  later(() => KATEX_FONTS.forEach((font) => document.fonts.load(font).catch(() => undefined)), {
    timeout: 3000,
  });
}

/**
 * Fits every display formula under `ref` to its row: after each render that changes `content` (what the
 * formulas say) or the theme, whenever the container's width changes, and once fonts have loaded.
 */
export function useFitFormulas(ref: RefObject<HTMLElement | null>, content: unknown): void {
  const theme = useLessonStore((s) => s.theme); // a theme may set another type size
  const presenting = useLessonStore((s) => s.presenting); // and so does presenter mode
  useLayoutEffect(() => {
    if (ref.current) fitAll(ref.current);
  }, [ref, content, theme, presenting]);
  useEffect(() => {
    loadKatexFonts();
    const root = ref.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const fit = () => fitAll(root);
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w === width) return;
      width = w;
      fit();
    });
    observer.observe(root);
    // KaTeX's fonts load when first used: the widths measured before then were the fallback font's
    document.fonts?.addEventListener('loadingdone', fit);
    return () => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', fit);
    };
  }, [ref]);
}
