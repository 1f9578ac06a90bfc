import { expect, test, type Page } from '@playwright/test';
import { decodeLink } from '../../src/store/persist/link';
import { SAVED_KEY, SAVED_STEP_KEY } from '../../src/store/persist/saved';
import { position, waitForApp, watchErrors } from './helpers';
import { largeAtNeuronDetail as atNeuronDetail, openLarge } from './largeLesson';

/**
 * The 10 × 64 network keeps the page responsive by writing its ~1.5 MB autosave only when the lesson changes
 * (a step writes the step alone), by keeping its ~0.3 MB link out of the address bar, and by compressing the
 * link in a worker when it is copied. None of that may lose work or change the link: these tests check it in
 * the built app. The timings are in the benchmark (scripts/bench-ui-large.ts).
 */
/** The learning-rate field of the Network panel (opened if need be). */
async function learningRate(page: Page) {
  const panel = page.getByTestId('network-panel');
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Edit network' }).click();
  return panel.getByRole('textbox', { name: 'Learning rate η' });
}

/** Presses a key on the page (not in a field) and waits for the position to change. */
async function press(page: Page, key: string) {
  const before = await position(page);
  await page.keyboard.press(key);
  await expect.poll(() => position(page), { timeout: 30_000 }).not.toBe(before);
}

/** The autosave as the page holds it, and the step written apart. */
const stored = (page: Page) =>
  page.evaluate(
    ([k, s]) => ({ saved: localStorage.getItem(k), step: localStorage.getItem(s) }),
    [SAVED_KEY, SAVED_STEP_KEY],
  );

test('a 10 × 64 edit survives a reload at once; steps rewrite only the step; the link stays out of the address bar', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openLarge(page);
  // the learning rate, edited in its field: a new lesson, saved whole
  const eta = await learningRate(page);
  await eta.fill('0.375');
  await eta.press('Enter');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await press(page, 'ArrowRight');
  await press(page, 'ArrowRight');
  await expect(page.getByTestId('position')).toContainText('Step 3');
  await expect
    .poll(async () => (await stored(page)).saved?.includes('"learningRate":0.375') ?? false, {
      timeout: 30_000,
    })
    .toBe(true);
  const whole = (await stored(page)).saved!;
  expect(whole.length).toBeGreaterThan(500_000);
  // the address bar holds no lesson link (a reload opens the autosave)
  expect(await page.evaluate(() => location.hash)).toBe('');

  // a step is saved by itself: the whole autosave is not written again
  await press(page, 'ArrowRight');
  await expect
    .poll(async () => JSON.parse((await stored(page)).step ?? '{}').cursor as number, { timeout: 30_000 })
    .toBe(3);
  expect((await stored(page)).saved).toBe(whole);

  // a step taken just before leaving is kept (written as the page hides)
  await press(page, 'ArrowRight');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('[data-id^="n:"]')).toHaveCount(640, { timeout: 60_000 });
  await expect(page.getByTestId('position')).toContainText('Step 5', { timeout: 30_000 });
  await expect(await learningRate(page)).toHaveValue('0.375');
  expect(errors).toEqual([]);
});

test('the copied link of a 10 × 64 lesson reopens exactly it, at the step shown', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchErrors(page);
  await openLarge(page);
  await press(page, 'ArrowRight');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible({ timeout: 60_000 });
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const link = decodeLink(new URL(url).hash);
  expect(link).toMatchObject({ ok: true, granularity: 'neuron', cursor: 1, iteration: 1 });
  expect(link.ok && JSON.parse(JSON.stringify(link.lesson))).toEqual(
    JSON.parse(JSON.stringify(atNeuronDetail)),
  );
  expect(errors).toEqual([]);
});
