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
