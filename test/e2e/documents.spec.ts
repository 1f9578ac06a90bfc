import { readFile, writeFile } from 'node:fs/promises';
import katex from 'katex';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openApp, watchErrors } from './helpers';

/** Lesson 004's third hidden sum, worked from its weights and input: 0.8·0.9 + 0.1·0.1 + 0.9·0.8. */
const Z3 = (0.8 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8).toFixed(2);

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export and print' })).toBeVisible();
}

async function download(page: Page, name: string): Promise<{ file: Download; text: string; bytes: Buffer }> {
  await openExport(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const bytes = await readFile((await file.path())!);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(file.suggestedFilename());
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export and print' })).toBeHidden();
  return { file, text: bytes.toString('utf8'), bytes };
}

/** Every formula of a LaTeX document (between \[ and \]) or of Markdown ($…$), parsed by KaTeX. */
function parseAll(formulas: string[]) {
  expect(formulas.length).toBeGreaterThan(0);
  for (const f of formulas)
    expect(() => katex.renderToString(f, { throwOnError: true, displayMode: true })).not.toThrow();
}
const latexFormulas = (doc: string) => [...doc.matchAll(/\n\\\[\n(.*)\n\\\]/g)].map((m) => m[1]);
const markdownFormulas = (doc: string) => [...doc.matchAll(/^- [^$\n]+: \$(.*)\$$/gm)].map((m) => m[1]);

test('the graph exports as SVG and as a PNG at twice its size', async ({ page }) => {
  const errors = watchErrors(page);
  // step 6 of lesson 004 by neuron: the third hidden sum has just been computed
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=6', null);
  const shown = await page.locator('.graph-panel .graph text').allTextContents();
  const box = (await page.locator('.graph-panel .graph').boundingBox())!;

  const svg = await download(page, 'Export graph as SVG');
  expect(svg.file.suggestedFilename()).toMatch(/^a-3-3-2-network-in-matrix-form-step-6\.svg$/);
  const check = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length,
      name: root.localName,
      ns: root.namespaceURI,
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
      styled: [...doc.getElementsByTagName('circle')].every((c) =>
        /fill:/.test(c.getAttribute('style') ?? ''),
      ),
      classes: doc.querySelectorAll('[class]').length,
    };
  }, svg.text);
  expect(check.error).toBe(0);
  expect(check.name).toBe('svg');
  expect(check.ns).toBe('http://www.w3.org/2000/svg');
  expect(check.viewBox).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(check.styled).toBe(true);
  expect(check.classes).toBe(0); // styles are inline, not the app's classes
  // every label of the graph on screen is in the file, the input 0.9 and the new sum among them
  for (const t of shown.filter((s) => s.trim() !== '')) expect(check.texts).toContain(t);
  expect(check.texts.join(' ')).toContain(Z3);
  expect(check.texts.join(' ')).toContain('0.9');

  const png = await download(page, 'Export graph as PNG');
  expect(png.file.suggestedFilename()).toMatch(/step-6\.png$/);
  await writeFile('/tmp/documents-graph.png', png.bytes);
  await writeFile('/tmp/documents-graph.svg', svg.bytes);
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBe(Math.round(box.width) * 2);
  expect(height).toBe(Math.round(box.height) * 2);
  expect(errors).toEqual([]);
});

test('the step and the iteration export as LaTeX and Markdown, in the reader’s language', async ({
  page,
}) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=5', null);
  const step = await download(page, 'Export step as LaTeX');
  expect(step.file.suggestedFilename()).toBe('a-3-3-2-network-in-matrix-form-step-5.tex');
  expect(step.text).toMatch(/^\\documentclass\[11pt\]\{article\}/);
  expect(step.text).toContain('\\usepackage{amsmath,amssymb}');
  expect(step.text).toContain('\\begin{document}');
  expect(step.text.trimEnd().endsWith('\\end{document}')).toBe(true);
  expect(step.text).toContain('Step 5 of');
  const stepFormulas = latexFormulas(step.text);
  expect(stepFormulas).toHaveLength(3);
  parseAll(stepFormulas);
  expect(stepFormulas[2]).toContain(`= ${Z3}`);

  const iteration = await download(page, 'Export iteration as LaTeX');
  expect(iteration.file.suggestedFilename()).toBe('a-3-3-2-network-in-matrix-form-iteration-1.tex');
  const all = latexFormulas(iteration.text);
  const count = Number(/Step 1 of (\d+)/.exec(iteration.text)![1]);
  expect(all).toHaveLength(3 * count);
  parseAll(all);

  const md = await download(page, 'Export iteration as Markdown');
  expect(md.file.suggestedFilename()).toBe('a-3-3-2-network-in-matrix-form-iteration-1.md');
  expect(md.text).toMatch(/^# A 3-3-2 network in matrix form\n/);
  expect(markdownFormulas(md.text)).toEqual(all);

  // in Chinese, the documents speak Chinese
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const [zh] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '将整轮迭代导出为 Markdown' }).click(),
  ]);
  const zhText = await readFile((await zh.path())!, 'utf8');
  expect(zhText).toMatch(/^# 矩阵形式的 3-3-2 网络\n/);
  expect(zhText).toContain(`## 第 1 步，共 ${count} 步`);
  expect(markdownFormulas(zhText)).toEqual(all);
});

test('the export menu works from the keyboard', async ({ page }) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=2', null);
  await page.getByRole('button', { name: 'Export', exact: true }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Export and print' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export graph as SVG' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Export graph as PNG' })).toBeFocused();
  await page.keyboard.press('Tab');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toMatch(/step-2\.tex$/);
  // the stepping keys do not step the lesson behind the menu
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  await expect(page.getByTestId('position')).toContainText('Step 2 /');
});

test('a worksheet and its answer key print to A4 and Letter without the app', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1', null);
  await openExport(page);
  await page.getByRole('button', { name: 'Worksheet' }).click();
  const sheet = page.getByRole('dialog', { name: /^Worksheet: A 3-3-2 network/ });
  // the sheet's code loads on demand and sets every formula of the iteration: seconds on a busy machine
  await expect(sheet).toBeVisible({ timeout: 15_000 });
  await expect(sheet.getByRole('heading', { name: 'The network and its numbers' })).toBeVisible();
  const steps = sheet.locator('.documents-step');
  const count = await steps.count();
  expect(count).toBeGreaterThan(20);
  // a blank for each quantity, and no answer on the sheet
  await expect(sheet.locator('[data-value-id="z:1:2"] .documents-blank')).toHaveCount(1);
  await expect(sheet.locator('[data-value-id="w+:2:1:2"] .documents-blank')).toHaveCount(1);
  expect(await sheet.locator('.documents-steps').innerText()).not.toContain(Z3);
  await page.screenshot({ path: '/tmp/documents-worksheet.png' });
  for (const format of ['A4', 'Letter'] as const) {
    await page.emulateMedia({ media: 'screen' });
    await sheet.getByRole('combobox', { name: 'Paper' }).selectOption(format === 'A4' ? 'A4' : 'letter');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Next step' })).toBeHidden();
    await expect(sheet.getByRole('button', { name: 'Print' })).toBeHidden();
    if (format === 'A4')
      await page.screenshot({ path: '/tmp/documents-worksheet-print.png', fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await writeFile(`/tmp/documents-worksheet-${format}.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // the size of the pages: A4 595 × 842 pt, Letter 612 × 792 pt
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual(
      format === 'A4' ? [595, 842] : [612, 792],
    );
  }
  await page.emulateMedia({ media: 'screen' });
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();

  await openExport(page);
  await page.getByRole('button', { name: 'Answer key' }).click();
  const key = page.getByRole('dialog', { name: /^Answer key: / });
  await expect(key).toBeVisible({ timeout: 15_000 });
  await expect(key.locator('.documents-step')).toHaveCount(count);
  expect(await key.locator('.documents-steps').innerText()).toContain(Z3);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: '/tmp/documents-answers-print.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(key).toBeHidden();
  expect(errors).toEqual([]);
});

test('checking lesson 004’s printed figures marks the 0.62 and what it carries into', async ({ page }) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1', null);
  await openExport(page);
  await page.getByRole('button', { name: 'Check my handout' }).click();
  const view = page.getByRole('dialog', { name: /^Check my handout/ });
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Fill in the lesson’s printed figures' }).click();
  // worked by hand (see test/documents/handout.test.ts): 5 right, 0.62 the first wrong, 1.437 and the 0.2 for 0.6
  // wrong on their own, the other 15 inherit
  await expect(view.getByRole('status')).toHaveText(
    '23 figures checked: 5 right, 15 inherit an earlier error, 3 wrong on their own.',
  );
  await expect(view.locator('tr[data-value-id="z:1:2"]')).toHaveAttribute('data-status', 'firstWrong');
  await expect(view.locator('tr[data-value-id="z:1:2"] .documents-mark')).toContainText(
    `first wrong figure: ${Z3}`,
  );
  await expect(view.locator('tr[data-value-id="a:1:2"]')).toHaveAttribute('data-status', 'inherits');
  await expect(view.locator('tr[data-value-id="d:2:0"]')).toHaveAttribute('data-status', 'wrong');
  await expect(view.locator('tr[data-value-id="dA:1:0"]')).toHaveAttribute('data-status', 'wrong');
  await expect(view.locator('tr[data-value-id="z:1:0"]')).toHaveAttribute('data-status', 'right');
  await page.screenshot({ path: '/tmp/documents-handout.png' });

  // a teacher's own figures, typed: the right third sum and a wrong activation of it
  await view.getByRole('button', { name: 'Clear' }).click();
  const field = view.locator('tr[data-value-id="z:1:2"] input');
  await field.fill(Z3);
  await view.locator('tr[data-value-id="a:1:2"] input').fill('0.7');
  await view.locator('tr[data-value-id="a:1:2"] input').press('Enter');
  await expect(view.getByRole('status')).toHaveText(
    '2 figures checked: 1 right, 0 inherit an earlier error, 1 wrong on their own.',
  );
  await expect(view.locator('tr[data-value-id="a:1:2"]')).toHaveAttribute('data-status', 'firstWrong');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});
