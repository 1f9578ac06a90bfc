import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';
import { largeLesson as lesson, openLarge } from './largeLesson';

/**
 * The largest network the format allows, 10 layers × 64 neurons (37,440 weights and biases). Its edges beneath
 * are drawn on a canvas; the pointer still finds each one. The timings themselves are in the benchmark
 * (scripts/bench-ui-large.ts), not here.
 */
/** The centre of a neuron on screen. */
async function centre(page: Page, id: string) {
  const r = (await page.locator(`[data-id="${id}"] circle`).first().boundingBox())!;
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** A point a third of the way along the edge from neuron `from` of layer l − 1 to neuron `to` of layer l. */
async function pointOnEdge(page: Page, l: number, to: number, from: number) {
  const a = await centre(page, `n:${l - 1}:${from}`);
  const b = await centre(page, `n:${l}:${to}`);
  return { x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3 };
}

/** Pixels of the edge canvas that are not transparent (read through a copy: a worker may draw the canvas). */
function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('edge-canvas').evaluate((c: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = c.clientWidth;
    copy.height = c.clientHeight;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0, copy.width, copy.height);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

test('a 10 × 64 network draws its edges on a canvas, and a click on an edge opens that weight', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openLarge(page);
  await expect(page.getByTestId('edge-canvas')).toBeVisible();
  expect(await page.locator('.graph-edge').count()).toBe(0);
  // the canvas is painted (by a worker, on its offscreen twin): some pixel of it is not transparent
  await expect.poll(() => paintedPixels(page), { timeout: 30_000 }).toBeGreaterThan(1000);

  // A point on w⁵₃₇'s line. At this density lines a pixel apart cross there, so the pointer takes the nearest
  // one: the test checks that the edge it takes passes within a few pixels of the point, is drawn again on top
  // (with its tooltip), and is the one a click then opens.
  const at = await pointOnEdge(page, 5, 3, 7);
  await page.mouse.move(at.x, at.y);
  const hovered = page.locator('.graph-edge-copy.is-active');
  await expect(hovered).toHaveCount(1);
  const id = (await hovered.getAttribute('data-copy-of'))!;
  const [kind, l, j, k] = id.split(':');
  expect([kind, l]).toEqual(['e', '5']);
  const a = await centre(page, `n:4:${k}`);
  const b = await centre(page, `n:5:${j}`);
  // distance from the point to the line through a and b
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const distance = Math.abs(dy * (at.x - a.x) - dx * (at.y - a.y)) / Math.hypot(dx, dy);
  expect(distance).toBeLessThan(4);

  await page.mouse.click(at.x, at.y);
  const panel = page.getByTestId('chain-rule');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  // its edit field holds that weight's value (layer 5's matrix is weights[4], row j, column k)
  await expect
    .poll(async () => Number(await panel.getByRole('textbox').inputValue()), { timeout: 10_000 })
    .toBeCloseTo(lesson.weights[4][Number(j)][Number(k)], 3);
  expect(errors).toEqual([]);
});
