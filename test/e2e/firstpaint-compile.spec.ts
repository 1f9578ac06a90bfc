import { expect, test, type Page } from '@playwright/test';
import { COMPILE_ALL } from '../../scripts/compileHints-plugin';
import { traceVisit } from '../../scripts/traceVisit';
import { waitForApp, watchErrors } from './helpers';

// The JS of the first load and KaTeX are marked for eager compilation (scripts/compileHints-plugin.ts): V8
// compiles their functions with the file, on a background thread, instead of one by one on the main thread when
// they are first called, inside the start's tasks (the old build compiled about 1,400 functions there before
// it was ready).

test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

/** The functions compiled on the main thread of a first visit until the app is ready. */
async function mainThreadCompiles(page: Page): Promise<number> {
  const { events, nav } = await traceVisit(
    page,
    'blink.user_timing,loading,devtools.timeline,disabled-by-default-v8.compile',
    async () => {
      await page.goto('/');
      await waitForApp(page);
    },
  );
  expect(nav, 'the navigation in the trace').toBeDefined();
  return events.filter((e) => e.pid === nav!.pid && e.tid === nav!.tid && e.name === 'V8.CompileCode').length;
}

test('the scripts of the first load and KaTeX open with the compile hint, the panels’ chunks do not', async ({
  page,
}) => {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.url().endsWith('.js') && r.url().includes('/assets/')) scripts.add(r.url());
  });
  const opens = async (url: string) =>
    (await (await page.request.get(url)).text()).startsWith(`${COMPILE_ALL}\n`);
  await page.goto('/');
  await waitForApp(page);
  const first = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src),
  );
  expect(first.length).toBe(2); // the runtime and the entry
  for (const url of first) expect(await opens(url), url).toBe(true);
  await page.getByRole('button', { name: 'Next step' }).first().click(); // KaTeX and the panels, in time
  await page.waitForTimeout(2500);
  const later = [...scripts.keys()].filter((url) => !first.includes(url));
  const katex = later.filter((url) => /\/katex-[\w-]+\.js$/.test(url));
  expect(katex.length).toBe(1);
  expect(await opens(katex[0])).toBe(true);
  const others = later.filter((url) => !katex.includes(url));
  expect(others.length).toBeGreaterThan(0);
  for (const url of others) expect(await opens(url), url).toBe(false);
});

test('a phone’s first visit compiles few functions on the main thread before the app is ready', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const compiles = await mainThreadCompiles(page);
  // the old build: 1,400–1,550; now those of the chunks not marked (persistence, the panels): under 100
  expect(compiles).toBeGreaterThan(0);
  expect(compiles).toBeLessThan(400);
  expect(errors).toEqual([]);
});
