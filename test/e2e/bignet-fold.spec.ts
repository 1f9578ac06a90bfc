import { expect, test } from '@playwright/test';
import { position, texOf, watchErrors } from './helpers';
import { openLarge } from './largeLesson';

// Issue 9, the 10 × 64 network: a sum of 65 terms (64 products and the bias) is drawn folded, its first three
// and last two terms around ⋯, with a button that writes out every term and folds them again.

/** The terms of a formula row's right-hand side. */
const terms = (tex: string) => tex.split(' = ').at(-1)!.split(' + ');

test('10 × 64: z¹₁ is drawn folded, and its 65 terms on request', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openLarge(page);
  const current = page.locator('.formula-page.is-current');
  const button = current.getByRole('button', { name: 'Show all 65 terms' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  const result = await texOf(page, 'formula-result');
  expect(result).toMatch(/= -?\d/);

  const folded = terms(await texOf(page, 'formula-substituted'));
  expect(folded).toHaveLength(6);
  expect(folded[3]).toBe('\\cdots');
  expect(terms(await texOf(page, 'formula-symbolic'))[3]).toBe('\\cdots');
  // on screen: ⋯ between the terms
  await expect(current.getByTestId('formula-substituted').locator('.katex-html')).toContainText('⋯');
  await page.screenshot({ path: '/tmp/bignet-fold-folded.png' });

  await button.click();
  const fewer = current.getByRole('button', { name: 'Show fewer terms' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  const full = terms(await texOf(page, 'formula-substituted'));
  expect(full).toHaveLength(65);
  expect(full).not.toContain('\\cdots');
  expect([...full.slice(0, 3), '\\cdots', ...full.slice(-2)]).toEqual(folded);
  expect(terms(await texOf(page, 'formula-symbolic'))).toHaveLength(65);
  expect(await texOf(page, 'formula-result')).toBe(result);
  await page.screenshot({ path: '/tmp/bignet-fold-all.png' });

  // the stepping keys still step the lesson from the clicked button, and back to the same page
  const before = await position(page);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('position')).not.toHaveText(before);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('position')).toHaveText(before);
  await expect(current.getByRole('button', { name: 'Show fewer terms' })).toBeVisible();
  // by keyboard: Tab to the button, Enter folds the sum again
  await current.getByRole('button', { name: 'Show fewer terms' }).focus();
  await page.keyboard.press('Enter');
  await expect(current.getByRole('button', { name: 'Show all 65 terms' })).toBeFocused();
  expect(terms(await texOf(page, 'formula-substituted'))).toEqual(folded);

  // presenter mode
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(page.locator('.formula-page.is-current .all-terms')).toBeVisible();
  await page.screenshot({ path: '/tmp/bignet-fold-presenter.png' });
  expect(errors).toEqual([]);
});
