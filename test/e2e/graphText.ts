import type { Page } from '@playwright/test';

/** Measures the graph's drawn text for the label-overlap browser tests (graph.spec.ts, labels-presenter.spec.ts). */

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Measured {
  texts: Array<{
    what: string;
    tag: string;
    box: Box;
    size: number;
    label: boolean;
    tooltip: boolean;
    dimmed: boolean;
  }>;
  shapes: Array<{ what: string; cx: number; cy: number; rx: number; r: number; dimmed: boolean }>;
  /** Each target's text and its output neuron's shape, by the neuron's id. */
  targets: Array<{ what: string; box: Box; node: Box | null }>;
  /** The tooltip's box (presenter mode's step callout is one), if shown. */
  tooltip: Box | null;
}

/**
 * Every visible text of the graph with its box on screen and its rendered size (computed font size × the
 * drawing's scale on screen, zoom included), its tspans' sizes too; every neuron's shape; and each target
 * with its output neuron's box.
 */
export async function measure(page: Page): Promise<Measured> {
  return page.locator('.graph').evaluate((graph) => {
    const name = (el: Element) => {
      const owner = el.closest('[data-id],[data-for]');
      return `${owner?.getAttribute('data-id') ?? owner?.getAttribute('data-for') ?? el.getAttribute('class')}: "${el.textContent}"`;
    };
    const boxOf = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const texts: Measured['texts'] = [];
    for (const el of graph.querySelectorAll<SVGTextElement | SVGTSpanElement>('svg text, svg tspan')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !el.textContent?.trim()) continue;
      const m = el.getScreenCTM()!;
      const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
      texts.push({
        what: name(el),
        tag: el.tagName,
        box: boxOf(el),
        size,
        // weight labels and targets are "labels": they may not cover a neuron
        label: !!el.closest('.graph-label, .graph-targets'),
        // the tooltip (and presenter mode's step callout) is a box of its own drawn over the graph
        tooltip: !!el.closest('.graph-tooltip'),
        dimmed: !!el.closest('[data-dimmed]'),
      });
    }
    const shapes: Measured['shapes'] = [];
    for (const el of graph.querySelectorAll<SVGGraphicsElement>('.graph-node__circle, .graph-bias circle')) {
      const b = boxOf(el);
      shapes.push({
        what: name(el),
        cx: (b.x0 + b.x1) / 2,
        cy: (b.y0 + b.y1) / 2,
        rx: (b.x1 - b.x0) / 2,
        r: (b.y1 - b.y0) / 2,
        dimmed: !!el.closest('[data-dimmed]'),
      });
    }
    const targets: Measured['targets'] = [];
    for (const el of graph.querySelectorAll('.graph-target')) {
      const node = graph.querySelector(`[data-id="${el.getAttribute('data-for')}"] .graph-node__circle`);
      targets.push({ what: name(el), box: boxOf(el), node: node ? boxOf(node) : null });
    }
    const tip = graph.querySelector('.graph-tooltip__box');
    return { texts, shapes, targets, tooltip: tip ? boxOf(tip) : null };
  });
}

const TOLERANCE = 0.5;
const overlap = (a: Box, b: Box) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > TOLERANCE &&
  Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > TOLERANCE;
/** Whether a box reaches into a circle or stadium (every point within r of a horizontal segment). */
function intoShape(b: Box, s: Measured['shapes'][number]): boolean {
  const h = s.rx - s.r;
  // nearest point of the box to the segment [cx − h, cx + h] × {cy}
  const px = Math.min(Math.max(s.cx, b.x0), b.x1);
  const py = Math.min(Math.max(s.cy, b.y0), b.y1);
  const sx = Math.min(Math.max(px, s.cx - h), s.cx + h);
  return Math.hypot(px - sx, py - s.cy) < s.r - TOLERANCE;
}

/**
 * What is wrong with the graph's text as drawn now, each problem in words: text under `min` px, a text over
 * another, a weight label or target over a neuron, the tooltip over a text or a neuron of the step, a target not beside
 * its output neuron (right of it, level with its middle).
 */
export async function problems(page: Page, min: number): Promise<string[]> {
  const { texts, shapes, targets, tooltip } = await measure(page);
  const out: string[] = [];
  if (texts.length < 3) out.push(`only ${texts.length} texts measured`);
  for (const t of texts) if (t.size < min - 0.01) out.push(`${t.what} is ${t.size.toFixed(1)} px`);
  // text elements (a tspan lies inside its own text's box)
  const elements = texts.filter((t) => t.tag === 'text' && !t.tooltip);
  for (let i = 0; i < elements.length; i++)
    for (let j = i + 1; j < elements.length; j++)
      if (overlap(elements[i].box, elements[j].box))
        out.push(`${elements[i].what} overlaps ${elements[j].what}`);
  for (const t of elements.filter((e) => e.label))
    for (const s of shapes) if (intoShape(t.box, s)) out.push(`${t.what} lies over ${s.what}`);
  // the tooltip (or step callout) leaves every other text and every neuron of the step in view (where no
  // place is free it may cover a neuron out of the step, dimmed)
  if (tooltip) {
    for (const t of elements)
      if (!t.dimmed && overlap(t.box, tooltip)) out.push(`the tooltip covers ${t.what}`);
    for (const s of shapes) if (!s.dimmed && intoShape(tooltip, s)) out.push(`the tooltip covers ${s.what}`);
  }
  for (const t of targets) {
    if (!t.node) continue;
    const mid = (t.node.y0 + t.node.y1) / 2;
    if (t.box.x0 < t.node.x1 || Math.abs((t.box.y0 + t.box.y1) / 2 - mid) > (t.node.y1 - t.node.y0) / 2)
      out.push(`${t.what} is not beside its neuron`);
  }
  return out;
}

/** Texts of the graph drawn (partly) outside its stage: clipped on screen. */
export async function clipped(page: Page): Promise<string[]> {
  return page.locator('.graph-stage').evaluate((stage) => {
    const s = stage.getBoundingClientRect();
    const out: string[] = [];
    for (const el of stage.querySelectorAll('svg text')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || !el.textContent?.trim()) continue;
      if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1)
        out.push(`"${el.textContent}" is cut off by the graph's edge`);
    }
    return out;
  });
}
