import { expect, test, type Page } from '@playwright/test';
import { openApp, position } from './helpers';

/** Every preset, at a desktop and a phone size, with the smallest text each must show. */
const PRESETS = ['lesson001', 'lesson002', 'lesson003', 'lesson004', 'iris', 'fixedBiases', 'blank'];
const SIZES = [
  { width: 1280, height: 720, min: 12 },
  { width: 390, height: 844, min: 11 },
];
/** The first step, one in the middle of most lessons, and the last (every value and w⁺ shown). */
const STEPS = [1, 20, 9999];

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Measured {
  texts: Array<{ what: string; tag: string; box: Box; size: number; label: boolean }>;
  shapes: Array<{ what: string; cx: number; cy: number; rx: number; r: number }>;
}

/**
 * Every visible text of the graph with its box on screen and its rendered size (computed font size × the
 * drawing's scale on screen, zoom included), its tspans' sizes too; and every neuron's shape.
 */
async function measure(page: Page): Promise<Measured> {
  return page.locator('.graph').evaluate((graph) => {
    const name = (el: Element) => {
      const owner = el.closest('[data-id],[data-for]');
      return `${owner?.getAttribute('data-id') ?? owner?.getAttribute('data-for') ?? el.getAttribute('class')}: "${el.textContent}"`;
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
        box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom },
        size,
        // weight labels and targets are "labels": they may not cover a neuron
        label: !!el.closest('.graph-label, .graph-targets'),
      });
    }
    const shapes: Measured['shapes'] = [];
    for (const el of graph.querySelectorAll<SVGGraphicsElement>('.graph-node__circle, .graph-bias circle')) {
      const r = el.getBoundingClientRect();
      shapes.push({
        what: name(el),
        cx: (r.left + r.right) / 2,
        cy: (r.top + r.bottom) / 2,
        rx: r.width / 2,
        r: r.height / 2,
      });
    }
    return { texts, shapes };
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

/** What is wrong with the graph's text as drawn now: each problem in words. */
async function problems(page: Page, min: number): Promise<string[]> {
  const { texts, shapes } = await measure(page);
  const out: string[] = [];
  if (texts.length < 3) out.push(`only ${texts.length} texts measured`);
  for (const t of texts) if (t.size < min - 0.01) out.push(`${t.what} is ${t.size.toFixed(1)} px`);
  // text elements (a tspan lies inside its own text's box)
  const elements = texts.filter((t) => t.tag === 'text');
  for (let i = 0; i < elements.length; i++)
    for (let j = i + 1; j < elements.length; j++)
      if (overlap(elements[i].box, elements[j].box))
        out.push(`${elements[i].what} overlaps ${elements[j].what}`);
  for (const t of elements.filter((e) => e.label))
    for (const s of shapes) if (intoShape(t.box, s)) out.push(`${t.what} lies over ${s.what}`);
  return out;
}
for (const size of SIZES)
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const preset of PRESETS)
      test(`${preset}: no text under ${size.min} px, no label over another or over a neuron`, async ({
        page,
      }) => {
        const found: string[] = [];
        for (const s of STEPS) {
          await openApp(page, `/#v1&preset=${preset}&g=neuron&s=${s}`, null);
          await page.mouse.move(0, 0);
          await expect(page.locator('.graph .graph-node').first()).toBeVisible();
          const at = await position(page);
          for (const p of await problems(page, size.min)) found.push(`${at}: ${p}`);
        }
        expect(found).toEqual([]);
      });
  });

test.describe('the targets', () => {
  test('stand beside the output neurons, named as targets in the lesson’s notation', async ({ page }) => {
    await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1', null);
    const graph = page.locator('.graph');
    await expect(graph.locator('.graph-targets__heading')).toHaveText('targets');
    // lesson 004 names the targets target₁ and target₂; the sample's targets are 0.01 and 0.99
    const targets = graph.locator('.graph-target');
    await expect(targets).toHaveText(['target₁ = 0.01', 'target₂ = 0.99']);
    for (const j of [0, 1]) {
      const node = (await graph.locator(`[data-id="n:2:${j}"] .graph-node__circle`).boundingBox())!;
      const text = (await targets.nth(j).boundingBox())!;
      expect(text.x).toBeGreaterThan(node.x + node.width);
      expect(Math.abs(text.y + text.height / 2 - (node.y + node.height / 2))).toBeLessThan(4);
    }
    // a click on a target opens it for editing, as a click on its output neuron does
    await targets.nth(1).click();
    await expect(page.getByRole('textbox', { name: /target₂/ })).toHaveValue('0.99');
  });

  test('are written in Chinese too', async ({ page }) => {
    await openApp(page, '/#v1&preset=lesson001&g=neuron&s=1', null);
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.locator('.graph-targets__heading')).toHaveText('目标值');
  });
});

test.describe('keyboard', () => {
  test('the graph is one tab stop; ↑/↓ move inside it, ←/→ still step the lesson', async ({ page }) => {
    await openApp(page, '/#v1&preset=lesson004&g=neuron&s=3');
    const items = page.locator('.graph [data-id][role="button"]');
    // 8 neurons and 15 weights, one of them in the tab order
    await expect(items).toHaveCount(23);
    await expect(page.locator('.graph [data-id][tabindex="0"]')).toHaveCount(1);
    await page.locator('[data-id="n:0:0"]').focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
    // order: the inputs, then each neuron and the weights into it
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('n:0:1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('n:1:0');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('e:1:0:0');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('n:1:0');
    // Shift+↓: neuron to neuron, over the weights
    await page.keyboard.press('Shift+ArrowDown');
    expect(await focused()).toBe('n:1:1');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('e:1:1:0');
    // the item reached is now the tab stop: Tab leaves the graph, Shift+Tab comes back to it
    await expect(page.locator('.graph [data-id][tabindex="0"]')).toHaveAttribute('data-id', 'e:1:1:0');
    // ←/→ step the lesson and leave the focus where it is
    const before = await position(page);
    await page.keyboard.press('ArrowRight');
    expect(await position(page)).not.toBe(before);
    await page.keyboard.press('ArrowLeft');
    expect(await position(page)).toBe(before);
    expect(await focused()).toBe('e:1:1:0');
    // Enter opens the weight's chain rule, as a click does: w₁,₂ in lesson 004's notation
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chain-rule').getByRole('textbox', { name: 'Weight w₁,₂' })).toBeVisible();
  });

  test('Tab reaches the graph once, not once per neuron and weight', async ({ page }) => {
    await openApp(page, '/#v1&preset=iris&g=neuron&s=1');
    await page.locator('[data-id="n:0:0"]').focus();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('.graph-stage') !== null);
    expect(next).toBe(false);
    // Iris: 12 neurons and 43 weights and biases, a single tab stop among them
    await expect(page.locator('.graph [data-id][role="button"]')).toHaveCount(55);
    await expect(page.locator('.graph [data-id][tabindex="0"]')).toHaveCount(1);
  });
});

test.describe('zoom on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('Zoom in enlarges the net and its text stays at least 11 px; Reset zoom shows it whole again', async ({
    page,
  }) => {
    await openApp(page, '/#v1&preset=iris&g=neuron&s=9999', null);
    const node = page.locator('[data-id="n:1:0"] .graph-node__circle');
    const before = (await node.boundingBox())!;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => (await node.boundingBox())?.height ?? 0)
      .toBeGreaterThan(before.height * 1.5);
    expect(await problems(page, 11)).toEqual([]);
    // keyboard focus moving to a neuron off screen pans it into view
    await page.locator('[data-id="n:2:2"]').focus();
    const graph = (await page.locator('.graph').boundingBox())!;
    const out = (await page.locator('[data-id="n:2:2"] .graph-node__circle').boundingBox())!;
    expect(out.x + out.width / 2).toBeLessThan(graph.x + graph.width);
    expect(out.y + out.height / 2).toBeLessThan(graph.y + graph.height);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(async () => (await node.boundingBox())?.height ?? 0).toBeCloseTo(before.height, 0);
  });
});
