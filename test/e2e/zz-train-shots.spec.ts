import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('shots', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [w, h, lang] of [
    [1280, 720, 'en'],
    [390, 844, 'en'],
    [390, 844, 'zh-CN'],
    [1280, 720, 'zh-CN'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, '/', null);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Choose a lesson' }).getByRole('button', { name: /Iris/ }).click();
    await page.getByLabel('Data set').selectOption('spiral');
    await page.getByLabel('Epochs to run').fill('500');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 500', { timeout: 60_000 });
    if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await page.screenshot({ path: `/tmp/train-view-${w}-${lang}.png`, fullPage: w < 500 });
  }
});
