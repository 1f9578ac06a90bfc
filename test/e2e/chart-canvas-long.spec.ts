import { expect, test, type Locator, type Page } from '@playwright/test';
import { irisSplit } from '../../src/data';
import { train } from '../../src/engine/training';
import { iris } from '../../src/lessons/iris';
import { openApp, watchErrors } from './helpers';

// A history of 2,001 epochs on the accuracy chart's canvas, at a device pixel ratio of 2: the canvas has the
// chart's size in device pixels, its line lies where the chart's own scale puts the values (the x axis ending
// within a pixel past the last epoch, in steps of a power of two), the keyboard read-out gives exact values, and
// the picture follows a narrower window and the projector theme.

const EPOCHS = 2001;
/** The run computed here, independently of the page (the engine's train, the lesson's split and seed). */
const expected = train(iris, irisSplit(1), { epochs: EPOCHS, batchSize: 1, seed: 1 }).history;
const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
const CHART = 'Accuracy per epoch';

test.use({ deviceScaleFactor: 2 });

/** Within ±r CSS pixels of (x, y) in the chart's units: the most opaque pixel of the canvas, as [r, g, b, a]. */
async function inkNear(figure: Locator, x: number, y: number, r = 2): Promise<number[]> {
  return figure.evaluate(
    (f, [x, y, r]) => {
      const source = f.querySelector('canvas')!;
      // read through a copy: a worker may draw the canvas (on its offscreen twin)
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      canvas.getContext('2d')!.drawImage(source, 0, 0);
      const svg = f.querySelector('svg')!;
      const sx = canvas.width / svg.viewBox.baseVal.width;
      const sy = canvas.height / svg.viewBox.baseVal.height;
      const half = Math.ceil(r * sx);
      const data = canvas
        .getContext('2d')!
        .getImageData(Math.round(x * sx) - half, Math.round(y * sy) - half, 2 * half + 1, 2 * half + 1).data;
      let best = [0, 0, 0, 0];
      for (let k = 0; k < data.length; k += 4) if (data[k + 3] > best[3]) best = [...data.slice(k, k + 4)];
      return best;
    },
    [x, y, r],
  );
}

/**
 * The chart's scale as its SVG shows it: x from its axis line, over epochs 1 … the axis' end (the last epoch
 * rounded up to a multiple of the largest power of two not above the epochs a pixel spans, when that is 2 or
 * more); y from its 0% and 100% ticks.
 */
async function scaleOf(figure: Locator) {
  const s = await figure.evaluate((f) => {
    const axis = f.querySelector('[data-testid="x-axis"] > line')!;
    const ticks = [...f.querySelectorAll('[data-testid="y-axis"] .tick')].map((t) => ({
      label: t.querySelector('text')!.textContent,
      at: Number(/translate\([\d.]+,([\d.]+)\)/.exec(t.getAttribute('transform')!)![1]),
    }));
    const canvas = f.querySelector('canvas')!;
    const svg = f.querySelector('svg')!;
    return {
      x0: Number(axis.getAttribute('x1')),
      x1: Number(axis.getAttribute('x2')),
      y0: ticks.find((t) => t.label === '0%')!.at,
      y1: ticks.find((t) => t.label === '100%')!.at,
      viewBox: svg.viewBox.baseVal.width,
      cssWidth: svg.getBoundingClientRect().width,
      canvasCss: canvas.getBoundingClientRect().width,
      canvasWidth: canvas.width,
      canvasHeight: canvas.height,
      viewBoxHeight: svg.viewBox.baseVal.height,
    };
  });
  const perPixel = (EPOCHS - 1) / (s.x1 - s.x0);
  const step = perPixel >= 2 ? 2 ** Math.floor(Math.log2(perPixel)) : 1;
  const end = Math.ceil(EPOCHS / step) * step;
  return {
    ...s,
    end,
    px: (epoch: number) => s.x0 + ((epoch - 1) / (end - 1)) * (s.x1 - s.x0),
    py: (v: number) => s.y0 + v * (s.y1 - s.y0),
  };
}

/** Ink at each epoch's training accuracy, none at the height farthest from both series around it. */
async function expectLine(figure: Locator, scale: Awaited<ReturnType<typeof scaleOf>>) {
  for (const epoch of [2, 500, 1001, 1500, 1999, EPOCHS]) {
    const v = expected[epoch - 1].trainAccuracy;
    expect((await inkNear(figure, scale.px(epoch), scale.py(v)))[3], `ink at epoch ${epoch}`).toBeGreaterThan(
      128,
    );
    // a pixel spans about 5 epochs: nothing within 2 px of the height farthest from every value around
    const near = expected
      .slice(Math.max(0, epoch - 12), epoch + 11)
      .flatMap((h) => [h.trainAccuracy, h.validationAccuracy ?? NaN]);
    const away = (w: number) => Math.min(...near.map((u) => Math.abs(u - w)));
    const blank = Array.from({ length: 19 }, (_, k) => 0.05 * (k + 1)).reduce((a, w) =>
      away(w) > away(a) ? w : a,
    );
    if (away(blank) < 0.08) continue;
    expect((await inkNear(figure, scale.px(epoch), scale.py(blank)))[3], `blank at epoch ${epoch}`).toBe(0);
  }
}

async function stroke(figure: Locator): Promise<number[]> {
  const s = await figure
    .locator('[data-series="trainAccuracy"] path')
    .evaluate((p) => getComputedStyle(p).stroke);
  return /rgb\((\d+), (\d+), (\d+)\)/.exec(s)!.slice(1).map(Number);
}

async function openIris(page: Page) {
  await openApp(page, '/', null);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('dialog', { name: 'Choose a lesson' }).getByRole('button', { name: /Iris/ }).click();
  await expect(page.getByRole('radio', { name: 'Train' })).toBeChecked();
}

test('2,001 epochs on the canvas at a pixel ratio of 2, read out from the keyboard, after a resize and in the projector theme', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openIris(page);
  await page.getByLabel('Epochs to run').fill(String(EPOCHS));
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText(/^Epoch 2,?001$/, { timeout: 150_000 });
  await expect(page.getByRole('button', { name: 'Start training' })).toBeVisible();
  const figure = page.locator(`figure:has(svg[aria-label="${CHART}"])`);
  await expect(figure.locator('canvas')).toHaveCount(1);

  let scale = await scaleOf(figure);
  // the canvas covers the SVG, at twice its CSS pixels
  expect(scale.canvasCss).toBeCloseTo(scale.cssWidth, 0);
  expect(scale.canvasWidth).toBe(Math.round(scale.viewBox * 2));
  expect(scale.canvasHeight).toBe(Math.round(scale.viewBoxHeight * 2));
  // the axis ends at most a pixel past the last epoch
  expect(scale.end).toBeGreaterThan(EPOCHS);
  expect(scale.px(EPOCHS)).toBeGreaterThan(scale.x1 - 1);
  // the series' last point is there, a fraction of a pixel before the axis' end
  const dot = Number(await figure.locator('[data-series="trainAccuracy"] circle.last').getAttribute('cx'));
  expect(dot).toBeCloseTo(scale.px(EPOCHS), 6);
  expect(dot).toBeLessThan(scale.x1 - 0.1);
  await expectLine(figure, scale);
  const [r, g, b] = await stroke(figure);
  const last = expected[EPOCHS - 1];
  const end = await inkNear(figure, scale.px(EPOCHS) - 1, scale.py(last.trainAccuracy), 1);
  expect(Math.abs(end[0] - r) + Math.abs(end[1] - g) + Math.abs(end[2] - b)).toBeLessThan(60);

  // the keyboard: focus reads out the last epoch, Home the first, Page Down a tenth back from the end
  const svg = figure.locator('svg[role="img"]');
  const readout = figure.getByTestId('chart-readout');
  const line = (epoch: number) => {
    const h = expected[epoch - 1];
    return `Epoch ${epoch} · Training accuracy ${percent(h.trainAccuracy)} · Validation accuracy ${percent(h.validationAccuracy!)}`;
  };
  await svg.focus();
  await expect(readout).toHaveText(line(EPOCHS));
  await page.keyboard.press('Home');
  await expect(readout).toHaveText(line(1));
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await expect(readout).toHaveText(line(EPOCHS - 200));
  // the pointer over epoch 1,001's x
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + (scale.px(1001) / scale.viewBox) * box.width, box.y + box.height / 2);
  await expect(readout).toHaveText(line(1001));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: '/tmp/train3-train-1280.png', fullPage: true });
  await figure.screenshot({ path: '/tmp/train3-accuracy-2000-dpr2.png' });

  // a phone's width: the chart narrower, the canvas drawn again at its new size along its new scale
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(async () => (await scaleOf(figure)).viewBox).toBeLessThan(scale.viewBox);
  await expect
    .poll(async () => {
      const s = await scaleOf(figure);
      return s.canvasWidth === Math.round(s.viewBox * 2);
    })
    .toBe(true);
  scale = await scaleOf(figure);
  expect(scale.canvasCss).toBeCloseTo(scale.cssWidth, 0);
  await expectLine(figure, scale);
  await page.screenshot({ path: '/tmp/train3-train-390.png', fullPage: true });

  // the projector theme: the canvas in the SVG stroke's new colour
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel('Theme').selectOption({ label: 'Projector theme' });
  await expect.poll(async () => (await stroke(figure)).join()).not.toBe([r, g, b].join());
  const [r2, g2, b2] = await stroke(figure);
  await expect
    .poll(async () => {
      const s = await scaleOf(figure);
      const [r3, g3, b3] = await inkNear(figure, s.px(EPOCHS) - 1, s.py(last.trainAccuracy), 1);
      return Math.abs(r3 - r2) + Math.abs(g3 - g2) + Math.abs(b3 - b2);
    })
    .toBeLessThan(60);
  await expectLine(figure, await scaleOf(figure));
  await page.screenshot({ path: '/tmp/train3-train-projector.png', fullPage: true });
  expect(errors).toEqual([]);
});
