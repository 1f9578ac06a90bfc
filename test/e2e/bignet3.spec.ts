import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';
import { openDeepWeightChainRule, openLarge } from './largeLesson';

// Issue 9, the 10 × 64 network: a weight's chain rule writes out a few of its paths at first (each one is a
// row of formula to lay out), and all of them up to 24 on request.

test('the chain rule of a deep weight writes out six paths, and the first 24 on request', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openLarge(page);
  const panel = await openDeepWeightChainRule(page);
  // a weight into layer 5 (layers 0 to 9, 64 neurons each): 64⁴ paths to the loss, one per neuron of layers 6 to 9
  const paths = 64 ** 4;
  const pathButtons = panel.getByRole('button', { name: /^Highlight path \d+ on the graph$/ });
  await expect(pathButtons).toHaveCount(6);
  await expect(panel.getByRole('heading')).toHaveText(
    `There are ${paths} paths from this weight to the loss; the first 6 are written out, and the total adds up all of them.`,
  );
  const more = (n: number) => `and ${paths - n} more paths`;
  await expect(panel.getByText(more(6))).toBeVisible();
  const formulaSize = () => panel.locator('.chain-formulas .katex *').count();
  const few = await formulaSize();
  await panel.getByRole('button', { name: 'Write out the first 24 paths' }).click();
  await expect(pathButtons).toHaveCount(24);
  await expect(panel.getByRole('heading')).toContainText('the first 24 are written out');
  await expect(panel.getByText(more(24))).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Write out the first 24 paths' })).toHaveCount(0);
  // the formula now writes out four times as many paths
  expect(await formulaSize()).toBeGreaterThan(3 * few);
  await page.screenshot({ path: '/tmp/bignet3-chain-24.png' });
  expect(errors).toEqual([]);
});
