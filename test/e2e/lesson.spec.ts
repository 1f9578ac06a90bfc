import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { traceStep } from '../../src/engine';
import { formatNumber } from '../../src/formulas';
import { formatPlain } from '../../src/formulas/plain';
import { lesson004 } from '../../src/lessons';
import { openApp, position, texOf, watchErrors } from './helpers';

const trace = (() => {
  const r = traceStep(lesson004);
  if (!r.ok) throw new Error('lesson 004 must trace');
  return r.trace;
})();

test('the default lesson is on screen at first load, with no spoilers', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backprop, step by step');
  await expect(page.getByText('A 3-3-2 network in matrix form')).toBeVisible();
  expect(await position(page)).toContain('Step 1 / 32');
  // the first step computes z of hidden neuron 1: 0.9·0.9 + 0.3·0.1 + 0.4·0.8 = 1.16
  expect(await texOf(page, 'formula-result')).toContain('1.16');
  const hidden1 = page.locator('[data-id="n:1:0"]');
  await expect(hidden1).toHaveAttribute('aria-label', /X_hidden,1 1\.16/);
  // the output neuron shows only its target so far: no z, a or δ yet
  await expect(page.locator('[data-id="n:2:0"]')).toHaveAttribute(
    'aria-label',
    'Output neuron O_output,1: target₁ 0.01',
  );
  expect(errors).toEqual([]);
});

test('buttons and keyboard step to the first weight update; graph and formula show the engine’s numbers', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  const next = page.getByRole('button', { name: 'Next step' });
  await next.click();
  await next.click();
  expect(await position(page)).toContain('Step 3 / 32');
  await page.getByRole('button', { name: 'Previous step' }).click();
  expect(await position(page)).toContain('Step 2 / 32');
  // a: σ(1.16)
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(trace.layers[1].a[0], 4));

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 40 && !(await position(page)).includes('update'); i++)
    await page.keyboard.press('ArrowRight');
  expect(await position(page)).toContain('Step 28 / 32 · update');

  // the first update: every incoming weight of hidden neuron 1, w − η ∂E/∂w
  const result = await texOf(page, 'formula-result');
  for (let k = 0; k < 3; k++) expect(result).toContain(formatNumber(trace.updated.weights[0][0][k], 4));
  expect(formatNumber(trace.updated.weights[0][0][0], 4)).toBe('0.8986');
  const substituted = await texOf(page, 'formula-substituted');
  expect(substituted).toContain(formatNumber(trace.layers[1].dW[0][0], 4));

  // on the graph: every value up to here is shown, including the δ terms and the new weight
  await expect(page.locator('[data-id="n:2:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`O_output,1 ${formatPlain(trace.layers[2].a[0], 4)}`),
  );
  await expect(page.locator('[data-id="n:1:1"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`δ_hidden,2 ${formatPlain(trace.layers[1].delta[1], 4)}`),
  );
  const edge = page.locator('[data-id="e:1:0:0"]');
  await expect(edge).toHaveAttribute(
    'aria-label',
    new RegExp(`after update: ${formatPlain(trace.updated.weights[0][0][0], 4)}`),
  );
  await expect(page.locator('[data-for="e:1:0:0"]')).toContainText(
    `→ ${formatPlain(trace.updated.weights[0][0][0], 4)}`,
  );

  // Home / End / PageUp / PageDown
  await page.keyboard.press('End');
  expect(await position(page)).toContain('Step 32 / 32');
  await page.keyboard.press('PageUp');
  expect(await position(page)).toContain('Step 31 / 32');
  await page.keyboard.press('Home');
  expect(await position(page)).toContain('Step 1 / 32');
  await page.keyboard.press('PageDown');
  expect(await position(page)).toContain('Step 2 / 32');
  await page.keyboard.press(']');
  expect(await position(page)).toContain('loss');
  expect(errors).toEqual([]);
});

test('play and pause, from the button and the space bar', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => position(page)).not.toContain('Step 1 /');
  await page.getByRole('button', { name: 'Pause' }).click();
  const at = await position(page);
  await page.waitForTimeout(1200);
  expect(await position(page)).toBe(at);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('"where did this come from" jumps to the producing step and back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Next step' }).click(); // a¹₁ = σ(z¹₁)
  await page.getByRole('button', { name: '← step 1' }).click();
  expect(await position(page)).toContain('Step 1 / 32');
  await page.getByRole('button', { name: /Back to step 2/ }).click();
  expect(await position(page)).toContain('Step 2 / 32');
});

test('next iteration lowers the loss', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('iteration')).toContainText(`E = ${formatPlain(trace.loss, 4)}`);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  expect(await position(page)).toContain('Step 1 / 32');
  await page.keyboard.press('End');
  const text = (await page.getByTestId('iteration').textContent()) ?? '';
  const loss2 = Number(/E = ([0-9.]+)/.exec(text)?.[1]);
  expect(text).toContain('Iteration 2');
  expect(loss2).toBeLessThan(trace.loss);
});

test('selecting a weight opens its chain rule as a sum over paths', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('End'); // its numbers show once the gradient has been computed
  const edge = page.locator('[data-id="e:1:0:0"]');
  await edge.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('chain-rule');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Highlight path 2 on the graph' })).toBeVisible();
  await expect(panel).toContainText(formatPlain(trace.layers[1].dW[0][0], 4));
  await panel.getByRole('button', { name: 'Close the chain-rule panel' }).click();
  await expect(panel).toHaveCount(0);
});

test('granularity switch keeps the quantity; matrix view shows the layer', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press(']');
  await page.keyboard.press(']'); // backward
  await page.getByText('Layer (matrix)').click();
  expect(await position(page)).toContain('backward');
  expect(await texOf(page, 'formula-symbolic')).toContain('\\odot');
  await page.getByRole('button', { name: 'Matrix view' }).click();
  await expect(page.getByTestId('matrix-view')).toBeVisible();
  await page.getByText('Neuron', { exact: true }).click();
  expect(await position(page)).toContain('backward');
});

test('Chinese interface: every control is translated', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('反向传播，一步一步');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
});

test('no serious accessibility violations (axe)', async ({ page }) => {
  await openApp(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
  [768, 1024],
  [390, 844],
] as const) {
  test(`layout at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page);
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await page.keyboard.press('ArrowRight');
    await page.screenshot({ path: `test-results/screenshots/lesson-${w}x${h}.png` });
    const fits = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
    const noSideways = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth + 1,
    );
    expect(noSideways).toBe(true);
    if (w >= 1280) expect(fits).toBe(true);
    await expect(page.getByRole('button', { name: 'Next step' })).toBeInViewport();
  });
}
