import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Lesson } from '../../src/engine';
import { lesson001, lesson004 } from '../../src/lessons';
import { encodeLink, parseLessonFile, serialiseLesson } from '../../src/store/persist';
import { openApp, position, waitForApp, watchErrors } from './helpers';

const SHOTS = 'test-results/screenshots';
const TITLE_004 = 'A 3-3-2 network in matrix form';
const TITLE_001 = 'One hidden layer: the chain rule by hand';

/** Lesson 004 with the weight into hidden neuron 1 from input 1 changed from 0.9 to 0.75. */
const modified: Lesson = (() => {
  const l = structuredClone(lesson004);
  l.weights[0][0][0] = 0.75;
  return l;
})();

const fileInput = (page: Page) => page.getByLabel('Open lesson file');
const asFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

/** Opens a URL in a fresh browser context: no autosave, as someone receiving a link would. */
async function openFresh(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(path);
  await waitForApp(page);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  return page;
}

test('a malformed file is refused with every problem listed, and the lesson stays', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const bad = { ...JSON.parse(serialiseLesson(lesson001)), version: 2, loss: 'hinge', learningRate: -1 };
  bad.layers[1].activation = 'sigmod';
  await fileInput(page).setInputFiles(asFile('broken.json', JSON.stringify(bad)));
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toContainText('“broken.json” was not opened');
  const expected = parseLessonFile(JSON.stringify(bad));
  if (expected.ok) throw new Error('the file must be refused');
  expect(expected.problems.length).toBeGreaterThanOrEqual(4);
  await expect(alert.getByRole('listitem')).toHaveText(
    expected.problems.map((p) => (p.path === '$' ? p.message : `${p.path}: ${p.message}`)),
  );
  await expect(page.getByText(TITLE_004)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/files-refused.png` });

  await fileInput(page).setInputFiles(asFile('notes.txt', 'not json at all'));
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt' }).getByRole('listitem')).toHaveText(
    /^The file is not JSON: /,
  );
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a good file opens (undoably); "Save lesson" downloads it back', async ({ page }) => {
  await openApp(page);
  await fileInput(page).setInputFiles(asFile('one.json', serialiseLesson(lesson001)));
  await expect(page.getByText(TITLE_001)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Opened “one.json”.' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save lesson' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('one-hidden-layer-the-chain-rule-by-hand.json');
  const saved = parseLessonFile(await readFile(await file.path(), 'utf8'));
  expect(saved).toEqual({ ok: true, lesson: lesson001 });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(TITLE_004)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});

test('a share link reopens the same lesson, granularity and step in a fresh page', async ({
  page,
  browser,
}) => {
  const hash = encodeLink({ lesson: modified, granularity: 'neuron', cursor: 6 });
  const fresh = await openFresh(browser, `/${hash}`);
  expect(await position(fresh)).toContain('Step 7 / 32');
  await expect(fresh.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /: 0\.75\b/);
  await expect(fresh.getByRole('radio', { name: 'Neuron' })).toBeChecked();

  // "Copy share link" in the app makes the same kind of link
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await fileInput(page).setInputFiles(asFile('modified.json', serialiseLesson(modified)));
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /: 0\.75\b/);
  await page.getByRole('radio', { name: 'Neuron' }).check(); // the file opens at lesson 004's layer detail
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // the address bar catches up a moment later (it is written after the steps, not during them)
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(new URL(copied).hash);
  const again = await openFresh(browser, copied);
  expect(await position(again)).toContain('Step 5 / 32');
  await expect(again.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /: 0\.75\b/);
});

test('a tampered link opens the default lesson with a message, without errors', async ({ browser }) => {
  const hash = encodeLink({ lesson: modified, granularity: 'neuron', cursor: 6 });
  const tampered = `${hash.slice(0, 30)}Zz${hash.slice(32, 200)}&g=neuron&s=7`;
  const page = await openFresh(browser, `/${tampered}`);
  const errors = watchErrors(page);
  await expect(page.getByRole('alert')).toContainText('This share link is damaged or incomplete');
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(await position(page)).toContain('Step 1 / 32');
  await page.screenshot({ path: `${SHOTS}/files-tampered-link.png` });
  expect(errors).toEqual([]);
});

test('reload keeps the work: an opened lesson, its edit and the step', async ({ page }) => {
  await openApp(page);
  await fileInput(page).setInputFiles(asFile('modified.json', serialiseLesson(modified)));
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /: 0\.75\b/);
  await page.getByRole('radio', { name: 'Neuron' }).check(); // the file opens at lesson 004's layer detail
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /0\.75\b/);
  await expect(page.getByTestId('position')).toContainText('第 4 / 32 步');
  // without the hash, the autosave alone brings it back
  await page.goto('/');
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute('aria-label', /0\.75\b/);
  await expect(page.getByTestId('position')).toContainText('第 4 / 32 步');
});

test('a corrupt autosave falls back to the default lesson with a message', async ({ page }) => {
  await openApp(page, '/', null); // as opened: no link in the address bar to fall back on
  await page.evaluate(() =>
    localStorage.setItem('backprop-lessons/autosave', '{"format":"backprop-saved","version":1,"lesson":{}}'),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your saved work could not be read');
  await expect(page.getByText(TITLE_004)).toBeVisible();
});

test('the lesson picker loads lesson 001; Escape closes it', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(7);
  await page.screenshot({ path: `${SHOTS}/files-picker.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeFocused();

  await page.getByRole('button', { name: 'Lessons' }).click();
  await dialog.getByRole('button', { name: new RegExp(TITLE_001) }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(TITLE_001)).toBeVisible();
  expect(await position(page)).toContain('Step 1 /');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(TITLE_004)).toBeVisible();
  expect(errors).toEqual([]);
});

test('dragging a file over the page shows the drop overlay; dropping opens it', async ({ page }) => {
  await openApp(page);
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, serialiseLesson(lesson001));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop a lesson file to open it');
  await page.screenshot({ path: `${SHOTS}/files-drop.png` });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expect(page.getByText(TITLE_001)).toBeVisible();
});

test('without a clipboard, "Copy share link" shows the link selected in a field', async ({
  page,
  browser,
}) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await openApp(page);
  await page.getByText('Layer (matrix)').click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByLabel('Copy this link to share the lesson at this step:');
  await expect(field).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/files-share-fallback.png` });
  const link = await field.inputValue();
  const at = await position(page);
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();
  const fresh = await openFresh(browser, link);
  expect(await position(fresh)).toBe(at);
  await expect(fresh.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked();
});
