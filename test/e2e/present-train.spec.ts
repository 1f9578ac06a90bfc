import { expect, test } from '@playwright/test';
import { openApp, watchErrors } from './helpers';

test('P presents the Train view too: its figures large, its settings hidden; Esc leaves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await page.getByRole('radio', { name: 'Train' }).check();
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 1');
  // a key pressed after a click on one of the view's buttons
  await page.keyboard.press('p');
  await expect(page.locator('html.is-presenting')).toHaveCount(1);
  await expect(page.getByLabel('Learning rate η')).toBeHidden();
  await expect(page.getByLabel('Data set')).toBeHidden();
  const size = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(await size('.train-status')).toBeGreaterThanOrEqual(24);
  expect(await size('.train-buttons button')).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: '/tmp/present-train.png' });
  // B blanks, B brings it back; Esc leaves
  await page.keyboard.press('b');
  await expect(page.locator('.present-blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.locator('.present-blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('html.is-presenting')).toHaveCount(0);
  await expect(page.getByLabel('Learning rate η')).toBeVisible();
  expect(errors).toEqual([]);
});
