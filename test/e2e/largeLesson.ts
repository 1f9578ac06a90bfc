import { expect, type Page } from '@playwright/test';
import { benchLesson } from '../../scripts/bench-ui';
import { openApp } from './helpers';

/** The largest network the format allows, 10 layers × 64 neurons, as the benchmark builds it. */
export const largeLesson = benchLesson(Array<number>(10).fill(64), 42);
/** The same lesson stepped neuron by neuron. */
export const largeAtNeuronDetail = {
  ...largeLesson,
  conventions: { ...largeLesson.conventions, detail: 'neuron' as const },
};

/** Opens the app on the 10 × 64 lesson at neuron detail and waits for its 640 neurons. */
export async function openLarge(page: Page) {
  await openApp(page, '/', null);
  expect(await page.evaluate((l) => window.backpropApp!.loadLesson(l).ok, largeAtNeuronDetail)).toBe(true);
  await expect(page.locator('[data-id^="n:"]')).toHaveCount(640, { timeout: 60_000 });
}

/** The centre of a neuron on screen. */
async function centre(page: Page, id: string) {
  const r = (await page.locator(`[data-id="${id}"] circle`).first().boundingBox())!;
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/**
 * Opens the chain rule of w⁵₃₇ (from neuron 7 of layer 4 to neuron 3 of layer 5) with a click a third of the
 * way along its line (the canvas beneath takes the click; it opens the nearest edge); returns the panel.
 */
export async function openDeepWeightChainRule(page: Page) {
  const a = await centre(page, 'n:4:7');
  const b = await centre(page, 'n:5:3');
  await page.mouse.click(a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3);
  const panel = page.getByTestId('chain-rule');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  return panel;
}
