import { expect, test, type Page } from '@playwright/test';
import { traceVisit, type TraceEvent } from '../../scripts/traceVisit';
import { waitForApp, watchErrors } from './helpers';

// A phone's first visit: the formula panel is below the first screen, and its pages (about a thousand KaTeX
// elements each) are skipped by content-visibility (formula.css) until they come on screen. Before, they were
// laid out and painted as the page's HTML finished arriving, as each KaTeX font arrived, and by the formulas'
// fitting: tasks of 10–25 ms CPU after the first paint, each counted four times over by Lighthouse.

test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

/** A layout in the trace: how many objects it laid out. */
const dirtyObjects = (e: TraceEvent) =>
  Number((e.args as { beginData?: { dirtyObjects?: number } } | undefined)?.beginData?.dirtyObjects ?? 0);

/** The objects of every layout after the first contentful paint of a first visit, in order. */
async function layoutsAfterPaint(page: Page): Promise<number[]> {
  const { events, nav } = await traceVisit(
    page,
    'blink.user_timing,loading,devtools.timeline,disabled-by-default-devtools.timeline',
    async () => {
      await page.goto('/');
      await waitForApp(page);
      await page.waitForTimeout(2000); // KaTeX, its fonts, the panels' chunks
    },
  );
  expect(nav, 'the navigation in the trace').toBeDefined();
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav!.pid);
  expect(fcp, 'the first contentful paint in the trace').toBeDefined();
  return events
    .filter((e) => e.pid === nav!.pid && e.tid === nav!.tid && e.name === 'Layout' && e.ts > fcp!.ts)
    .sort((a, b) => a.ts - b.ts)
    .map(dirtyObjects);
}

/** What the current formula page shows, and whether its formulas are rendered. */
const currentPage = (page: Page) =>
  page.locator('.formula-page.is-current').evaluate((p) => ({
    html: p.innerHTML,
    rendered: [...p.querySelectorAll<HTMLElement>('.tex')].map((t) =>
      t.checkVisibility({ contentVisibilityAuto: true }),
    ),
    fits: [...p.querySelectorAll<HTMLElement>('.tex')].map((t) => t.dataset.fit ?? '1'),
  }));

test('a phone’s first visit never lays out the whole page again after the first paint', async ({ page }) => {
  const errors = watchErrors(page);
  const layouts = await layoutsAfterPaint(page);
  // the formula pages held ~1,100 of the page's ~1,250 laid-out objects: the old build laid out 1,091–1,534
  // objects in each of 4–6 layouts after the first paint; without them the largest is the first screen's
  expect(layouts.length).toBeGreaterThan(0);
  expect(Math.max(...layouts)).toBeLessThan(600);
  expect(errors).toEqual([]);
});

test('the formula pages below a phone’s first screen are skipped until scrolled to, then shown fitted and unchanged', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForApp(page);
  await page.waitForTimeout(1000);
  const below = await currentPage(page);
  expect(below.rendered.length).toBeGreaterThan(10);
  expect(below.rendered.every((r) => !r)).toBe(true);
  await page.locator('.formula-panel').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await currentPage(page)).rendered.every(Boolean)).toBe(true);
  // fitted once on screen: every formula of the first step fits a phone's row at full size, as before
  const shown = await currentPage(page);
  expect(shown.fits.every((f) => f === '1')).toBe(true);
  expect(shown.html).toBe(below.html);
  // and drawn: the result row's formula has a real box, inside the panel
  const box = await page.getByTestId('formula-result').boundingBox();
  expect(box!.width).toBeGreaterThan(50);
  expect(box!.x + box!.width).toBeLessThanOrEqual(412);
  expect(errors).toEqual([]);
});

test('on a wide screen the formula pages are rendered at once', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto('/');
  await waitForApp(page);
  await expect.poll(async () => (await currentPage(page)).rendered.every(Boolean)).toBe(true);
  await context.close();
});
