import { expect, test, type Browser, type Page } from '@playwright/test';
import { waitForApp, watchErrors } from './helpers';

// The first screen paints from the HTML alone: the app's scripts and KaTeX's font files are fetched only once
// it has painted (scripts/prerender-plugin.ts, startAfterFirstPaint), and the prerendered formulas draw their
// characters from small font subsets inlined in the page (scripts/fontSubset.ts), so they show at the first
// paint, in their own glyphs, whether or not a font file ever arrives.

const viewport = { width: 1280, height: 800 };

/** The first formula of the step on screen. */
const FIRST_FORMULA = '.formula-panel .formula-page.is-current .katex-html';

test('nothing but the page itself is fetched before the first contentful paint; the app starts after it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForApp(page);
  const { fcp, fetched } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    fetched: performance
      .getEntriesByType('resource')
      .map((r) => ({ file: r.name.replace(/.*\//, ''), start: r.startTime })),
  }));
  expect(fcp).toBeGreaterThan(0);
  const scripts = fetched.filter((f) => /\.js$/.test(f.file));
  const fonts = fetched.filter((f) => /^KaTeX_.*\.woff2$/.test(f.file));
  expect(scripts.map((s) => s.file)).toEqual(expect.arrayContaining([expect.stringMatching(/^index-/)]));
  for (const f of [...scripts, ...fonts]) expect(f.start, f.file).toBeGreaterThanOrEqual(fcp!);
  // the whole fonts are still fetched (at low priority, after the paint) for the other steps' formulas
  expect(fonts.map((f) => f.file)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^KaTeX_Main-Regular-/),
      expect.stringMatching(/^KaTeX_Math-Italic-/),
    ]),
  );
  // the offline copy is still set up, though the script may run after the load event
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined))
    .toBe(true);
  expect(errors).toEqual([]);
});

/** A screenshot of the first formula in a fresh page, KaTeX's font files blocked or the page's subsets cut. */
async function firstFormula(browser: Browser, how: 'as built' | 'no font files' | 'no subsets') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requested: string[] = [];
  if (how === 'no font files')
    await page.route(/\/KaTeX_[\w-]+\.(woff2?|ttf)$/, (route) => {
      requested.push(route.request().url());
      return route.abort();
    });
  if (how === 'no subsets')
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/@font-face\{[^}]*unicode-range[^}]*\}/g, '');
        await route.fulfill({ response, body });
      },
    );
  await page.goto('/');
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300); // fitted to its row, fonts in
  const shot = await page
    .locator(FIRST_FORMULA)
    .first()
    .screenshot({ path: `/tmp/firstpaint3-formula-${how.replace(/ /g, '-')}.png` });
  const subsets = await page.evaluate(
    () => [...document.fonts].filter((f) => f.unicodeRange !== 'U+0-10FFFF').length,
  );
  await context.close();
  return { shot, subsets, requested };
}

/** The share of pixels of two same-sized PNG screenshots that differ by more than a quarter of the range. */
async function differing(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let n = 0;
      for (let i = 0; i < x.data.length; i += 4)
        if ([0, 1, 2].some((c) => Math.abs(x.data[i + c] - y.data[i + c]) > 64)) n++;
      return n / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

test('the first formula is drawn in its own glyphs without any font file, as with the whole fonts', async ({
  browser,
  page,
}) => {
  const built = await firstFormula(browser, 'as built');
  expect(built.subsets).toBeGreaterThanOrEqual(2); // KaTeX_Main's and KaTeX_Math's characters
  const blocked = await firstFormula(browser, 'no font files');
  expect(blocked.requested.length).toBeGreaterThan(0); // the files were asked for, and never came
  // not a fallback font: the very pixels of the page whose font files have arrived
  expect(blocked.shot.equals(built.shot)).toBe(true);
  // and the subsets' glyphs are the whole fonts' glyphs: the formula drawn from the font files alone differs
  // only in a few edge pixels' antialiasing (a subset font is rasterised apart from the whole one)
  const whole = await firstFormula(browser, 'no subsets');
  expect(whole.subsets).toBe(0);
  expect(await differing(page, whole.shot, built.shot)).toBeLessThan(0.01);
});
