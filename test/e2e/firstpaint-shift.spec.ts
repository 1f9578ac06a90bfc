import { expect, test } from '@playwright/test';

// A phone paints the page while its HTML is still arriving. The formula panel comes before the step controls in
// the page but is shown below them on a phone: painted before they arrive, it would sit in their place and be
// pushed down when they came (a layout shift Lighthouse counts). Here the HTML is cut just before the controls,
// as a slow network would deliver it, and scripts are kept out, so what shows is the first paint of that part.

const CUT = '<section class="controls"';

for (const [name, viewport, formulaShown] of [
  ['a phone', { width: 412, height: 823 }, false],
  ['a laptop', { width: 1280, height: 720 }, true],
] as const)
  test(`on ${name}, a page cut before the controls ${formulaShown ? 'shows the formula beside the graph' : 'does not draw the formula in their place'}; the whole page puts it below them`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.route(/\.js$/, (r) => r.abort());
    let html = '';
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        html = await response.text();
        expect(html).toContain(CUT);
        await route.fulfill({ response, body: html.slice(0, html.indexOf(CUT)) });
      },
    );
    await page.goto('/');
    await expect(page.locator('.graph-panel')).toBeVisible();
    await expect(page.locator('.controls')).toHaveCount(0);
    await expect(page.locator('.formula-panel')).toHaveCount(1);
    if (formulaShown) await expect(page.locator('.formula-panel')).toBeVisible();
    else await expect(page.locator('.formula-panel')).toBeHidden();

    // the whole page: the controls under the graph and the formula under them on a phone
    await page.unrouteAll();
    await page.goto('/?whole');
    const graph = (await page.locator('.graph-panel').boundingBox())!;
    const controls = (await page.locator('.controls').boundingBox())!;
    const formula = (await page.locator('.formula-panel').boundingBox())!;
    if (formulaShown) expect(formula.x).toBeGreaterThan(graph.x + graph.width - 1);
    else {
      expect(controls.y).toBeGreaterThan(graph.y + graph.height - 1);
      expect(formula.y).toBeGreaterThan(controls.y + controls.height - 1);
    }
  });
