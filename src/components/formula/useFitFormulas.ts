import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { useLessonStore } from '../../store';
import { TEX_RENDERED } from '../Tex';

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

/**
 * Whether `root` is a formula page that `content-visibility: auto` skips because it is off screen
 * (formula.css): measuring its formulas would make the browser lay the whole page out for them (a thousand
 * KaTeX elements), so it is fitted when it comes on screen instead (useFitFormulas). A page just added is
 * reported as skipped until its first frame has decided: one on screen is measured at once.
 */
function offScreen(root: HTMLElement): boolean {
  const tex = root.querySelector<HTMLElement>('.tex');
  if (
    !tex ||
    typeof tex.checkVisibility !== 'function' ||
    tex.checkVisibility({ contentVisibilityAuto: true })
  )
    return false;
  const r = root.getBoundingClientRect(); // the page's own box: its skipped content is not laid out for it
  return r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth;
}

/** The formulas under the roots, but for the roots off screen (see `offScreen`). */
const texesUnder = (roots: readonly HTMLElement[]): HTMLElement[] =>
  roots.filter((root) => !offScreen(root)).flatMap((root) => [...root.querySelectorAll<HTMLElement>('.tex')]);

/** Passes over the formulas at most: each change is measured again in the next. */
const FIT_PASSES = 5;

/**
 * Fits every display formula under the roots. All of them are measured, then every change is made, then those
 * measured again, until none changes: the result is measured again after each change (glyph widths do not
 * scale exactly with the type size, and a changed formula may bring up, or take away, a scrollbar that changes
 * the room of its own row and of the others). Measuring all before changing any lays the page out once a pass:
 * measuring each formula right after changing the one before laid out a large network's pages (thousands of
 * KaTeX elements) once per formula.
 */
function fitAll(roots: readonly HTMLElement[]): void {
  const texesOf = () => texesUnder(roots);
  let texes = texesOf();
  for (let pass = 0; pass < FIT_PASSES && texes.length > 0; pass++) {
    const changes = texes.map(scaleFor);
    texes.forEach((tex, i) => {
      if (changes[i] !== null) setScale(tex, changes[i]);
    });
    // a change can narrow every row (a scrollbar), so all are measured again while any changed
    if (changes.every((c) => c === null)) break;
    texes = texesOf();
  }
}

/**
 * Elements under the formulas a frame would change at most before their changes wait for the next frame: at
 * this size laying them out again at the new type size costs about as much as the frame's own layout.
 */
const DEFER_ELEMENTS = 3000;

/** Roots whose formulas changed since the last frame, fitted together at the start of the next one. */
const pending = new Set<HTMLElement>();
let frame = 0;
/** Formulas hidden until the next frame fits them (see fitInFrames). */
const hidden = new Set<HTMLElement>();

/**
 * Fits the formulas under the roots at the start of a frame. They are measured where the frame lays the page
 * out anyway; when the formulas to change are small, they are changed and measured again at once. When they
 * are large (a large network's chain rule holds ten thousand elements), laying them out again at their new
 * size would double the frame's work: they are hidden for this frame instead (never shown cut off), and the
 * next frame changes, measures and shows them.
 */
function fitInFrames(roots: readonly HTMLElement[]): void {
  const texes = texesUnder(roots);
  const changed = texes.filter((tex) => scaleFor(tex) !== null);
  if (changed.length === 0) return;
  const size = changed.reduce((n, tex) => n + tex.getElementsByTagName('*').length, 0);
  if (size <= DEFER_ELEMENTS) {
    fitAll(roots);
    return;
  }
  for (const tex of changed) {
    tex.style.opacity = '0';
    hidden.add(tex);
  }
  requestAnimationFrame(() => {
    fitAll(roots.filter((r) => r.isConnected));
    for (const tex of hidden) tex.style.removeProperty('opacity');
    hidden.clear();
  });
}

/**
 * Fits the formulas under `root` at the start of the next frame, before it is painted, together with every
 * other root that changed meanwhile: the page is then laid out where the frame lays it out anyway. Fitting
 * right after React's commit (a layout effect) made the browser lay the whole page out before the frame, once
 * for each formula panel (for a large network's graph, hundreds of milliseconds each), and then again in the
 * frame for whatever the fitting changed. A formula is never painted before it is fitted: the frame's
 * animation callbacks run before its layout and paint (a large one waits hidden, see fitInFrames).
 */
function scheduleFit(root: HTMLElement): void {
  if (typeof requestAnimationFrame === 'undefined') {
    fitAll([root]);
    return;
  }
  pending.add(root);
  if (frame === 0)
    frame = requestAnimationFrame(() => {
      frame = 0;
      const roots = [...pending].filter((r) => r.isConnected);
      pending.clear();
      fitInFrames(roots);
    });
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
    if (ref.current) scheduleFit(ref.current);
  }, [ref, content, theme, presenting]);
  useEffect(() => {
    loadKatexFonts();
    const root = ref.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    // (called after the frame's layout: measuring is cheap, and a large change waits for the next frame)
    const fit = () => (typeof requestAnimationFrame === 'undefined' ? fitAll([root]) : fitInFrames([root]));
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w === width) return;
      // the first notice comes as the root appears, which its layout effect has already fitted
      const first = width === -1;
      width = w;
      if (!first) fit();
    });
    observer.observe(root);
    // KaTeX's fonts load when first used: the widths measured before then were the fallback font's
    document.fonts?.addEventListener('loadingdone', fit);
    // a page that content-visibility skipped (off screen) was not fitted: it is when it comes on screen
    const shown = (e: Event) => {
      if (!(e as Event & { skipped?: boolean }).skipped) scheduleFit(root);
    };
    root.addEventListener('contentvisibilityautostatechange', shown);
    // a formula drawn as a placeholder (KaTeX still on its way) has just been typeset in place
    const typeset = () => scheduleFit(root);
    root.addEventListener(TEX_RENDERED, typeset);
    return () => {
      root.removeEventListener(TEX_RENDERED, typeset);
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', fit);
      root.removeEventListener('contentvisibilityautostatechange', shown);
    };
  }, [ref]);
}
