import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../src/formulas';
import { lesson003 } from '../../src/lessons';
import { openApp, position, texOf, watchErrors } from './helpers';

// ---------------------------------------------------------------------------------------------------------------
// Lesson 003's step worked here without the engine: 2-3-2 sigmoid with biases, E = ½Σ(t − a)², η = 0.5, each
// sample's gradients by the four equations written out as loops, then their mean and one update.
// ---------------------------------------------------------------------------------------------------------------

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const samples = lesson003.dataset?.kind === 'inline' ? lesson003.dataset.samples : [];
const [W1, W2] = lesson003.weights;
const [b1, b2] = lesson003.biases;
const eta = lesson003.learningRate;

function gradients(x: number[], t: number[]) {
  const a1 = W1.map((row, j) => sig(row[0] * x[0] + row[1] * x[1] + b1[j]));
  const a2 = W2.map((row, j) => sig(row.reduce((s, w, k) => s + w * a1[k], b2[j])));
  const d2 = a2.map((a, j) => (a - t[j]) * a * (1 - a));
  const d1 = a1.map((a, k) => (W2[0][k] * d2[0] + W2[1][k] * d2[1]) * a * (1 - a));
  return {
    loss: 0.5 * ((t[0] - a2[0]) ** 2 + (t[1] - a2[1]) ** 2),
    dW2: d2.map((d) => a1.map((a) => d * a)),
    dW1: d1.map((d) => x.map((xi) => d * xi)),
  };
}
const per = samples.map((s) => gradients(s.input, s.target));
const mean = (pick: (g: (typeof per)[number]) => number) => per.reduce((s, g) => s + pick(g), 0) / per.length;
const meanDW2 = W2.map((row, j) => row.map((_, k) => mean((g) => g.dW2[j][k])));
const meanDW1 = W1.map((row, j) => row.map((_, k) => mean((g) => g.dW1[j][k])));
const newW1 = W1.map((row, j) => row.map((w, k) => w - eta * meanDW1[j][k]));
const fmt = (x: number) => formatNumber(x, 4);

async function openPreset(page: Page, title: RegExp) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('dialog', { name: 'Choose a lesson' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function stepTo(page: Page, n: number) {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 60 && !(await position(page)).startsWith(`Step ${n} /`); i++)
    await page.keyboard.press('ArrowRight');
  expect(await position(page)).toMatch(new RegExp(`^Step ${n} /`));
}

test('lesson 003 runs each sample, then steps by the mean gradient, with the numbers worked here', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  await openPreset(page, /The four equations BP1–BP4/);
  // written in matrix form, it opens at layer detail
  await expect(page.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked();
  // per sample: forward ×2, loss, BP1, BP2, gradients ×2 = 7 steps; then the batch loss, 2 means, 2 updates
  expect(await position(page)).toContain('Step 1 / 26');
  await expect(page.getByTestId('graph-sample')).toHaveText('Sample 1 of 3');

  await stepTo(page, 8);
  await expect(page.getByTestId('graph-sample')).toHaveText('Sample 2 of 3');
  // sample 2's hidden layer, on the graph
  const z11 = W1[0][0] * samples[1].input[0] + W1[0][1] * samples[1].input[1] + b1[0];
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`z¹₁ ${fmt(z11)}`),
  );

  await stepTo(page, 22);
  expect(await texOf(page, 'formula-result')).toContain(fmt(mean((g) => g.loss)));

  await stepTo(page, 23);
  expect(await position(page)).toContain('gradients');
  expect(await texOf(page, 'formula-symbolic')).toContain('\\frac{1}{m} \\sum_{x}');
  const substituted = await texOf(page, 'formula-substituted');
  expect(substituted).toContain('\\frac{1}{3}');
  for (const g of per) expect(substituted).toContain(fmt(g.dW2[0][0]));
  const result = await texOf(page, 'formula-result');
  for (const row of meanDW2) for (const v of row) expect(result).toContain(fmt(v));
  await expect(page.getByTestId('graph-sample')).toHaveCount(0);

  await stepTo(page, 25);
  expect(await position(page)).toContain('update');
  const update = await texOf(page, 'formula-result');
  for (const row of newW1) for (const v of row) expect(update).toContain(fmt(v));
  await page.screenshot({ path: '/tmp/trust-lessons-003-update.png' });
  expect(errors).toEqual([]);
});

test('About this lesson shows the notes, in English and in Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('button', { name: 'About this lesson' }).click();
  const dialog = page.getByRole('dialog', { name: 'About this lesson' });
  await expect(dialog).toContainText('A 3-3-2 network in matrix form');
  await expect(dialog).toContainText('Source: the course lesson that works a 3-3-2 network');
  await expect(dialog).toContainText('Errata: its worked example goes wrong early');
  await page.screenshot({ path: '/tmp/trust-lessons-about-en.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '关于本课' }).click();
  const zh = page.getByRole('dialog', { name: '关于本课' });
  await expect(zh).toContainText('矩阵形式的 3-3-2 网络');
  await expect(zh).toContainText('出处：');
  await expect(zh).toContainText('勘误：原文的算例很早就出了错');
  await page.screenshot({ path: '/tmp/trust-lessons-about-zh.png' });
  await page.keyboard.press('Escape');
  await expect(zh).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('lesson 004 opens at layer detail, on the first visit and from the picker', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await expect(page.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked();
  expect(await position(page)).toContain('Step 1 / 9');
  await openPreset(page, /A 2-3-2-1 network, one step by hand/);
  await expect(page.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked(); // the last detail stays
  await page.getByRole('radio', { name: 'Neuron' }).check();
  await openPreset(page, /A 3-3-2 network in matrix form/);
  await expect(page.getByRole('radio', { name: 'Layer (matrix)' })).toBeChecked();
  // a link's own detail wins
  await page.goto('/#v1&preset=lesson004&g=weight&s=1');
  await expect(page.getByRole('radio', { name: 'Weight' })).toBeChecked();
  expect(errors).toEqual([]);
});
