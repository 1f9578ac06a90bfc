import { expect, test, type Page } from '@playwright/test';
import { position, waitForApp, watchErrors } from './helpers';

// The start after the first paint is a series of short tasks, not one long one: KaTeX is fetched once the app
// has started, and the chunks a first visit preloads for later (the panels, the message tables) one at a time.

/**
 * The chunks preloaded after the start: src/components/lazyPanels.tsx's panels and the Chinese messages (the
 * dialog shell is left out: the lesson picker's chunk imports it, so it comes with that one).
 */
const PRELOADED =
  /\/assets\/(NetworkPanel|NodeValuePanel|ChainRulePanel|MatrixView|LessonPickerDialog|PracticeAnswer|PracticeReport|zh-CN)-[\w-]+\.js$/;

interface Fetch {
  url: string;
  start: number;
  end: number;
  /** Wall clock when the request started and finished, ms. */
  startedAt: number;
  endedAt: number;
}

/** Every JS request of the page, with when it started and finished (in the order the browser reported them). */
function recordScripts(page: Page): Fetch[] {
  const fetches: Fetch[] = [];
  const open = new Map<string, Fetch>();
  let clock = 0; // event order: the browser reports a request's start and end in the order they happened
  page.on('request', (r) => {
    if (!r.url().endsWith('.js')) return;
    const f = { url: r.url(), start: ++clock, end: Infinity, startedAt: Date.now(), endedAt: Infinity };
    open.set(r.url(), f);
    fetches.push(f);
  });
  const done = (r: { url: () => string }) => {
    const f = open.get(r.url());
    if (f) {
      f.end = ++clock;
      f.endedAt = Date.now();
    }
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return fetches;
}

test('a first visit preloads the panels and the message tables one at a time, after KaTeX, once the page is quiet', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const fetches = recordScripts(page);
  await page.goto('/');
  await waitForApp(page);
  // every preloaded chunk arrives (the first once the page has been quiet for 2 s, then one per idle period)
  await expect
    .poll(() => fetches.filter((f) => PRELOADED.test(f.url) && f.end < Infinity).length, { timeout: 20_000 })
    .toBe(8);
  const katex = fetches.find((f) => /\/assets\/katex-[\w-]+\.js$/.test(f.url))!;
  const preloaded = fetches.filter((f) => PRELOADED.test(f.url)).sort((a, b) => a.start - b.start);
  const name = (f: Fetch) => f.url.replace(/.*\/assets\//, '');
  // KaTeX first (the formulas of the steps beside the first one wait for it), then the rest, each chunk asked
  // for only once the one before it has arrived: never a burst of modules evaluated in one task
  expect(preloaded[0].start, name(preloaded[0])).toBeGreaterThan(katex.end);
  // none in the first seconds: the page was quiet for 2 s after KaTeX arrived (and its formulas were typeset)
  expect(preloaded[0].startedAt - katex.endedAt).toBeGreaterThanOrEqual(2000);
  for (let i = 1; i < preloaded.length; i++)
    expect(preloaded[i].start, `${name(preloaded[i])} after ${name(preloaded[i - 1])}`).toBeGreaterThan(
      preloaded[i - 1].end,
    );
  // the page works all along: the next step's formulas typeset with KaTeX, in a page already prepared
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('position')).toContainText('Step 2 /');
  await expect(page.locator('.formula-page.is-current .tex-pending')).toHaveCount(0);
  expect(await position(page)).toContain('Step 2 /');
  expect(errors).toEqual([]);
});
