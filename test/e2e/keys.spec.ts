import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, position, watchErrors } from './helpers';

/** The "Step i / N · phase" line read as numbers and the phase's name. */
async function where(page: Page): Promise<{ index: number; count: number; phase: string }> {
  const m = /Step (\d+) \/ (\d+) · (\w+)/.exec(await position(page));
  if (!m) throw new Error(`no position in "${await position(page)}"`);
  return { index: Number(m[1]), count: Number(m[2]), phase: m[3] };
}

/**
 * Presses every stepping key with the focus where the user left it, and checks each moved the lesson as the
 * Keyboard section says, while `valueOf` (the focused control's own value) stayed as it was.
 */
async function stepsFromHere(page: Page, focused: Locator, valueOf: () => Promise<string>) {
  const start = await where(page);
  expect(start.index).toBeLessThan(start.count);
  expect(start.phase).toBe('forward');
  const value = await valueOf();
  const focusedNow = () => focused.evaluate((el) => el === document.activeElement);
  expect(await focusedNow()).toBe(true);

  const press = async (key: string, expected: number | ((at: { index: number; phase: string }) => void)) => {
    await page.keyboard.press(key);
    const at = await where(page);
    if (typeof expected === 'number') expect(at.index, `after ${key}`).toBe(expected);
    else expected(at);
    expect(await valueOf(), `the control's value after ${key}`).toBe(value);
  };
  await press('PageDown', start.index + 1);
  await press('PageUp', start.index);
  await press('ArrowRight', start.index + 1);
  await press('ArrowLeft', start.index);
  await press('End', start.count);
  await press('Home', 1);
  await press(']', (at) => expect(at.phase).toBe('loss'));
  await press('[', 1);
  await press('ArrowRight', 2);
  // B and period (a clicker's "blank screen") leave both alone
  await press('b', 2);
  await press('.', 2);
  // Space plays and pauses; it does not press the clicked button or open the clicked list
  const transport = page.getByRole('toolbar', { name: 'Step controls' });
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await valueOf()).toBe(value);
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

const START = '/#v1&preset=lesson004&g=neuron&s=4';

test.describe('stepping keys work whatever was clicked last', () => {
  test('a transport button', async ({ page }) => {
    await openApp(page, START);
    const next = page.getByRole('button', { name: 'Next step' });
    await next.click();
    expect((await where(page)).index).toBe(5);
    await stepsFromHere(page, next, async () => '');
  });

  test('the detail switch', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, START);
    const layer = page.getByRole('radio', { name: 'Layer (matrix)' });
    await layer.click();
    await expect(layer).toBeChecked();
    const checked = () => page.locator('input[name="granularity"]:checked').inputValue();
    await stepsFromHere(page, layer, checked);
    expect(await checked()).toBe('layer');
    expect(errors).toEqual([]);
  });

  test('the timeline scrubber follows the lesson and nothing else', async ({ page }) => {
    await openApp(page, START);
    const scrubber = page.getByRole('slider', { name: 'Timeline' });
    const box = (await scrubber.boundingBox())!;
    // a click a fifth of the way along: a step in the forward phase
    await scrubber.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
    const at = await where(page);
    expect(Number(await scrubber.inputValue())).toBe(at.index - 1);
    // its value is the lesson's position: after each key it must equal the position shown
    await stepsFromHere(page, scrubber, async () =>
      String(Number(await scrubber.inputValue()) + 1 - (await where(page)).index),
    );
  });

  test('the speed slider', async ({ page }) => {
    await openApp(page, START);
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.click();
    await stepsFromHere(page, speed, () => speed.inputValue());
  });

  test('the language list, after choosing from it', async ({ page }) => {
    await openApp(page, START);
    const language = page.getByRole('combobox').first();
    await language.click(); // opens the list; while it is open the arrows and Enter are its own
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(language).toHaveValue('zh-CN');
    await page.keyboard.press('ArrowUp'); // ↑/↓ still operate the focused list
    await expect(language).toHaveValue('en');
    await stepsFromHere(page, language, () => language.inputValue());
  });

  test('the theme list', async ({ page }) => {
    await openApp(page, START);
    const theme = page.getByRole('combobox').nth(1);
    await theme.click();
    await page.keyboard.press('Escape');
    await stepsFromHere(page, theme, () => theme.inputValue());
  });

  test('a phase band', async ({ page }) => {
    await openApp(page, START);
    const band = page.getByRole('button', { name: 'Go to the forward phase' });
    await band.click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await band.focus();
    await stepsFromHere(page, band, async () => '');
  });

  test('a weight on the graph keeps its chain-rule panel', async ({ page }) => {
    await openApp(page, START);
    const weight = page.locator('[data-id="e:1:0:0"]');
    // a point on the edge's line, a third of the way along (its box's centre may be off the line)
    const at = await weight.evaluate((g) => {
      const path = (g.matches('path') ? g : g.querySelector('path')) as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 3);
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    });
    await page.mouse.click(at.x, at.y);
    const panel = page.getByTestId('chain-rule');
    await expect(panel).toBeVisible();
    await stepsFromHere(
      page,
      weight,
      async () => `${await weight.getAttribute('aria-pressed')} ${await panel.isVisible()}`,
    );
  });

  test('after choosing a lesson, Space plays instead of reopening the picker', async ({ page }) => {
    await openApp(page, '/');
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
    await expect(dialog).toBeVisible();
    // inside the open picker the keys are the picker's: the lesson behind does not move
    const before = await position(page);
    await page.keyboard.press('PageDown');
    expect(await position(page)).toBe(before);
    await dialog.getByRole('button', { name: /A 3-3-2 network/ }).click();
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('End');
    expect((await where(page)).index).toBe((await where(page)).count);

    // closed with its × button: the same
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press(' ');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('a button reached with Tab keeps Space and Enter', async ({ page }) => {
    await openApp(page, START);
    await page.getByRole('button', { name: 'Previous step' }).click();
    expect((await where(page)).index).toBe(3);
    await page.keyboard.press('Tab'); // to Play
    await page.keyboard.press('Tab'); // to Next
    await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
    await page.keyboard.press(' ');
    expect((await where(page)).index).toBe(4);
    await page.keyboard.press('Enter');
    expect((await where(page)).index).toBe(5);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // the other stepping keys still step
    await page.keyboard.press('PageDown');
    expect((await where(page)).index).toBe(6);
  });
});
