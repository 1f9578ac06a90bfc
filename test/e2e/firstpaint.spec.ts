import { expect, test, type Page } from '@playwright/test';
import { openApp, position, texOf, waitForApp, watchErrors } from './helpers';

// The first screen is in the page's HTML (prerendered at build time) and hydration takes it over unchanged;
// a visit that opens something else never shows the prerendered lesson first.

const PHONE = { width: 390, height: 844 };

/**
 * What the lesson screen shows, as markup: the formula pages beneath the current one (hidden, prepared for the
 * next step after the page has started) left out.
 */
const shownMarkup = (page: Page) =>
  page.locator('#root').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.formula-page:not(.is-current)').forEach((p) => p.remove());
    return copy.innerHTML;
  });

for (const [name, viewport] of [
  ['a phone', PHONE],
  ['a laptop', { width: 1280, height: 720 }],
] as const)
  test(`on ${name}: the first screen is in the HTML before any script, and hydration changes nothing of it`, async ({
    browser,
  }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport });
    const bare = await noScript.newPage();
    await bare.goto('/');
    await expect(bare.getByRole('heading', { level: 1 })).toHaveText('Backprop, step by step');
    await expect(bare.getByText('A 3-3-2 network in matrix form')).toBeVisible();
    await expect(bare.getByRole('button', { name: 'Next step' })).toBeVisible();
    await expect(bare.getByTestId('position')).toContainText('Step 1 /');
    await expect(bare.locator('.formula-panel .katex').first()).toBeVisible(); // typeset at build time
    await expect(bare.locator('.graph-nodes circle').first()).toBeVisible(); // the graph too
    // the page paints from its HTML alone: its stylesheet is in it, not a second request to wait for
    expect(await bare.locator('link[rel="stylesheet"]').count()).toBe(0);
    // and the formulas' fonts, which the stylesheet names relative to the page, load
    const loaded = () =>
      bare.evaluate(() =>
        [...document.fonts]
          .filter((f) => f.status === 'loaded')
          .map((f) => `${f.family.replace(/"/g, '')} ${f.style}`),
      );
    await expect.poll(loaded).toEqual(expect.arrayContaining(['KaTeX_Main normal', 'KaTeX_Math italic']));
    await bare.screenshot({ path: `/tmp/pages-noscript-${viewport.width}.png` });
    const before = await shownMarkup(bare);
    expect(await bare.locator('.formula-page').count()).toBe(1); // the current page alone
    await noScript.close();

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/');
    await waitForApp(page);
    // KaTeX arrives after hydration; the formulas on screen are the prerendered ones all along
    await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0);
    // the next step's page, prepared beneath the current one once the page has started, is hidden
    await expect(page.locator('.formula-page:not(.is-current)')).toHaveAttribute('aria-hidden', 'true');
    await page.waitForTimeout(300); // the graph's stage has been measured (ResizeObserver) and fonts are in
    await page.screenshot({ path: `/tmp/pages-hydrated-${viewport.width}.png` });
    // markup for markup, the graph's drawing included: it keeps the layout it was prerendered with
    expect(await shownMarkup(page)).toBe(before);
    expect(errors).toEqual([]); // a hydration mismatch is reported as an error (React #418 / #423)

    // once the reader moves on, the graph is laid out in the CSS pixels of its stage, legible as ever
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('position')).toContainText('Step 2 /');
    const fitted = await page.evaluate(() => {
      const stage = document.querySelector('.graph-stage')!.getBoundingClientRect();
      const box = document.querySelector('.graph-layer--top')!.getAttribute('viewBox');
      return { box, expected: `0 0 ${Math.floor(stage.width)} ${Math.floor(stage.height)}` };
    });
    expect(fitted.box).toBe(fitted.expected);
    await context.close();
  });

test('the hydrated page answers keys, and renders formulas not prerendered', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  expect(await position(page)).toContain('Step 1 /');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('position')).toContainText('Step 5 /');
  expect(await texOf(page, 'formula-result')).not.toBe('');
  expect(errors).toEqual([]);
});

test('a link to another lesson never shows the prerendered lesson first', async ({ page }) => {
  // record every paint's visible lesson title from the very start of the document
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenTitles: string[] }).seenTitles = seen;
    const look = () => {
      const title = document.querySelector('.lesson-title');
      const root = document.getElementById('root');
      if (title && root && getComputedStyle(root).visibility !== 'hidden') seen.push(title.textContent ?? '');
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto('/#v1&preset=iris&g=neuron&s=1');
  await waitForApp(page);
  await expect(page.locator('.lesson-title')).toContainText('Iris');
  await page.waitForTimeout(200);
  const seen = await page.evaluate(() => (window as unknown as { seenTitles: string[] }).seenTitles);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((t) => !t.includes('Iris'))).toEqual([]);
});

test('saved work in another language opens in it, without the English first screen', async ({ page }) => {
  await openApp(page, '/', null);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenHeadings: string[] }).seenHeadings = seen;
    const look = () => {
      const h1 = document.querySelector('h1');
      const root = document.getElementById('root');
      if (h1 && root && getComputedStyle(root).visibility !== 'hidden') seen.push(h1.textContent ?? '');
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('position')).toContainText('第 2 /');
  const seen = await page.evaluate(() => (window as unknown as { seenHeadings: string[] }).seenHeadings);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((h) => h === 'Backprop, step by step')).toEqual([]);
});

test('in Chinese: the manifest of the language, and CJK fonts first', async ({ page }) => {
  await openApp(page, '/', null);
  const manifestOf = () =>
    page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
      return (await fetch(href)).json() as Promise<{ name: string; lang: string; short_name: string }>;
    });
  expect(await manifestOf()).toMatchObject({ name: 'Backprop, step by step', lang: 'en' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await manifestOf()).toMatchObject({
    name: '反向传播，一步一步',
    short_name: '反向传播',
    lang: 'zh-CN',
  });
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font.split(',')[0]).toContain('PingFang SC');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  expect(await manifestOf()).toMatchObject({ lang: 'en' });
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
});
