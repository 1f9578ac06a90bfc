import { expect, test } from '@playwright/test';
import { openApp, watchErrors } from './helpers';
import { openIris } from './trainHelpers';

// While a run goes on, "Open this sample's step" cannot be used; it is then drawn as the Train view's other
// disabled buttons are (muted text on the panel's background), never as the accent colour with unreadable text.

test('a disabled primary button in the Train view looks like the other disabled buttons', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await page.getByLabel('Training speed').selectOption({ label: '1 sample/s' });
  await page.getByRole('button', { name: 'Start training' }).click();
  const open = page.getByRole('button', { name: 'Open this sample’s step' });
  const epoch = page.getByRole('button', { name: 'One epoch' });
  await expect(open).toBeDisabled();
  await expect(epoch).toBeDisabled();
  const look = (b: typeof open) =>
    b.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color };
    });
  const [a, b] = [await look(open), await look(epoch)];
  expect(a).toEqual(b);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(open).toBeEnabled();
  // enabled again: the accent colour, unlike the secondary buttons
  expect((await look(open)).background).not.toBe((await look(epoch)).background);
  expect(errors).toEqual([]);
});
