import { expect, test } from '@playwright/test';
import { waitForApp, watchErrors } from './helpers';

// A link followed while the prerendered first screen is being hydrated (a teacher's link pasted into the
// address bar of a page that has just loaded) opens its lesson with no hydration error and no redraw of the
// whole page from scratch. Before the fix, about two such visits in three logged React error #418.
test('a link followed while the first screen hydrates opens its lesson without a hydration error', async ({
  page,
}) => {
  const errors = watchErrors(page);
  for (let visit = 0; visit < 4; visit++) {
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('/#v1&preset=lesson004&g=neuron&s=1&x=l'); // the same document: it is still hydrating
    await waitForApp(page);
    await expect(page.getByRole('switch', { name: 'Practice' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('position')).toContainText('Step 1 /');
  }
  expect(errors).toEqual([]);
});
