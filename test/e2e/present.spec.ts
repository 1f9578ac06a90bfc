import { expect, test, type Page } from '@playwright/test';
import { belowBar, paintedContrasts } from './contrast';
import { benchLesson } from '../../scripts/bench-ui';
import { openApp, position, watchErrors } from './helpers';

const START = '/#v1&preset=lesson004&g=neuron&s=1';

/** Font sizes, in CSS pixels as drawn, of the current step's formulas and of the graph's texts. */
async function drawnSizes(page: Page) {
  return page.evaluate(() => {
    const formulas = [...document.querySelectorAll('.formula-page.is-current .formula-rows .katex')].map(
      (e) => parseFloat(getComputedStyle(e).fontSize),
    );
    const graph = [...document.querySelectorAll<SVGTextElement>('.graph-layer--top text')]
      .filter((t) => t.getBoundingClientRect().width > 0 && t.textContent?.trim())
      .map((t) => ({
        text: t.textContent ?? '',
        px: parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement!.getScreenCTM()!.a,
      }));
    return { formulas, graph };
  });
}

const presenting = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('is-presenting'));

test.describe('presenter mode at 1280×720', () => {
  test('the Present button enters it: editing hidden, formulas ≥ 32 px, graph labels ≥ 18 px', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openApp(page, START, null);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => presenting(page)).toBe(true);
    for (const name of ['Edit network', 'Lessons', 'Undo', 'Save lesson', 'Next iteration'])
      await expect(page.getByRole('button', { name }), name).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });

    // walk a few steps of each phase: every formula and graph text keeps its projected size
    for (let i = 0; i < 32; i += 5) {
      await expect(page.getByTestId('position')).toContainText(`Step ${i + 1} /`);
      await page.waitForTimeout(100); // the graph box follows its panel (ResizeObserver)
      const { formulas, graph } = await drawnSizes(page);
      expect(formulas.length).toBeGreaterThan(0);
      for (const px of formulas) expect(px, `formula at step ${i + 1}`).toBeGreaterThanOrEqual(32);
      const weightLabels = await page.locator('.graph-layer--top .graph-label:visible').count();
      expect(graph.length).toBeGreaterThan(weightLabels);
      for (const g of graph)
        expect(g.px, `graph text "${g.text}" at step ${i + 1}`).toBeGreaterThanOrEqual(18);
      for (let k = 0; k < 5; k++) await page.keyboard.press('PageDown');
    }
    // every formula row still fits its panel, or scrolls within it: none is drawn past the panel's edge
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('.formula-panel')!.getBoundingClientRect();
      return [...document.querySelectorAll('.formula-page.is-current .formula-rows dd')].some(
        (dd) => dd.getBoundingClientRect().right > panel.right + 1,
      );
    });
    expect(overflow).toBe(false);

    // on a 1920×1080 screen the type grows in proportion: formulas 48 px, graph text 27 px
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect
      .poll(async () => Math.min(...(await drawnSizes(page)).graph.map((g) => g.px)))
      .toBeGreaterThanOrEqual(27);
    const big = await drawnSizes(page);
    for (const px of big.formulas) expect(px).toBeGreaterThanOrEqual(47.5);
    expect(errors).toEqual([]);
  });

  test('P enters and leaves; PageDown/PageUp step; B blanks and B or a stepping key brings it back; Esc leaves', async ({
    page,
  }) => {
    await openApp(page, START, null);
    await page.keyboard.press('p');
    await expect.poll(() => presenting(page)).toBe(true);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await position(page)).toContain('Step 3 /');
    await page.keyboard.press('PageUp');
    expect(await position(page)).toContain('Step 2 /');

    // B blanks the whole screen; B brings it back on the same step
    await page.keyboard.press('b');
    const blank = page.getByTestId('blank-screen');
    await expect(blank).toBeVisible();
    const box = await blank.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(await blank.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');
    // the blank screen covers the lesson: the point at the formula's centre is the blank screen
    const covered = await page.evaluate(() => {
      const r = document.querySelector('.formula-panel')!.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.className;
    });
    expect(covered).toBe('present-blank');
    await page.keyboard.press('b');
    await expect(blank).toHaveCount(0);
    expect(await position(page)).toContain('Step 2 /');

    // a clicker's period blanks too; Page Down brings the screen back without stepping
    await page.keyboard.press('.');
    await expect(blank).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(blank).toHaveCount(0);
    expect(await position(page)).toContain('Step 2 /');
    await page.keyboard.press('PageDown');
    expect(await position(page)).toContain('Step 3 /');

    // Esc leaves presenter mode (and the editing controls come back)
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page)).toBe(false);
    await expect(page.getByRole('button', { name: 'Edit network' })).toBeVisible();
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

    // P enters again and P leaves; outside presenter mode B does nothing
    await page.keyboard.press('P');
    await expect.poll(() => presenting(page)).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(() => presenting(page)).toBe(false);
    await page.keyboard.press('b');
    await expect(blank).toHaveCount(0);
    expect(await position(page)).toContain('Step 3 /');
  });

  test('full screen is asked for; refused, presenter mode still works in the window', async ({ page }) => {
    await openApp(page, START, null);
    await page.evaluate(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refused'));
    });
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => presenting(page)).toBe(true);
    await page.keyboard.press('PageDown');
    expect(await position(page)).toContain('Step 2 /');
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await expect.poll(() => presenting(page)).toBe(false);
  });

  test('leaving full screen by the browser leaves presenter mode', async ({ page }) => {
    await openApp(page, START, null);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    // the browser's own way out (its Esc is not seen by the page): the page's full screen ends without the app
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => presenting(page)).toBe(false);
    await expect(page.getByRole('button', { name: 'Edit network' })).toBeVisible();
    // and presenter mode can be entered again, full screen again
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    expect(await presenting(page)).toBe(true);
  });

  test('leaving full screen is noticed even when the browser never sends its fullscreenchange', async ({
    page,
  }) => {
    // a browser that drops the event (headless Chromium sometimes does): nothing below the window hears it
    await page.addInitScript(() => {
      window.addEventListener('fullscreenchange', (e) => e.stopImmediatePropagation(), { capture: true });
    });
    await openApp(page, START, null);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.waitForTimeout(200); // no event tells the app of full screen: a resize now must not end it
    await page.setViewportSize({ width: 1280, height: 719 });
    await page.waitForTimeout(200);
    expect(await presenting(page)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    // leaving full screen gives the browser's bars their room back: the viewport changes size
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => presenting(page)).toBe(false);
  });
});

/** The rows of the values written beside the graph, by their quantity's letter (z, a, δ, …). */
const calloutRows = (page: Page) =>
  page
    .locator('.graph-tooltip')
    .evaluate((g) =>
      Object.fromEntries(
        [...g.querySelectorAll('.graph-tooltip__row')].map((row) => [
          (row.children[0].textContent ?? '').trim().charAt(0),
          (row.children[1].textContent ?? '').trim(),
        ]),
      ),
    ) as Promise<Record<string, string | undefined>>;

test.describe('presenter mode on a network too large for values inside its neurons', () => {
  const lesson = benchLesson([4, 8, 8, 3], 42);
  // step 7 at neuron detail: the weighted sum of hidden neuron 4, computed here from the lesson's numbers
  const [w, b, x] = [lesson.weights[0][3], lesson.biases[0][3], lesson.sample.input];
  const z = w.reduce((sum, wk, k) => sum + wk * x[k], b);
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

  test("the step's values are written out beside the graph, at the projected size", async ({ page }) => {
    await openApp(page, START, 'Neuron');
    expect(await page.evaluate((l) => window.backpropApp!.loadLesson(l).ok, lesson)).toBe(true);
    for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('position')).toContainText('Step 7 /');
    // outside presenter mode nothing is written beside the graph (a tooltip comes on hover or focus only)
    await expect(page.locator('.graph-tooltip')).toHaveCount(0);

    await page.keyboard.press('p');
    await expect.poll(() => presenting(page)).toBe(true);
    await page.waitForTimeout(200); // the graph box follows its panel (ResizeObserver)
    await expect(page.locator('.graph-node__value')).toHaveCount(0); // symbols only at 18 px
    const callout = page.locator('.graph-tooltip');
    await expect(callout).toHaveCount(1);
    const rows = await calloutRows(page);
    expect(Number(rows.z?.replace('−', '-')), JSON.stringify(rows)).toBeCloseTo(z, 3);
    expect(rows.a).toBe('not computed yet'); // its activation is the next step
    const { px } = await drawnSizes(page).then(({ graph }) => ({
      px: Math.min(...graph.map((g) => g.px)),
    }));
    expect(px).toBeGreaterThanOrEqual(18);

    await page.screenshot({ path: '/tmp/present-callout.png' });
    // the next step computes the activation: the callout follows the step
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('position')).toContainText('Step 8 /');
    const next = await calloutRows(page);
    expect(Number(next.a?.replace('−', '-')), JSON.stringify(next)).toBeCloseTo(sigmoid(z), 3);

    // hovering another neuron shows that one's values instead
    const other = page.locator('[data-id="n:2:0"]');
    await other.hover();
    await page.screenshot({ path: '/tmp/present-callout-hover.png' });
    await expect(callout.locator('.graph-tooltip__title')).toHaveText('Hidden neuron a²₁');
  });
});

test.describe('the projector theme: lines ≥ 3:1 and text ≥ 4.5:1 against their background', () => {
  for (const presenter of [false, true])
    test(presenter ? 'in presenter mode' : 'in the lesson view', async ({ page }) => {
      await openApp(page, START, null);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('projector');
      if (presenter) await page.keyboard.press('p');
      // a forward step (most of the graph dimmed), a backward step (the error's flow) and an update
      for (const [step, presses] of [
        [1, 0],
        [15, 14],
        [28, 13],
      ] as const) {
        for (let k = 0; k < presses; k++) await page.keyboard.press('PageDown');
        await expect(page.getByTestId('position')).toContainText(`Step ${step} /`);
        // the fades (150 ms) have ended: a colour read mid-fade is neither the old nor the new one
        await page.waitForFunction(() =>
          document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
        );
        const painted = await paintedContrasts(page);
        expect(painted.filter((p) => p.kind === 'line').length).toBeGreaterThan(20);
        expect(painted.filter((p) => p.kind === 'text').length).toBeGreaterThan(20);
        expect(belowBar(painted), `step ${step}`).toEqual([]);
      }
    });

  test('the title is whole in the header at 1280×720', async ({ page }) => {
    await openApp(page, START, null);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('projector');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText('Backprop, step by step');
    const { scroll, client, covered } = await h1.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const top = document.elementFromPoint(r.right - 2, r.y + r.height / 2);
      return { scroll: e.scrollWidth, client: e.clientWidth, covered: !e.contains(top) };
    });
    expect(scroll).toBeLessThanOrEqual(client);
    expect(covered).toBe(false);
  });
});
