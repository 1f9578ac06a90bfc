import { expect, type Page } from '@playwright/test';

/** The TeX source KaTeX keeps in its MathML annotation, for the element matching `testId`. */
export async function texOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator('annotation').first().textContent()) ?? '';
}

/** The "Step n / N · phase" line. */
export async function position(page: Page): Promise<string> {
  return (await page.getByTestId('position').textContent()) ?? '';
}

/**
 * Opens the app fresh (no saved state) and waits for the lesson screen. The default lesson opens at its own
 * (layer) detail; `detail` then switches it, at step 1, to the one a test counts its steps in (null: leave it).
 */
export async function openApp(
  page: Page,
  path = '/',
  detail: 'Neuron' | 'Layer (matrix)' | 'Weight' | null = 'Neuron',
): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
  await waitForApp(page);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  if (detail === null) return;
  await page.getByRole('radio', { name: detail }).check();
  // keys go to the page again, not to the radio group
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/**
 * Waits until the app has started: the page's HTML already shows the first screen (prerendered), but keys and
 * clicks are answered only once the app has hydrated it (src/components/AppRoot.tsx marks <html> then).
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Collects uncaught page errors and console errors, to assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
