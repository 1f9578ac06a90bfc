import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { Lesson } from '../../src/engine';
import { lesson001 } from '../../src/lessons';
import { decodeLink, encodeLink, parseLessonFile, serialiseLesson } from '../../src/store/persist';
import { overflowLesson } from '../support/lessons';
import { openApp, position, watchErrors } from './helpers';

const SHOTS = 'test-results/screenshots';
const TITLE_004 = 'A 3-3-2 network in matrix form';
const TITLE_001 = 'One hidden layer: the chain rule by hand';
const SAVED_KEY = 'backprop-lessons/autosave';

/** The gate's overflowing lesson (σ(1000) rounds to 1, E = −ln 0), with a title to find it by. */
const overflow: Lesson = { ...overflowLesson, title: { en: 'Overflow', 'zh-CN': '溢出' } };

const iterationText = (page: Page) => page.getByTestId('iteration').textContent();
const iterationNumber = async (page: Page) =>
  Number(/Iteration (\d+)/.exec((await iterationText(page)) ?? '')?.[1]);
/** A new visit in the same browser (same autosave): a new tab opening `path`, the old one closed. */
async function newVisit(page: Page, path: string): Promise<Page> {
  const tab = await page.context().newPage();
  await page.close();
  await tab.goto(path);
  await expect(tab.getByRole('button', { name: 'Next step' })).toBeVisible();
  return tab;
}

/** The autosave as the page holds it, once the write after the last change has happened. */
const savedNow = (page: Page) => page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);

test('observation 2: a diverging η stops Next iteration before the limits, and the work saves, links and reopens', async ({
  page: first,
}) => {
  await openApp(first);
  const page = await newVisit(
    first,
    `/${encodeLink({ lesson: { ...lesson001, learningRate: 5 }, granularity: 'neuron', cursor: 0 })}`,
  );
  const errors = watchErrors(page);
  await expect(page.getByText(TITLE_001)).toBeVisible();
  const next = page.getByRole('button', { name: 'Next iteration' });
  for (let i = 0; i < 20; i++) await next.click();
  const alert = page.getByRole('alert').filter({ hasText: 'was not taken' });
  await expect(alert).toContainText('The learning rate η = 5 is too large for this network; try 0.5.');
  const stoppedAt = await iterationNumber(page);
  expect(stoppedAt).toBeGreaterThan(1);
  expect(stoppedAt).toBeLessThan(21);
  await page.screenshot({ path: `${SHOTS}/gate-iteration-stopped.png` });

  // "Save lesson" writes a file the app reads back
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save lesson' }).click();
  const file = parseLessonFile(await readFile(await (await download).path(), 'utf8'));
  expect(file.ok).toBe(true);
  // the link in the address bar carries the lesson and the iteration
  await expect
    .poll(async () => decodeLink(await page.evaluate(() => location.hash)))
    .toMatchObject({
      ok: true,
      iteration: stoppedAt,
    });
  // the autosave reads back on reload, at the same iteration, with no complaint
  await expect.poll(() => savedNow(page)).toContain(`"iteration":${stoppedAt}`);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  expect(await iterationNumber(page)).toBe(stoppedAt);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // one click lowers η and goes on
  await next.click();
  await page.getByRole('button', { name: 'Lower η and go on' }).click();
  await expect.poll(() => iterationNumber(page)).toBe(stoppedAt + 1);
  expect(errors).toEqual([]);
});

test('observation 6: a file or link whose step overflows is refused; the page and the saved work stay', async ({
  page: first,
}) => {
  let page = first;
  await openApp(page);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect.poll(() => savedNow(page)).toContain('"iteration":2');

  await page.getByLabel('Open lesson file').setInputFiles({
    name: 'overflow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serialiseLesson(overflow)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'overflow.json' })).toContainText(
    '“overflow.json” was not opened: its step cannot be computed',
  );
  await expect(page.getByText(TITLE_004)).toBeVisible();

  // the same lesson as a link, in a new visit: refused with why, the saved work opens
  page = await newVisit(page, `/${encodeLink({ lesson: overflow, granularity: 'neuron', cursor: 0 })}`);
  const errors = watchErrors(page);
  await expect(page.getByRole('alert')).toContainText('whose step cannot be computed');
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  await page.reload(); // the URL no longer holds the link; the saved work opens again
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  expect(errors).toEqual([]);
});

test('observation 7: a broken link leaves saved work alone; a valid one offers the way back', async ({
  page: first,
}) => {
  let page = first;
  await openApp(page);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => savedNow(page)).toContain('"iteration":2');
  const saved = await savedNow(page);

  // a broken link in a new visit: why it failed, the saved work on screen, and the autosave not replaced
  const hash = encodeLink({ lesson: { ...lesson001, learningRate: 0.3 }, granularity: 'neuron', cursor: 0 });
  page = await newVisit(page, `/${hash.slice(0, 40)}`);
  const errors = watchErrors(page);
  await expect(page.getByRole('alert')).toContainText('This share link is damaged or incomplete');
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  expect(await position(page)).toContain('Step 3 / 32');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => savedNow(page)).toContain('"cursor":3');
  expect(JSON.parse((await savedNow(page))!).lesson).toEqual(JSON.parse(saved!).lesson);

  // a valid link to another lesson: it opens, and "Back to your work" restores the saved work exactly
  page = await newVisit(page, `/${hash}`);
  await expect(page.getByText(TITLE_001)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/gate-link-replaced.png` });
  await page.getByRole('button', { name: 'Back to your work' }).click();
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  expect(await position(page)).toContain('Step 4 / 32');

  // an autosave with one unknown setting keeps the lesson and drops only that setting
  await expect.poll(() => savedNow(page)).toContain('"cursor":3');
  // the tab writes its last autosave as it closes: the setting is spoiled after that, from a page of the same
  // origin that does not run the app
  const tab = await page.context().newPage();
  await page.close();
  await tab.goto('/favicon.svg');
  await tab.evaluate((key) => {
    const o = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...o, theme: 'neon', digits: 99 }));
  }, SAVED_KEY);
  page = tab;
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Some saved settings could not be read');
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  expect(await position(page)).toContain('Step 4 / 32');
  expect(errors).toEqual([]);
});

test('reset after undoing a lesson switch resets to the lesson shown', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: new RegExp(TITLE_001) }).click();
  await expect(page.getByText(TITLE_001)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(2);
  await page.getByRole('button', { name: 'Reset lesson' }).click();
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await iterationNumber(page)).toBe(1);
});
