import { expect, test } from '@playwright/test';
import { position, waitForApp, watchErrors } from './helpers';

// The first load: a first visit takes over the prerendered screen (hydration), and the JS it must load before
// that holds the default lesson alone (the other built-in lessons come with the lesson picker, persistence later).

const TITLE_004 = 'A 3-3-2 network in matrix form';
const TITLE_001 = 'One hidden layer: the chain rule by hand';

test('a first visit hydrates the prerendered screen: its nodes stay, at the default lesson’s matrix detail', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // before any of the app's scripts runs, hold on to nodes of the prerendered screen
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const w = window as unknown as { held: Element[] };
      w.held = [
        document.querySelector('.formula-panel')!,
        document.querySelector('.graph-stage svg')!,
        document.querySelector('input[name="granularity"][value="layer"]')!,
      ];
    });
  });
  await page.goto('/');
  await waitForApp(page);
  await page.waitForTimeout(300); // the lazy parts have arrived and persistence has connected
  // a fresh render would have replaced every node; hydration adopts them
  const kept = await page.evaluate(() =>
    (window as unknown as { held: Element[] }).held.map((e) => e !== null && document.contains(e)),
  );
  expect(kept).toEqual([true, true, true]);
  await expect(page.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked();
  expect(await position(page)).toContain('Step 1 / 9');
  expect(errors).toEqual([]);
});

test('the first load holds the default lesson alone; the others still open, and reopen from the autosave', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  const first = [
    ...html.matchAll(/<script type="module"[^>]*\bsrc="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\bhref="\.?\/?([^"]+)"/g),
    // the module scripts the head's loader appends once the page has painted (scripts/prerender-plugin.ts)
    ...html.matchAll(/"src":"\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  expect(first.length).toBeGreaterThan(0);
  const js = (await Promise.all(first.map(async (f) => (await request.get(`/${f}`)).text()))).join('\n');
  expect(js).toContain(TITLE_004);
  expect(js).not.toContain(TITLE_001);

  const errors = watchErrors(page);
  await page.goto('/');
  await waitForApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
  await dialog.getByRole('button', { name: new RegExp(TITLE_001) }).click();
  await expect(page.getByText(TITLE_001)).toBeVisible();
  await page.waitForTimeout(600); // the autosave is written
  await page.reload();
  await waitForApp(page);
  await expect(page.getByText(TITLE_001)).toBeVisible();
  expect(await position(page)).toContain('Step 1 /');
  expect(errors).toEqual([]);
});
