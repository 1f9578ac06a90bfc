import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { position, texOf, waitForApp, watchErrors } from './helpers';

// GitHub Pages serves a project site under a sub-path (https://<user>.github.io/backprop/). The built app
// (dist/, built by the browser tests' web server) served the same way: a lesson runs, every file comes from
// under the sub-path, and the service worker takes the page over there and opens it offline.

const BASE = '/backprop/';
let site: StaticServer;

test.beforeAll(async () => {
  site = await serveStatic(fileURLToPath(new URL('../../dist', import.meta.url)), BASE);
});
test.afterAll(async () => {
  await site?.close();
});

test('under a sub-path: a lesson runs, offline too, every file from under the sub-path', async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith(BASE)) outside.push(r.url());
  });
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });

  await page.goto(site.url);
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backprop, step by step');
  await expect(page.getByTestId('position')).toContainText('Step 1 /');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('position')).toContainText('Step 4 /');
  expect(await texOf(page, 'formula-result')).not.toBe('');

  // the service worker, registered for the sub-path, controls the page
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(await page.evaluate(async (href) => (await fetch(href)).ok, manifest!)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  expect(await position(page)).toContain('Step 4 /'); // the autosave, read offline
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('position')).toContainText('Step 5 /');
  expect(await texOf(page, 'formula-result')).not.toBe('');
  // a panel that loads later (its own chunk) opens offline too
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('dialog', { name: 'Choose a lesson' })).toBeVisible();
  await page.keyboard.press('Escape');
  await context.setOffline(false);

  expect(outside).toEqual([]);
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
