import { expect, type Page } from '@playwright/test';

/** Opens the Iris lesson from the lesson picker; it opens in the Train view. */
export async function openIris(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('dialog', { name: 'Choose a lesson' }).getByRole('button', { name: /Iris/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
}

/** One epoch with the Train view's button; the view then reads "Epoch `expected`". */
export async function oneEpoch(page: Page, expected: number): Promise<void> {
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(`Epoch ${expected}`);
}
