import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';
import { largeLesson, openLarge } from './largeLesson';

/** Weights and biases of the 10 × 64 lesson, counted from its matrices: one edge each on the graph. */
const EDGES =
  largeLesson.weights.reduce((n, w) => n + w.length * w[0].length, 0) +
  largeLesson.biases!.reduce((n, b) => n + b.length, 0);

test('10 × 64: the graph exported as SVG and PNG holds the edges drawn on the canvas', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openLarge(page);
  await expect(page.getByTestId('edge-canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export graph as SVG' }).click(),
  ]);
  const text = await readFile((await file.path())!, 'utf8');
  const check = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const paths = [...doc.getElementsByTagName('path')];
    // the canvas's edges: unfilled paths of straight segments, one "M…L…" per edge
    const edgePaths = paths.filter((p) => /^M[\d.-]+ [\d.-]+L/.test(p.getAttribute('d') ?? ''));
    const segments = edgePaths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g)?.length ?? 0), 0);
    const strokes = new Set(edgePaths.map((p) => /stroke:([^;]+)/.exec(p.getAttribute('style') ?? '')?.[1]));
    const viewBox = doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number);
    const inside = edgePaths.every((p) =>
      [...p.getAttribute('d')!.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].every(
        ([, x, y]) =>
          +x >= viewBox[0] - 1 &&
          +x <= viewBox[0] + viewBox[2] + 1 &&
          +y >= viewBox[1] - 1 &&
          +y <= viewBox[1] + viewBox[3] + 1,
      ),
    );
    return {
      error: doc.getElementsByTagName('parsererror').length,
      segments,
      strokes: [...strokes],
      inside,
      neurons: doc.getElementsByTagName('circle').length,
    };
  }, text);
  expect(check.error).toBe(0);
  expect(EDGES).toBe(9 * 64 * 64 + 9 * 64);
  expect(check.segments).toBe(EDGES);
  expect(check.inside).toBe(true);
  // positive and negative weights keep their two colours
  expect(check.strokes.length).toBeGreaterThanOrEqual(2);
  expect(check.neurons).toBeGreaterThanOrEqual(640);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export graph as PNG' }).click(),
  ]);
  const bytes = await readFile((await png.path())!);
  await writeFile('/tmp/export-large.png', bytes);
  await page.keyboard.press('Escape');
  // the edges are in the picture: most of its pixels between the columns are not the background's
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    // a horizontal strip through the middle: the background's colour is its first pixel
    const y = Math.round(img.height / 2);
    const row = ctx.getImageData(0, y, img.width, 1).data;
    const bg = [row[0], row[1], row[2]];
    let differ = 0;
    for (let i = 0; i < row.length; i += 4)
      if (Math.abs(row[i] - bg[0]) + Math.abs(row[i + 1] - bg[1]) + Math.abs(row[i + 2] - bg[2]) > 30)
        differ++;
    return differ / img.width;
  }, bytes.toString('base64'));
  expect(inked).toBeGreaterThan(0.3);
  expect(errors).toEqual([]);
});
