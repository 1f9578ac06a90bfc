import { expect, test, type Page } from '@playwright/test';
import { lesson004 } from '../../src/lessons';
import { serialiseLesson } from '../../src/store/persist';
import { openApp, watchErrors } from './helpers';

const SHOTS = 'test-results/screenshots';

/** The TeX KaTeX keeps for every formula inside the chain-rule panel. */
const chainTex = async (page: Page) =>
  (await page.getByTestId('chain-rule').locator('annotation').allTextContents()).join(' ');

test.describe('one notation in the real page', () => {
  test('lesson 004: the weight from hidden neuron 2 to output 1 is w′₂,₁ everywhere, in English and Chinese', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const edge = page.locator('[data-id="e:2:0:1"]');
    // lesson 004 writes the weight from k to j as w′_{k,j}: from hidden 2 to output 1 is w′₂,₁
    await expect(edge).toHaveAttribute(
      'aria-label',
      /^Weight w′₂,₁ from hidden neuron O_hidden,2 to output neuron O_output,1: /,
    );
    // the tooltip of the focused weight
    await edge.focus();
    await expect(page.locator('.graph-tooltip')).toContainText(
      'w′₂,₁: hidden neuron Ohidden,2 → output neuron Ooutput,1',
    );
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Chain rule for w′₂,₁' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'Weight w′₂,₁' })).toBeVisible();
    await expect(panel).toContainText('Weight w′₂,₁');
    // the formula names the same weight in TeX
    expect(await chainTex(page)).toContain("w'_{2,1}");
    expect(await chainTex(page)).not.toMatch(/w\^\{2\}_\{/);
    await page.screenshot({ path: `${SHOTS}/notation-004-en.png` });

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('complementary', { name: 'w′₂,₁ 的链式法则' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '权重 w′₂,₁' })).toBeVisible();
    await expect(edge).toHaveAttribute(
      'aria-label',
      /^权重 w′₂,₁，从隐藏层神经元 O_hidden,2 到输出神经元 O_output,1：/,
    );
    await page.screenshot({ path: `${SHOTS}/notation-004-zh.png` });
    expect(errors).toEqual([]);
  });

  test('lesson 001: the first input is x₁ on the graph, in its field and in the formula', async ({
    page,
  }) => {
    await openApp(page, '/#v1&preset=lesson001');
    const node = page.locator('[data-id="n:0:0"]');
    await expect(node).toHaveAttribute('aria-label', /^Input x₁: x₁ 1(\.0*)?$/);
    await expect(node.locator('.graph-node__symbol')).toHaveText('x₁');
    await node.click();
    const field = page.getByTestId('value-panel').getByRole('textbox', { name: 'Input x₁' });
    await expect(field).toBeVisible();
    // the first step, h′₁ = x₁W¹₁₁ + x₂W¹₂₁, reads x₁ by the same symbol
    const formula = (await page.getByTestId('formula-symbolic').locator('annotation').textContent()) ?? '';
    expect(formula).toContain('x_{1}');
    expect(formula).toContain("{h'}_{1}");
    // at the last step every neuron shows its values, marked with lesson 001's letters (h′, h, y′, y)
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.locator('[data-id="n:1:0"] .graph-node__qty').first()).toHaveText('h′');
    await expect(page.locator('[data-id="n:2:0"] .graph-node__qty').nth(1)).toHaveText('y');
    await page.screenshot({ path: `${SHOTS}/notation-001-end.png` });

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(node).toHaveAttribute('aria-label', /^输入 x₁：|^输入 x₁: /);
    await expect(page.getByTestId('value-panel').getByRole('textbox', { name: '输入 x₁' })).toBeVisible();
  });

  test('lesson 002: the bias of the second neuron of hidden layer 2 is b²₂', async ({ page }) => {
    await openApp(page, '/#v1&preset=lesson002');
    const edge = page.locator('[data-id="eb:2:1"]');
    await expect(edge).toHaveAttribute('aria-label', /^Bias b²₂ of hidden neuron a²₂: /);
    await edge.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Chain rule for b²₂' });
    await expect(panel.getByRole('textbox', { name: 'Bias b²₂' })).toBeVisible();
    expect(await chainTex(page)).toContain('b^{2}_{2}');

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(edge).toHaveAttribute('aria-label', /^隐藏层神经元 a²₂ 的偏置 b²₂：/);
    await expect(page.getByRole('complementary', { name: 'b²₂ 的链式法则' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '偏置 b²₂' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/notation-002-zh.png` });
  });
});

test('a lesson file with three faults lists all three; a file that is not JSON says so in a sentence', async ({
  page,
}) => {
  await openApp(page);
  const bad = JSON.parse(serialiseLesson(lesson004));
  bad.version = 2;
  bad.layers[1].activation = 'sigmod';
  bad.weights[1][0][2] = 'abc';
  const fileInput = page.getByLabel('Open lesson file');
  const asFile = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await fileInput.setInputFiles(asFile('three.json', JSON.stringify(bad)));
  const alert = page.getByRole('alert').filter({ hasText: 'three.json' });
  await expect(alert).toContainText('Problems found (3)');
  await expect(alert.getByRole('listitem')).toHaveText([
    /^version: expected 1, found 2/,
    /^layers\[1\]\.activation: "sigmod" is not one of /,
    /^weights\[1\]\[0\]\[2\]: expected a number, found "abc"$/,
  ]);
  await page.screenshot({ path: `${SHOTS}/notation-three-faults.png` });

  await fileInput.setInputFiles(asFile('notes.txt', 'not json at all'));
  const items = page.getByRole('alert').filter({ hasText: 'notes.txt' }).getByRole('listitem');
  await expect(items).toHaveText([/^The file is not JSON: \S/]);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(items).toHaveText([/^文件不是有效的 JSON：\S/]);
});
