import { expect, test, type Page } from '@playwright/test';
import { irisSplit } from '../../src/data';
import type { Lesson } from '../../src/engine';
import { createRng, shuffled } from '../../src/engine/rng';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { measure } from './graphText';
import { openApp, position, watchErrors } from './helpers';
import { openIris, oneEpoch } from './trainHelpers';

type Box = { x0: number; y0: number; x1: number; y1: number };

// Reset lesson takes the Train view's run back to epoch 0 with empty charts, undoably (issue 11).

const series = (page: Page, chart: string, key: string) =>
  page.locator(`figure:has(svg[aria-label="${chart}"]) [data-series="${key}"]`);
const shownLoss = async (page: Page) =>
  Number(/([\d.]+)/.exec((await page.getByTestId('train-loss').textContent()) ?? '')?.[1]);

/** Training loss of each of the first `epochs` SGD epochs of lesson 002's Iris run, with the engine's `train`. */
function referenceLosses(epochs: number): number[] {
  const split = irisSplit(1);
  const rng = createRng(1);
  const indices = split.train.map((_, i) => i);
  let params: Pick<Lesson, 'weights' | 'biases'> = iris;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const order = shuffled(indices, rng).map((i) => split.train[i]);
    const r = train({ ...iris, ...params }, { train: order }, { epochs: 1, shuffle: false, batchSize: 1 });
    params = r;
    losses.push(r.history[0].trainLoss);
  }
  return losses;
}

const close = (a: number, b: number) => Math.abs(a - b) / b < 1e-3;

test('Reset lesson empties the run (Epoch 0, empty charts); undo brings the run back and it goes on', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  const reset = page.getByRole('button', { name: 'Reset lesson' });
  await expect(reset).toBeDisabled();
  for (let e = 1; e <= 3; e++) await oneEpoch(page, e);
  await expect(series(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '3');
  await expect(series(page, 'Accuracy per epoch', 'validationAccuracy')).toHaveAttribute('data-points', '3');
  const losses = referenceLosses(4);
  expect(close(await shownLoss(page), losses[2])).toBe(true);
  await page.screenshot({ path: '/tmp/classroom-reset-before.png' });

  // the run trained only in the Train view: Reset lesson is there to take it back
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 0');
  await expect(page.getByTestId('train-loss')).toHaveText('Training loss —');
  for (const [chart, key] of [
    ['Loss per epoch', 'trainLoss'],
    ['Loss per epoch', 'validationLoss'],
    ['Accuracy per epoch', 'trainAccuracy'],
    ['Accuracy per epoch', 'validationAccuracy'],
  ])
    await expect(series(page, chart, key)).toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('train-validation-accuracy')).toHaveCount(0);
  await expect(reset).toBeDisabled();
  await page.screenshot({ path: '/tmp/classroom-reset-after.png' });

  // undo: epoch 3 and its charts again, and the next epoch is the fourth of the uninterrupted run
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 3');
  await expect(series(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '3');
  expect(close(await shownLoss(page), losses[2])).toBe(true);
  await oneEpoch(page, 4);
  await expect(series(page, 'Loss per epoch', 'trainLoss')).toHaveAttribute('data-points', '4');
  expect(close(await shownLoss(page), losses[3])).toBe(true);

  // reset again and train: the run starts from the lesson's original weights (its first epoch's loss)
  await reset.click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 0');
  await oneEpoch(page, 1);
  expect(close(await shownLoss(page), losses[0])).toBe(true);
  // and a full-speed run goes on from there
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 300', { timeout: 20_000 });
  expect(errors).toEqual([]);
});

// Presenter mode's step callout covers nothing drawn: no target, no label, no neuron (dimmed ones included),
// on every step of lesson003 and lesson004 at the projected sizes (issue 13).

const overlapBy = (a: Box, b: Box) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;
/** Whether a box reaches into a neuron's circle or stadium. */
function intoNeuron(b: Box, s: { cx: number; cy: number; rx: number; r: number }): boolean {
  const h = s.rx - s.r;
  const px = Math.min(Math.max(s.cx, b.x0), b.x1);
  const py = Math.min(Math.max(s.cy, b.y0), b.y1);
  const sx = Math.min(Math.max(px, s.cx - h), s.cx + h);
  return Math.hypot(px - sx, py - s.cy) < s.r - 0.5;
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
])
  test.describe(`presenter callout at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    for (const preset of ['lesson003', 'lesson004'])
      test(`${preset}: on every step the callout covers no target, label or neuron`, async ({ page }) => {
        test.setTimeout(240_000);
        const errors = watchErrors(page);
        await openApp(page, `/#v1&preset=${preset}&g=neuron&s=1`, null);
        await page.getByRole('button', { name: 'Present' }).click();
        await expect
          .poll(() => page.evaluate(() => document.documentElement.classList.contains('is-presenting')))
          .toBe(true);
        await page.mouse.move(0, 0);
        const total = Number(/\/\s*(\d+)/.exec(await position(page))?.[1]);
        expect(total).toBeGreaterThan(10);
        const found: string[] = [];
        let callouts = 0;
        for (let s = 1; s <= total; s++) {
          if (s > 1) {
            await page.keyboard.press('PageDown');
            await expect.poll(() => position(page)).toMatch(new RegExp(`^Step ${s} /`));
          }
          // the graph box settles (ResizeObserver) before measuring
          await page.evaluate(
            () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
          );
          const { texts, shapes, tooltip } = await measure(page);
          if (!tooltip) continue;
          callouts++;
          const before = found.length;
          for (const t of texts)
            if (t.tag === 'text' && !t.tooltip && overlapBy(t.box, tooltip))
              found.push(`step ${s}: the callout covers ${t.what}`);
          for (const n of shapes)
            if (intoNeuron(tooltip, n)) found.push(`step ${s}: the callout covers ${n.what}`);
          if (found.length > before || s === 25)
            await page.screenshot({ path: `/tmp/classroom-callout-${preset}-${size.width}-${s}.png` });
        }
        // the callout is there on steps of a single neuron or weight (where it fits)
        test.info().annotations.push({ type: 'callouts', description: `${callouts} of ${total} steps` });
        expect(callouts).toBeGreaterThan(0);
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
      });
  });
