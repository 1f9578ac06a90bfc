import { expect, test } from '@playwright/test';
import { openApp, texOf, watchErrors } from './helpers';

test('once loaded, the app opens and steps without the network, with the work it had', async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  // the service worker has taken the page over once every file of the app is kept
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('position')).toContainText('Step 4 / 32');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backprop, step by step');
  // the autosave, read offline (the prerendered first screen stays hidden until the app has opened it)
  await expect(page.getByTestId('position')).toContainText('Step 4 / 32');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('position')).toContainText('Step 5 / 32');
  expect(await texOf(page, 'formula-result')).not.toBe('');
  // KaTeX's fonts come from the cache too
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length;
  });
  expect(fontsLoaded).toBeGreaterThan(0);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('installable: a web app manifest with a name, a start page and icons', async ({ page }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href!);
  expect(manifest).toMatchObject({ name: 'Backprop, step by step', start_url: './', display: 'standalone' });
  const sizes = (manifest.icons as Array<{ sizes: string; src: string }>).map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as Array<{ src: string }>) {
    const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
    expect(ok).toBe(true);
  }
});
