import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, watchErrors } from './helpers';

/** The three dialogs of the header and the step controls: the button that opens each, its name, what it focuses. */
const DIALOGS = [
  { opener: 'Lessons', name: 'Choose a lesson', first: /^A 3-3-2 network in matrix form/ },
  { opener: 'About this lesson', name: 'About this lesson', first: /^Close$/ },
  { opener: 'Export', name: 'Export and print', first: /^Export graph as SVG$/ },
];

const opener = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

/** The name of the focused element (its label or text), read in the page. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

for (const d of DIALOGS) {
  test(`"${d.name}": one shell — named, focus kept inside, Esc closes, focus back on its button`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openApp(page, '/', null);
    await opener(page, d.opener).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: d.name });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.dialog-head h2')).toHaveText(d.name);
    expect(await focusedName(page)).toMatch(d.first);

    // Tab goes round the dialog's own buttons and never leaves it
    const stops = await dialog.locator('button').count();
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }

    // the same box in each: the shell's border and backdrop
    const look = await dialog.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        border: s.borderTopWidth,
        radius: s.borderTopLeftRadius,
        backdrop: getComputedStyle(el, '::backdrop').backgroundColor,
      };
    });
    expect(look).toEqual({ border: '2px', radius: '10px', backdrop: 'rgba(0, 0, 0, 0.4)' });
    // nothing in it runs past its right edge (the picker's summaries wrap)
    const overflow = await dialog.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > right).length;
    });
    expect(overflow).toBe(0);
    await page.screenshot({ path: `/tmp/dups-dialog-${d.opener.replace(/\s+/g, '-')}.png` });

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener(page, d.opener)).toBeFocused();

    // the close button closes too, and gives the focus back the same way
    await opener(page, d.opener).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(opener(page, d.opener)).toBeFocused();
    expect(errors).toEqual([]);
  });
}

test('the header buttons share one look: height, border and corner', async ({ page }) => {
  await openApp(page, '/', null);
  const looks = await Promise.all(
    ['Lessons', 'About this lesson', 'Export'].map((name) =>
      opener(page, name).evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.minHeight, s.borderTopWidth, s.borderTopLeftRadius, s.backgroundColor, s.display].join(' ');
      }),
    ),
  );
  expect(new Set(looks).size).toBe(1);
  await page.locator('header').screenshot({ path: '/tmp/dups-header.png' });
});
