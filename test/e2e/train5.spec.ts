import { expect, test } from '@playwright/test';
import { irisSplit } from '../../src/data';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';
import { openIris } from './trainHelpers';

// The Train charts' long series are drawn by a worker on the canvas's offscreen twin (the page's thread only
// hands over the points), decimated to no more points than the plot has pixel columns.

const EPOCHS = 1500;
const expected = train(iris, irisSplit(1), { epochs: EPOCHS, batchSize: 1, seed: 1 }).history;

test('a long history is drawn off the page’s thread, at most one point per pixel column, ending at the last value', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  await openIris(page);
  await page.getByLabel('Epochs to run').fill(String(EPOCHS));
  await page.getByLabel('Training speed').selectOption({ label: 'As fast as possible' });
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(`Epoch ${EPOCHS}`, { timeout: 150_000 });
  await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible();
  const figure = page.locator('figure:has(svg[aria-label="Accuracy per epoch"])');
  await expect(figure.locator('canvas')).toHaveCount(1);

  const seen = await figure.evaluate((f) => {
    const canvas = f.querySelector('canvas')!;
    // a canvas handed to a worker has no context on the page
    let handed = false;
    try {
      canvas.getContext('2d');
    } catch (e) {
      handed = (e as Error).name === 'InvalidStateError';
    }
    const svg = f.querySelector('svg')!;
    const axis = f.querySelector('[data-testid="x-axis"] > line')!;
    const plot = Number(axis.getAttribute('x2')) - Number(axis.getAttribute('x1'));
    const points = [...f.querySelectorAll<SVGGElement>('g.series')].map((g) => Number(g.dataset.points));
    const dot = f.querySelector('[data-series="trainAccuracy"] circle.last')!;
    return {
      handed,
      plot,
      points,
      width: canvas.width,
      viewBox: svg.viewBox.baseVal.width,
      last: [Number(dot.getAttribute('cx')), Number(dot.getAttribute('cy'))],
      ticks: [...f.querySelectorAll('[data-testid="y-axis"] .tick')].map((t) => ({
        label: t.querySelector('text')!.textContent,
        at: Number(/translate\([\d.]+,([\d.]+)\)/.exec(t.getAttribute('transform')!)![1]),
      })),
    };
  });
  expect(seen.handed).toBe(true);
  expect(seen.width).toBe(Math.round(seen.viewBox));
  // 1,500 epochs over about 400 pixel columns: decimated to no more points than columns
  expect(seen.points).toHaveLength(2);
  for (const n of seen.points) {
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThanOrEqual(seen.plot);
  }
  // the last point at the last epoch's training accuracy on the chart's own y scale
  const y0 = seen.ticks.find((t) => t.label === '0%')!.at;
  const y1 = seen.ticks.find((t) => t.label === '100%')!.at;
  const v = expected[EPOCHS - 1].trainAccuracy;
  expect(seen.last[1]).toBeCloseTo(y0 + v * (y1 - y0), 6);
  // the worker's picture has the line's ink there, in the series' colour (read through a page-drawn copy)
  const stroke = await figure
    .locator('[data-series="trainAccuracy"] path')
    .evaluate((p) => getComputedStyle(p).stroke);
  const [r, g, b] = /rgb\((\d+), (\d+), (\d+)\)/.exec(stroke)!.slice(1).map(Number);
  // (the worker may commit its last picture a frame after the page's)
  const inkAt = ([x, y]: number[]) =>
    figure.evaluate(
      (f, [x, y]) => {
        const source = f.querySelector('canvas')!;
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const ctx = copy.getContext('2d')!;
        ctx.drawImage(source, 0, 0);
        const d = ctx.getImageData(Math.round(x) - 2, Math.round(y) - 1, 3, 3).data;
        let best = [0, 0, 0, 0];
        for (let k = 0; k < d.length; k += 4) if (d[k + 3] > best[3]) best = [...d.slice(k, k + 4)];
        return best;
      },
      [x, y],
    );
  await expect.poll(async () => (await inkAt(seen.last))[3]).toBeGreaterThan(128);
  const ink = await inkAt(seen.last);
  expect(ink[3]).toBeGreaterThan(128);
  expect(Math.abs(ink[0] - r) + Math.abs(ink[1] - g) + Math.abs(ink[2] - b)).toBeLessThan(60);
  await figure.screenshot({ path: '/tmp/train5-accuracy.png' });
  expect(errors).toEqual([]);
});
