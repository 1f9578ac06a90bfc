import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { irisSplit } from '../../src/data';
import { train } from '../../src/engine/training';
import { formatPlain } from '../../src/formulas/plain';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';
import { openIris } from './trainHelpers';

// Lesson 002's project in the browser: the Iris lesson trained for 300 epochs, then one sample's step opened.

/** Validation accuracy after 300 epochs computed here, independently of the page (engine train, lesson's seed). */
const expected = train(iris, irisSplit(1), { epochs: 300, batchSize: 1, seed: 1 });
const finalAccuracy = expected.history[299].validationAccuracy!;

test('the Iris lesson trains to epoch 300 and shows its final validation accuracy', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
  await expect(page.getByLabel('Learning rate η')).toHaveValue('0.2');
  await expect(page.getByLabel('Epochs to run')).toHaveValue('300');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 300', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible();
  const text = (await page.getByTestId('train-validation-accuracy').textContent()) ?? '';
  const shown = Number(/([\d.]+)%/.exec(text)?.[1]);
  expect(shown).toBeGreaterThanOrEqual(90);
  expect(shown).toBeCloseTo(finalAccuracy * 100, 5);
  await page.screenshot({ path: '/tmp/train-view-iris-1280.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('paused mid-way, the current sample’s step opens with its input, and coming back the run waits where it was', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await page.getByLabel('Training speed').selectOption({ label: '1000 samples/s' });
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(/Epoch [2-9]/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible();
  const epoch = await page.getByTestId('train-epoch').textContent();
  const sample = (await page.getByTestId('train-sample').textContent()) ?? '';
  const n = Number(/no\. (\d+)/.exec(sample)?.[1]);
  // the n-th training sample of lesson 002's split, taken here from the data, not from the page
  const input = irisSplit(1).train[n - 1].input;
  await page.getByRole('button', { name: 'Open this sample’s step' }).click();
  await expect(page.getByRole('radio', { name: 'Step by step' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  for (let k = 0; k < 4; k++)
    await expect(page.locator(`[data-id="n:0:${k}"]`)).toHaveAttribute(
      'aria-label',
      `Input x${'₁₂₃₄'[k]}: x${'₁₂₃₄'[k]} ${formatPlain(input[k], 4)}`,
    );
  await page.screenshot({ path: '/tmp/train-view-step.png' });
  // back in the Train view the run is where it was, and goes on from there
  await page.getByRole('radio', { name: 'Train' }).check();
  await expect(page.getByTestId('train-epoch')).toHaveText(epoch!);
  await expect(page.getByTestId('train-sample')).toHaveText(sample);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(`Epoch ${Number(epoch!.split(' ')[1]) + 1}`);
  expect(errors).toEqual([]);
});

test('the Train view has no serious accessibility violations (axe), trained or not', async ({ page }) => {
  await openApp(page, '/', null);
  await openIris(page);
  for (const when of ['before', 'after'])
    await test.step(when, async () => {
      if (when === 'after') {
        await page.getByRole('button', { name: 'One epoch' }).click();
        await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 1');
      }
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
});
