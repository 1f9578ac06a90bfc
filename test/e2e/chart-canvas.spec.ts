import { expect, test, type Page } from '@playwright/test';
import { irisSplit } from '../../src/data';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';

// A long training history (over 500 epochs) is drawn on a canvas under the chart's SVG: its pixels lie where the
// chart's own scale puts the values, and the read-out still gives the exact values of the last epoch.

const EPOCHS = 600;
/** The run computed here, independently of the page (the engine's train, the lesson's split and seed). */
const expected = train(iris, irisSplit(1), { epochs: EPOCHS, batchSize: 1, seed: 1 }).history;
const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** Within ±r CSS pixels of (x, y) in the chart's units: the most opaque pixel of the canvas, as [r, g, b, a]. */
async function inkNear(page: Page, chart: string, x: number, y: number, r = 2): Promise<number[]> {
  return page.locator(`figure:has(svg[aria-label="${chart}"])`).evaluate(
    (figure, [x, y, r]) => {
      const source = figure.querySelector('canvas')!;
      // read through a copy: a worker may draw the canvas (on its offscreen twin)
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      canvas.getContext('2d')!.drawImage(source, 0, 0);
      const svg = figure.querySelector('svg')!;
      const scale = canvas.width / svg.viewBox.baseVal.width;
      const ratio = canvas.width / source.clientWidth;
      const half = Math.ceil(r * ratio);
      const cx = Math.round(x * scale);
      const cy = Math.round(y * (canvas.height / svg.viewBox.baseVal.height));
      const data = canvas
        .getContext('2d')!
        .getImageData(cx - half, cy - half, 2 * half + 1, 2 * half + 1).data;
      let best = [0, 0, 0, 0];
      for (let k = 0; k < data.length; k += 4) if (data[k + 3] > best[3]) best = [...data.slice(k, k + 4)];
      return best;
    },
    [x, y, r],
  );
}

test('600 epochs of Iris are drawn on a canvas along the chart’s scale, and the read-out gives the last values', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('dialog', { name: 'Choose a lesson' }).getByRole('button', { name: /Iris/ }).click();
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
  const chart = 'Accuracy per epoch';
  const figure = page.locator(`figure:has(svg[aria-label="${chart}"])`);
  // a short history stays an SVG path
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('Epoch 1');
  await expect(figure.locator('canvas')).toHaveCount(0);
  await expect(figure.locator('[data-series="trainAccuracy"] path')).toHaveAttribute(
    'd',
    /^M[\d.]+,[\d.]+Z?$/,
  );

  await page.getByLabel('Epochs to run').fill(String(EPOCHS));
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(`Epoch ${EPOCHS}`, { timeout: 150_000 });
  await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible();
  await expect(figure.locator('canvas')).toHaveCount(1);
  await expect(figure.locator('[data-series="trainAccuracy"] path')).toHaveAttribute('d', '');

  // the chart's own scale: x from its axis line (epoch 1 … EPOCHS), y from its 0% and 100% ticks
  const scale = await figure.evaluate((f) => {
    const axis = f.querySelector('[data-testid="x-axis"] > line')!;
    const ticks = [...f.querySelectorAll('[data-testid="y-axis"] .tick')].map((t) => ({
      label: t.querySelector('text')!.textContent,
      at: Number(/translate\([\d.]+,([\d.]+)\)/.exec(t.getAttribute('transform')!)![1]),
    }));
    return {
      x0: Number(axis.getAttribute('x1')),
      x1: Number(axis.getAttribute('x2')),
      y0: ticks.find((t) => t.label === '0%')!.at,
      y1: ticks.find((t) => t.label === '100%')!.at,
    };
  });
  const px = (epoch: number) => scale.x0 + ((epoch - 1) / (EPOCHS - 1)) * (scale.x1 - scale.x0);
  const py = (v: number) => scale.y0 + v * (scale.y1 - scale.y0);
  const stroke = await figure
    .locator('[data-series="trainAccuracy"] path')
    .evaluate((p) => getComputedStyle(p).stroke);
  const [r, g, b] = /rgb\((\d+), (\d+), (\d+)\)/.exec(stroke)!.slice(1).map(Number);
  for (const epoch of [2, 150, 300, 451, EPOCHS]) {
    const v = expected[epoch - 1].trainAccuracy;
    const ink = await inkNear(page, chart, px(epoch), py(v));
    expect(ink[3], `ink at epoch ${epoch}`).toBeGreaterThan(128);
    // nothing drawn at the height farthest from both series' values around this epoch
    const near = expected
      .slice(Math.max(0, epoch - 4), epoch + 3)
      .flatMap((h) => [h.trainAccuracy, h.validationAccuracy ?? NaN]);
    const away = (w: number) => Math.min(...near.map((u) => Math.abs(u - w)));
    const blank = Array.from({ length: 19 }, (_, k) => 0.05 * (k + 1)).reduce((a, w) =>
      away(w) > away(a) ? w : a,
    );
    expect(away(blank)).toBeGreaterThan(0.08);
    expect((await inkNear(page, chart, px(epoch), py(blank)))[3], `blank at epoch ${epoch}`).toBe(0);
  }
  // the line at its last point in the training series' colour (no other series ends there)
  const last = expected[EPOCHS - 1];
  expect(Math.abs(last.trainAccuracy - (last.validationAccuracy ?? NaN))).toBeGreaterThan(0.01);
  const end = await inkNear(page, chart, px(EPOCHS) - 1, py(last.trainAccuracy), 1);
  expect(Math.abs(end[0] - r) + Math.abs(end[1] - g) + Math.abs(end[2] - b)).toBeLessThan(60);

  // the pointer at the last epoch's x: the exact values of the last epoch
  const box = (await figure.locator('svg').first().boundingBox())!;
  const width = await figure
    .locator('svg')
    .first()
    .evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
  await page.mouse.move(box.x + (px(EPOCHS) / width) * box.width, box.y + box.height / 2);
  await expect(figure.getByTestId('chart-readout')).toHaveText(
    `Epoch ${EPOCHS} · Training accuracy ${percent(last.trainAccuracy)} · Validation accuracy ${percent(last.validationAccuracy!)}`,
  );
  await page.screenshot({ path: '/tmp/canvas-iris-600.png', fullPage: true });
  await figure.screenshot({ path: '/tmp/canvas-accuracy-600.png' });

  // the dark theme: the canvas redrawn in its lighter blue (#56b4e9), as the SVG's stroke now is
  await page.getByLabel('Theme').selectOption({ label: 'Dark theme' });
  await expect
    .poll(() =>
      figure.locator('[data-series="trainAccuracy"] path').evaluate((p) => getComputedStyle(p).stroke),
    )
    .toBe('rgb(86, 180, 233)');
  await expect
    .poll(async () => {
      const [r2, g2, b2] = await inkNear(page, chart, px(EPOCHS) - 1, py(last.trainAccuracy), 1);
      return Math.abs(r2 - 86) + Math.abs(g2 - 180) + Math.abs(b2 - 233);
    })
    .toBeLessThan(60);
  await figure.screenshot({ path: '/tmp/canvas-accuracy-600-dark.png' });
  expect(errors).toEqual([]);
});
