import { expect, test, type Locator, type Page } from '@playwright/test';
import { lesson004 } from '../../src/lessons';
import { openApp, position, watchErrors } from './helpers';

/*
 * Practice as a student and a teacher would meet it: by keyboard alone, on a short laptop screen and on a phone,
 * in English and Chinese. Lesson 004's first hidden neuron, by hand: z = 0.9·0.9 + 0.3·0.1 + 0.4·0.8 (no bias),
 * a = σ(z); tanh(z) is the wrong activation's number.
 */
const z11 = lesson004.weights[0][0].reduce((s, w, k) => s + w * lesson004.sample.input[k], 0);
const a11 = 1 / (1 + Math.exp(-z11));
const forwardSteps = lesson004.layers.slice(1).reduce((s, l) => s + 2 * l.size, 0);

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Whether `el` lies wholly inside the visible part of the formula panel (which scrolls on its own). */
async function inPanelView(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    const panel = node.closest('.formula-panel')!;
    const p = panel.getBoundingClientRect();
    const b = node.getBoundingClientRect();
    return b.top >= p.top - 1 && b.bottom <= p.bottom + 1 && b.bottom <= window.innerHeight;
  });
}

test('by keyboard alone: one step right, one wrong then right, one shown; each announced; the score', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  const status = page.getByTestId('practice-status');
  await expect(status).toHaveAttribute('role', 'status'); // a polite live region

  const practice = page.getByRole('switch', { name: 'Practice' });
  await tabTo(page, practice);
  await page.keyboard.press('Space');
  await expect(practice).toHaveAttribute('aria-checked', 'true');

  // step 1: the answer field takes the focus; typed answer and Enter
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toBeFocused();
  await page.keyboard.type(z11.toPrecision(3));
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Right');
  await expect(status).toContainText(String(Number(z11.toPrecision(4))));
  expect(await position(page)).toContain('Step 2 /');

  // step 2: tanh(z) for σ(z) is wrong; the hint is announced, shown, and read with the field; then right
  await expect(answer).toBeFocused();
  await page.keyboard.type(Math.tanh(z11).toPrecision(4));
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Not quite');
  await expect(status).toContainText('tanh');
  const hint = page.getByTestId('practice-hint');
  await expect(hint).toContainText('Sigmoid');
  const described = await answer.getAttribute('aria-describedby');
  expect(described?.split(' ')).toContain(await hint.getAttribute('id'));
  await expect(answer).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(a11.toPrecision(4));
  await page.keyboard.press('Enter');
  await expect(status).toContainText(`Right`);
  await expect(status).toContainText(a11.toPrecision(4));
  expect(await position(page)).toContain('Step 3 /');

  // step 3: Tab to Show answer (Check is disabled while the field is empty), Enter; the focus goes on to Next step
  await expect(answer).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Shown');
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();

  // the score, read: one of the forward steps right at the first try
  await expect(page.getByTestId('practice-score')).toContainText(
    `Right at the first try: forward 1/${forwardSteps}`,
  );
  // Enter on Next step goes on to step 4, whose field takes the focus again
  await page.keyboard.press('Enter');
  expect(await position(page)).toContain('Step 4 /');
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('a verdict is announced on its own step only: stepping on leaves no other step’s message', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('switch', { name: 'Practice' }).click();
  const status = page.getByTestId('practice-status');
  await page.getByRole('textbox', { name: 'Your answer' }).fill('0.5');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(status).toContainText('three significant digits');
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  expect(await position(page)).toContain('Step 3 /');
  await expect(status).toHaveText('');
  // back on step 1, its own message is there again; a new action there speaks anew
  await page.getByRole('button', { name: 'First step' }).click();
  await expect(status).toContainText('three significant digits');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(status).toContainText('Shown');
});

test('on a 1280 × 720 screen the answer field and the hint come into the formula panel’s view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '/', null); // lesson 004 at its own (matrix) detail: tall formulas
  await page.getByRole('switch', { name: 'Practice' }).click();
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toBeFocused();
  await expect.poll(() => inPanelView(answer)).toBe(true);
  await expect.poll(() => inPanelView(page.getByRole('button', { name: 'Show answer' }))).toBe(true);
  await answer.fill(Math.tanh(z11).toPrecision(4));
  await answer.press('Enter');
  const hint = page.getByTestId('practice-hint');
  await expect(hint).toBeVisible();
  await expect.poll(() => inPanelView(hint)).toBe(true);
  await page.screenshot({ path: '/tmp/practice-tour-hint-1280.png' });
  // the page itself did not scroll: the graph stays where it was
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

/** Lays the open sheet out at the printable width of A4 (210 mm less 2 × 14 mm margins), as printing does. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const page = document.querySelector('.documents-page')!.getBoundingClientRect();
    return [...document.querySelectorAll('.documents-page .katex-html > .base')]
      .filter((k) => k.getBoundingClientRect().right > page.right + 1)
      .map((k) => k.closest('[data-step-id]')?.getAttribute('data-step-id') ?? '?');
  });
}

for (const [preset, detail] of [
  ['lesson004', 'neuron'],
  ['lesson004', 'layer'],
  ['iris', 'layer'],
] as const)
  test(`${preset} at ${detail} detail: the worksheet and answer key keep every formula on the page, one blank per quantity`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, `/#v1&preset=${preset}&g=${detail}&s=1`, null);
    for (const which of ['Worksheet', 'Answer key']) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('button', { name: which }).click();
      const sheet = page.getByRole('dialog', { name: new RegExp(`^${which}: `) });
      await expect(sheet).toBeVisible({ timeout: 15_000 });
      await page.setViewportSize({ width: Math.floor((182 / 25.4) * 96), height: 900 });
      await page.emulateMedia({ media: 'print' });
      expect(await overflowing(page)).toEqual([]);
      if (which === 'Worksheet') {
        // a blank for each quantity a step writes, and no quantity with two
        const ids = await sheet
          .locator('.documents-blanks li')
          .evaluateAll((li) => li.map((l) => l.getAttribute('data-value-id')));
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        expect(await sheet.locator('.documents-blanks .documents-blank').count()).toBe(ids.length);
      }
      await page.screenshot({
        path: `/tmp/practice-${preset}-${detail}-${which === 'Worksheet' ? 'sheet' : 'key'}.png`,
        fullPage: true,
      });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    }
  });

test('Check my handout on a phone: the figures and their marks fit the screen and stay readable', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1', null);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Check my handout' }).click();
  const view = page.getByRole('dialog', { name: /^Check my handout/ });
  await expect(view).toBeVisible({ timeout: 15_000 });
  await view.getByRole('button', { name: 'Fill in the lesson’s printed figures' }).click();
  const mark = view.locator('tr[data-value-id="a:1:2"] .documents-mark');
  await expect(mark).toContainText('inherits');
  const table = (await view.locator('.documents-figures').boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(390);
  // the mark "inherits an earlier error (right given your figures)" in at most three lines, not a word a line
  const box = (await mark.boundingBox())!;
  const line = await mark.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(box.width).toBeGreaterThan(140);
  expect(box.height).toBeLessThan(3.5 * line + 8);
  await page.screenshot({ path: '/tmp/practice-handout-390.png' });
});
