import { expect, test, type Page } from '@playwright/test';
import { irisSplit } from '../../src/data';
import type { Lesson } from '../../src/engine';
import { createRng, shuffled } from '../../src/engine/rng';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';
import { openIris, oneEpoch } from './trainHelpers';

// Undo and redo across the hand-overs between the Train view and the step view: the one loss history never counts
// an iteration twice, and the run goes on from where the undone state had it.

const lossPoints = (page: Page) =>
  page.locator('figure:has(svg[aria-label="Loss per epoch"]) [data-series="trainLoss"]');
const iteration = (page: Page) => page.getByTestId('iteration');
const toStep = (page: Page) => page.getByRole('radio', { name: 'Step by step' }).check();
const toTrain = (page: Page) => page.getByRole('radio', { name: 'Train' }).check();

/** Training loss of each epoch for: one epoch, one Next iteration on the lesson's flower, one more epoch. */
function reference(): number[] {
  const split = irisSplit(1);
  const rng = createRng(1);
  const indices = split.train.map((_, i) => i);
  const perms = [shuffled(indices, rng), shuffled(indices, rng)];
  const sgd = (weights: Pick<Lesson, 'weights' | 'biases'>, samples: typeof split.train) =>
    train({ ...iris, ...weights }, { train: samples }, { epochs: 1, shuffle: false, batchSize: 1 });
  const e1 = sgd(
    iris,
    perms[0].map((i) => split.train[i]),
  );
  const n = sgd(e1, [iris.sample]);
  const e2 = sgd(
    n,
    perms[1].map((i) => split.train[i]),
  );
  return [e1.history[0].trainLoss, e2.history[0].trainLoss];
}

const shownLoss = async (page: Page) =>
  Number(/([\d.]+)/.exec((await page.getByTestId('train-loss').textContent()) ?? '')?.[1]);

test('undoing a Next iteration after it was handed to the run does not count it twice', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await oneEpoch(page, 1);
  await toStep(page);
  await expect(iteration(page)).toHaveText(/^Iteration 131:/);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect(iteration(page)).toHaveText(/^Iteration 132:/);
  // the run takes the iteration, then the step view shows it again (nothing to take back)
  await toTrain(page);
  await expect(lossPoints(page)).toHaveAttribute('data-points', '2');
  await toStep(page);
  await expect(iteration(page)).toHaveText(/^Iteration 132:/);
  // undo the iteration and take it again: still one epoch and one iteration, never two iterations
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(iteration(page)).toHaveText(/^Iteration 131:/);
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect(iteration(page)).toHaveText(/^Iteration 132:/);
  await toTrain(page);
  await expect(lossPoints(page)).toHaveAttribute('data-points', '2');
  // the run went on from the lesson's weights after 131 updates: its next epoch is the reference's
  await oneEpoch(page, 2);
  await expect(lossPoints(page)).toHaveAttribute('data-points', '3');
  const [e1, e2] = reference();
  expect(Math.abs((await shownLoss(page)) - e2) / e2).toBeLessThan(1e-3);
  await toStep(page);
  await expect(iteration(page)).toHaveText(/^Iteration 262:/);
  await expect(
    page.locator('figure:has(svg[aria-label="Loss per iteration"]) [data-series="loss"]'),
  ).toHaveAttribute('data-points', '3');
  expect(e1).toBeGreaterThan(e2);
  expect(errors).toEqual([]);
});

test('undoing the step view’s taking of the run goes back to the Train view; the run goes on from there', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await oneEpoch(page, 1);
  await page.getByRole('button', { name: 'One sample' }).click();
  await toStep(page);
  await expect(iteration(page)).toHaveText(/^Iteration 132:/);
  // undo: the Train view, the run where it stood (one epoch and a sample), the lesson's weights back
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 1');
  await expect(lossPoints(page)).toHaveAttribute('data-points', '1');
  // redo: the step view with the run's weights again
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('radio', { name: 'Step by step' })).toBeChecked();
  await expect(iteration(page)).toHaveText(/^Iteration 132:/);
  // undo again, train on in the Train view: the worker went back to epoch 1 and one sample, 259 updates later
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
  await oneEpoch(page, 2);
  await expect(lossPoints(page)).toHaveAttribute('data-points', '2');
  await toStep(page);
  await expect(iteration(page)).toHaveText(/^Iteration 261:/);
  await page.screenshot({ path: '/tmp/train-undo.png' });
  expect(errors).toEqual([]);
});
