import { expect, test } from '@playwright/test';
import { problems } from './graphText';
import { openApp, position } from './helpers';

/** Every preset, at a desktop and a phone size, with the smallest text each must show. */
const PRESETS = ['lesson001', 'lesson002', 'lesson003', 'lesson004', 'iris', 'fixedBiases', 'blank'];
const SIZES = [
  { width: 1280, height: 720, min: 12 },
  { width: 390, height: 844, min: 11 },
];
/** The first step, one in the middle of most lessons, and the last (every value and w⁺ shown). */
const STEPS = [1, 20, 9999];

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
