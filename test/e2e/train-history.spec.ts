import { expect, test, type Page } from '@playwright/test';
import { irisSplit } from '../../src/data';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';
import { openIris } from './trainHelpers';

// One loss history shared by the two views, and η's changes marked on the Train view's charts.

async function epochs(page: Page, n: number) {
  for (let k = 1; k <= n; k++) {
    const before = Number(((await page.getByTestId('train-epoch').textContent()) ?? '').replace(/\D/g, ''));
    await page.getByRole('button', { name: 'One epoch' }).click();
    await expect(page.getByTestId('train-epoch')).toHaveText(`Epoch ${before + 1}`);
  }
}

/** E = ½ Σ (t − a)² of the Iris network on the lesson's own flower, by hand, with the given weights. */
function lossByHand(weights: number[][][], biases: number[][]): number {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const { input: x, target: t } = iris.sample;
  const h = weights[0].map((row, j) => sig(row.reduce((s, w, k) => s + w * x[k], biases[0][j])));
  const o = weights[1].map((row, j) => sig(row.reduce((s, w, k) => s + w * h[k], biases[1][j])));
  return 0.5 * o.reduce((s, a, j) => s + (t[j] - a) ** 2, 0);
}

const points = (page: Page, chart: string, series: string) =>
  page.locator(`figure:has(svg[aria-label="${chart}"]) [data-series="${series}"]`);

test('training in the Train view and Next iteration in the step view make one history', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await epochs(page, 2);
  await expect(points(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '2');

  // the step view goes on from the run: its weights, iteration 2 × 130 + 1, both epochs on its loss chart
  await page.getByRole('radio', { name: 'Step by step' }).check();
  await expect(page.getByTestId('iteration')).toHaveText(/^Iteration 261: E = \?$/);
  await expect(points(page, 'Loss per iteration', 'loss')).toHaveAttribute('data-points', '2');
  await page.getByRole('button', { name: 'Last step' }).click();
  const ref = train(iris, irisSplit(1), { epochs: 2, batchSize: 1, seed: 1 });
  const shown = Number(/E = ([\d.]+)/.exec((await page.getByTestId('iteration').textContent()) ?? '')?.[1]);
  const e = lossByHand(ref.weights, ref.biases);
  expect(Math.abs(shown - e) / e).toBeLessThan(1e-3);
  await expect(points(page, 'Loss per iteration', 'loss')).toHaveAttribute('data-points', '3');

  // Next iteration: one more update of the same history
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect(page.getByTestId('iteration')).toHaveText(/^Iteration 262:/);

  // the Train view charts it between epochs 2 and 3, and goes on from its weights
  await page.getByRole('radio', { name: 'Train' }).check();
  await expect(points(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '3');
  await page.getByRole('img', { name: 'Loss per epoch' }).focus();
  await expect(page.getByTestId('chart-readout').first()).toHaveText(
    /^Step-view iteration 261 \(after epoch 2\) · Training loss [\d.]+ · Validation loss —$/,
  );
  await epochs(page, 1);
  await expect(points(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '4');
  await page.getByRole('radio', { name: 'Step by step' }).check();
  await expect(page.getByTestId('iteration')).toHaveText(/^Iteration 392:/);
  await page.screenshot({ path: '/tmp/train-history-step.png' });
  expect(errors).toEqual([]);
});

test('a change of η is marked on both charts where it was made, in English and Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await epochs(page, 2);
  await expect(page.getByTestId('chart-mark')).toHaveCount(0);
  const eta = page.getByLabel('Learning rate η');
  await eta.fill('0.1');
  await eta.press('Enter');
  await epochs(page, 2);
  // one mark on each chart, after epoch 2, labelled with the new value
  const marks = page.getByTestId('chart-mark');
  await expect(marks).toHaveCount(2);
  await expect(marks.first()).toHaveText('η = 0.1');
  const lists = page.getByRole('list', { name: 'Learning-rate changes' });
  await expect(lists).toHaveCount(2);
  await expect(lists.first()).toHaveText('Learning rate changed to 0.1 after epoch 2');
  // drawn at epoch 2 of an axis that runs from 1 to 4: a third of the way along the plot
  const plot = page.locator('figure:has(svg[aria-label="Loss per epoch"]) [data-testid="x-axis"] > line');
  const [x1, x2] = [Number(await plot.getAttribute('x1')), Number(await plot.getAttribute('x2'))];
  const at = Number(await marks.first().locator('line').getAttribute('x1'));
  expect(at).toBeCloseTo(x1 + (x2 - x1) / 3, 1);
  await page.screenshot({ path: '/tmp/train-history-eta.png', fullPage: true });
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('list', { name: '学习率的改变' }).first()).toHaveText(
    '第 2 轮之后学习率改为 0.1',
  );
  expect(errors).toEqual([]);
});
