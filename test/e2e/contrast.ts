import type { Page } from '@playwright/test';

/** One painted thing and its contrast with what it is painted on. */
export interface Painted {
  what: string;
  kind: 'line' | 'text';
  colour: string;
  background: string;
  ratio: number;
}

/**
 * Reads, in the page, the colours the browser computed for the graph's lines (edges, neurons, label boxes,
 * bias nodes, the error's flow) and for every visible text (SVG and HTML), each blended over its background
 * through its own and its ancestors' opacity, and returns the WCAG contrast ratio of each with its background.
 */
export function paintedContrasts(page: Page): Promise<Painted[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d')!;
    const parse = (c: string): RGBA | null => {
      if (!c || c === 'none' || c.startsWith('url(')) return null;
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = c;
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (m) {
        const p = m[1]
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      }
      const hex = String(probe.fillStyle);
      if (hex.startsWith('#'))
        return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(1) as RGBA;
      return null;
    };
    const over = (top: RGBA, bottom: RGBA, alpha: number): RGBA => {
      const a = top[3] * alpha;
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as RGBA;
    };
    const lum = (c: RGBA) => {
      const lin = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    /** The product of the element's and its ancestors' opacity. */
    const opacityOf = (el: Element | null) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    /** The first opaque background behind an element. */
    const backgroundOf = (el: Element | null): RGBA => {
      for (let e = el; e; e = e.parentElement) {
        if (e instanceof SVGElement && !(e instanceof SVGSVGElement)) continue;
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0.99) return bg;
      }
      return parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      if (r.right < 0 || r.bottom < 0 || r.left > innerWidth || r.top > innerHeight) return false; // off screen
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
        if (e.getAttribute('aria-hidden') === 'true' && e.classList.contains('formula-page')) return false;
      }
      return true;
    };
    const out: {
      what: string;
      kind: 'line' | 'text';
      colour: string;
      background: string;
      ratio: number;
    }[] = [];
    const record = (el: Element, kind: 'line' | 'text', paint: string, extra = 1) => {
      const c = parse(paint);
      if (!c) return;
      // a line or text drawn in the graph lies on the graph's background
      const bg = backgroundOf(el.closest('.graph') ?? el.parentElement);
      const shown = over(c, bg, opacityOf(el) * extra);
      const name = `${el.getAttribute('class') ?? el.tagName} ${(el.closest('[data-id]')?.getAttribute('data-id') ?? el.textContent ?? '').slice(0, 30)}`;
      out.push({
        what: name,
        kind,
        colour: `rgb(${shown.slice(0, 3).map(Math.round).join(',')})`,
        background: `rgb(${bg.slice(0, 3).join(',')})`,
        ratio: ratio(shown, bg),
      });
    };
    const lines =
      '.graph-edge__line, .graph-node__circle, .graph-label__box, .graph-bias circle, .graph-flow';
    for (const el of document.querySelectorAll(lines)) {
      if (!visible(el)) continue;
      const s = getComputedStyle(el);
      record(el, 'line', s.stroke, Number(s.strokeOpacity));
    }
    for (const el of document.querySelectorAll('.graph text')) {
      if (!visible(el) || !el.textContent?.trim()) continue;
      const s = getComputedStyle(el);
      // text on the δ badge lies on the badge
      if (el.closest('.graph-node__delta')) {
        const badge = parse(getComputedStyle(el.parentElement!.querySelector('rect')!).fill)!;
        const c = parse(s.fill)!;
        out.push({
          what: 'δ badge',
          kind: 'text',
          colour: s.fill,
          background: s.fill,
          ratio: ratio(c, badge),
        });
        continue;
      }
      record(el, 'text', s.fill, Number(s.fillOpacity));
    }
    // HTML text: every element with a text node of its own
    const walker = document.createTreeWalker(document.querySelector('.app')!, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim() || el.closest('svg, .sr-only, .katex-mathml'))
        continue;
      seen.add(el);
      // WCAG 1.4.3 exempts the text of inactive (disabled) controls
      if (!visible(el) || el.closest('button:disabled, [aria-disabled="true"]')) continue;
      const c = parse(getComputedStyle(el).color)!;
      const bg = backgroundOf(el);
      const shown = over(c, bg, opacityOf(el));
      out.push({
        what: `${el.tagName.toLowerCase()}.${el.className} "${n.textContent.trim().slice(0, 30)}"`,
        kind: 'text',
        colour: getComputedStyle(el).color,
        background: `rgb(${bg.slice(0, 3).join(',')})`,
        ratio: ratio(shown, bg),
      });
    }
    return out;
  });
}

/** The things below WCAG's bar: text under 4.5:1, lines under 3:1. */
export const belowBar = (painted: Painted[]): Painted[] =>
  painted.filter((p) => p.ratio < (p.kind === 'text' ? 4.5 : 3));
