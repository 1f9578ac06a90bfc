import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../src/formulas';
import { formatPlain } from '../../src/formulas/plain';
import { openApp, position, texOf, watchErrors } from './helpers';

/** The number after the last `=` of a TeX result, read back. */
function lastNumber(tex: string): number {
  const s = tex.split(' = ').at(-1)!.trim();
  const m = /^(-?[0-9.]+)(?:\\times10\^\{(-?\d+)\})?$/.exec(s);
  if (!m) throw new Error(`not a number: ${s}`);
  return Number(m[2] === undefined ? m[1] : `${m[1]}e${m[2]}`);
}

/** Steps forward to the first step whose id is `id` (from data-step-id of the current formula page). */
async function goToStep(page: Page, id: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < 60; i++) {
    if ((await page.locator('.formula-page.is-current').getAttribute('data-step-id')) === id) return;
    await next.click();
  }
  throw new Error(`no step ${id}`);
}

test('Digits: 6 significant digits in the formula and on the graph, kept after a reload', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  // step 2 of lesson 004: O_hidden,1 = σ(1.16) = 1/(1 + e^{−1.16}) = 0.76133271…
  const a = 1 / (1 + Math.exp(-1.16));
  await page.getByRole('button', { name: 'Next step' }).click();
  expect(await position(page)).toContain('Step 2 / 32');
  expect(await texOf(page, 'formula-result')).toContain('0.7613');
  expect(await texOf(page, 'formula-result')).not.toContain('0.76133');

  const digits = page.getByRole('combobox', { name: 'Digits' });
  await expect(digits).toHaveValue('4');
  await digits.selectOption('6');
  expect(formatNumber(a, 6)).toBe('0.761333');
  await expect.poll(() => texOf(page, 'formula-result')).toContain('= 0.761333');
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`O_hidden,1 ${formatPlain(a, 6)}`),
  );

  // saved with the autosave: after a reload the setting and the 6 digits are still there
  await page.waitForFunction(() =>
    (localStorage.getItem('backprop-lessons/autosave') ?? '').includes('"digits":6'),
  );
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Digits' })).toHaveValue('6');
  expect(await position(page)).toContain('Step 2 / 32');
  expect(await texOf(page, 'formula-result')).toContain('= 0.761333');
  expect(errors).toEqual([]);
});

test('a saturated sigmoid: σ′ is not 0, ∂E/∂a · σ′ = δ, and no row reads 1 − 1', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // 1-1-1, sigmoid everywhere, no biases: z¹ = 40, a¹ = σ(40) (1 in a double), z² = 40·a¹ = 40, t = 0
  const lesson = {
    format: 'backprop-lesson',
    version: 1,
    layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' }, { size: 1, activation: 'sigmoid' }],
    loss: 'halfSse',
    learningRate: 0.5,
    useBias: false,
    weights: [[[40]], [[40]]],
    biases: [[0], [0]],
    sample: { input: [1], target: [0] },
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  };
  const loaded = await page.evaluate((l) => window.backpropApp!.loadLesson(l), lesson);
  expect(loaded).toEqual({ ok: true });
  await expect.poll(() => position(page)).toContain('Step 1 /');

  // σ′(40) = e^{−40}/(1 + e^{−40})² = 4.248354…×10⁻¹⁸ (the correction is 2e^{−80}, far below 4 digits)
  const e40 = Math.exp(-40);
  const sigmaPrime = e40 / (1 + e40) ** 2;
  await goToStep(page, 'backward/dA/2/0');
  const dA = lastNumber(await texOf(page, 'formula-result'));
  expect(dA).toBe(1); // −(t − a) = −(0 − σ(40))
  await goToStep(page, 'backward/fp/2/0');
  const fpTex = await texOf(page, 'formula-result');
  expect(fpTex).toContain(formatNumber(sigmaPrime, 4)); // 4.248\times10^{-18}
  const fp = lastNumber(fpTex);
  expect(fp).not.toBe(0);
  await goToStep(page, 'backward/delta/2/0');
  const delta = lastNumber(await texOf(page, 'formula-result'));
  expect(Math.abs(dA * fp - delta)).toBeLessThanOrEqual(Math.abs(delta) * 5e-4);

  // every "With the numbers" row of the lesson, from the first step to the last
  await page.getByRole('button', { name: 'First step' }).click();
  const total = Number(/\/ (\d+)/.exec(await position(page))![1]);
  const rows: string[] = [];
  for (let i = 0; i < total; i++) {
    rows.push(await texOf(page, 'formula-substituted'));
    if (i < total - 1) await page.getByRole('button', { name: 'Next step' }).click();
  }
  expect(rows.length).toBe(total);
  for (const row of rows) expect(row).not.toMatch(/(?<![\d.])1\s*-\s*1(?![\d.]|\\times)/);
  // the σ′ row shows a = σ(40) as 1 − 4.248×10⁻¹⁸, so it evaluates to its result
  expect(rows.some((r) => r.includes('\\left(1-4.248\\times10^{-18}\\right)'))).toBe(true);
  expect(errors).toEqual([]);
});

test('1e-400 typed in a weight field is refused as too small, never read as 0', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.locator('[data-id="e:1:0:0"]').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('chain-rule');
  const field = panel.getByRole('textbox', { name: 'Weight w₁,₁' });
  for (const text of ['1e-400', '-1e-400']) {
    await field.fill(text);
    await field.press('Enter');
    await expect(panel.getByRole('alert')).toContainText(
      'Too small to represent: use 0 or a number above 1e-308.',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // w¹₁₁ keeps 0.9: z of hidden neuron 1 is still 0.9·0.9 + 0.3·0.1 + 0.4·0.8 = 1.16
    await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute('aria-label', /X_hidden,1 1\.16(,|$)/);
  }
  expect(errors).toEqual([]);
});
