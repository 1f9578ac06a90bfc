import { expect, test, type Locator, type Page } from '@playwright/test';
import { benchLesson } from '../../scripts/bench-ui';
import { traceStep } from '../../src/engine';
import { formatPlain } from '../../src/formulas/plain';
import { lesson004 } from '../../src/lessons';
import { openApp, position, watchErrors } from './helpers';

/** The "Step i / N · phase" line read as numbers and the phase's name. */
async function where(page: Page): Promise<{ index: number; count: number; phase: string }> {
  const m = /Step (\d+) \/ (\d+) · (\w+)/.exec(await position(page));
  if (!m) throw new Error(`no position in "${await position(page)}"`);
  return { index: Number(m[1]), count: Number(m[2]), phase: m[3] };
}

/**
 * Presses every stepping key with the focus where the user left it, and checks each moved the lesson as the
 * Keyboard section says, while `valueOf` (the focused control's own value) stayed as it was.
 */
async function stepsFromHere(page: Page, focused: Locator, valueOf: () => Promise<string>) {
  const start = await where(page);
  expect(start.index).toBeLessThan(start.count);
  expect(start.phase).toBe('forward');
  const value = await valueOf();
  const focusedNow = () => focused.evaluate((el) => el === document.activeElement);
  expect(await focusedNow()).toBe(true);

  const press = async (key: string, expected: number | ((at: { index: number; phase: string }) => void)) => {
    await page.keyboard.press(key);
    const at = await where(page);
    if (typeof expected === 'number') expect(at.index, `after ${key}`).toBe(expected);
    else expected(at);
    expect(await valueOf(), `the control's value after ${key}`).toBe(value);
  };
  await press('PageDown', start.index + 1);
  await press('PageUp', start.index);
  await press('ArrowRight', start.index + 1);
  await press('ArrowLeft', start.index);
  await press('End', start.count);
  await press('Home', 1);
  await press(']', (at) => expect(at.phase).toBe('loss'));
  await press('[', 1);
  await press('ArrowRight', 2);
  // B and period (a clicker's "blank screen") leave both alone
  await press('b', 2);
  await press('.', 2);
  // Space plays and pauses; it does not press the clicked button or open the clicked list
  const transport = page.getByRole('toolbar', { name: 'Step controls' });
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await valueOf()).toBe(value);
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

const START = '/#v1&preset=lesson004&g=neuron&s=4';

test.describe('stepping keys work whatever was clicked last', () => {
  test('a transport button', async ({ page }) => {
    await openApp(page, START);
    const next = page.getByRole('button', { name: 'Next step' });
    await next.click();
    expect((await where(page)).index).toBe(5);
    await stepsFromHere(page, next, async () => '');
  });

  test('the detail switch', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, START);
    const layer = page.getByRole('radio', { name: 'Layer (matrix)' });
    await layer.click();
    await expect(layer).toBeChecked();
    const checked = () => page.locator('input[name="granularity"]:checked').inputValue();
    await stepsFromHere(page, layer, checked);
    expect(await checked()).toBe('layer');
    expect(errors).toEqual([]);
  });

  test('the timeline scrubber follows the lesson and nothing else', async ({ page }) => {
    await openApp(page, START);
    const scrubber = page.getByRole('slider', { name: 'Timeline' });
    const box = (await scrubber.boundingBox())!;
    // a click a fifth of the way along: a step in the forward phase
    await scrubber.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
    const at = await where(page);
    expect(Number(await scrubber.inputValue())).toBe(at.index - 1);
    // its value is the lesson's position: after each key it must equal the position shown
    await stepsFromHere(page, scrubber, async () =>
      String(Number(await scrubber.inputValue()) + 1 - (await where(page)).index),
    );
  });

  test('the speed slider', async ({ page }) => {
    await openApp(page, START);
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.click();
    await stepsFromHere(page, speed, () => speed.inputValue());
  });

  test('the language list, after choosing from it', async ({ page }) => {
    await openApp(page, START);
    const language = page.getByRole('combobox').first();
    await language.click(); // opens the list; while it is open the arrows and Enter are its own
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(language).toHaveValue('zh-CN');
    await page.keyboard.press('ArrowUp'); // ↑/↓ still operate the focused list
    await expect(language).toHaveValue('en');
    await stepsFromHere(page, language, () => language.inputValue());
  });

  test('the theme list', async ({ page }) => {
    await openApp(page, START);
    const theme = page.getByRole('combobox').nth(1);
    await theme.click();
    await page.keyboard.press('Escape');
    await stepsFromHere(page, theme, () => theme.inputValue());
  });

  test('a phase band', async ({ page }) => {
    await openApp(page, START);
    const band = page.getByRole('button', { name: 'Go to the forward phase' });
    await band.click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await band.focus();
    await stepsFromHere(page, band, async () => '');
  });

  test('a weight on the graph keeps its chain-rule panel', async ({ page }) => {
    await openApp(page, START);
    // on the edge's line, a third of the way along (its box's centre may be off the line)
    const weight = await clickEdge(page, 'e:1:0:0');
    const panel = page.getByTestId('chain-rule');
    await expect(panel).toBeVisible();
    await stepsFromHere(
      page,
      weight,
      async () => `${await weight.getAttribute('aria-pressed')} ${await panel.isVisible()}`,
    );
  });

  test('after choosing a lesson, Space plays instead of reopening the picker', async ({ page }) => {
    await openApp(page, '/');
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
    await expect(dialog).toBeVisible();
    // inside the open picker the keys are the picker's: the lesson behind does not move
    const before = await position(page);
    await page.keyboard.press('PageDown');
    expect(await position(page)).toBe(before);
    await dialog.getByRole('button', { name: /A 3-3-2 network/ }).click();
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('End');
    expect((await where(page)).index).toBe((await where(page)).count);

    // closed with its × button: the same
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press(' ');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test('a button reached with Tab keeps Space and Enter', async ({ page }) => {
    await openApp(page, START);
    await page.getByRole('button', { name: 'Previous step' }).click();
    expect((await where(page)).index).toBe(3);
    await page.keyboard.press('Tab'); // to Play
    await page.keyboard.press('Tab'); // to Next
    await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
    await page.keyboard.press(' ');
    expect((await where(page)).index).toBe(4);
    await page.keyboard.press('Enter');
    expect((await where(page)).index).toBe(5);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // the other stepping keys still step
    await page.keyboard.press('PageDown');
    expect((await where(page)).index).toBe(6);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Nothing cut off: every formula row fits its panel, and what does not fit scrolls.

/**
 * Problems on screen now: a formula piece reaching past its row (unless the row scrolls, at the smallest
 * type) or past its panel, and any element of the formula or chain-rule panel that clips its content
 * without being scrollable.
 */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    // as a reader sees it: a formula page below the screen (a phone's) is fitted once it comes on screen
    const formulas = document.querySelector('.formula-panel');
    if (formulas && formulas.getBoundingClientRect().top >= window.innerHeight) {
      formulas.scrollIntoView();
      await frame();
      await new Promise((ok) => setTimeout(ok, 20));
    }
    // a page content-visibility skipped until now is fitted in the frame after it comes on screen
    const skipped = () =>
      [...document.querySelectorAll<HTMLElement>('.formula-page.is-current .tex')].some(
        (tex) =>
          typeof tex.checkVisibility === 'function' && !tex.checkVisibility({ contentVisibilityAuto: true }),
      );
    for (let i = 0; i < 20 && skipped(); i++) await frame();
    // as painted: formulas are fitted at a frame's start (a very large one, hidden, at the next frame's)
    await frame();
    if (document.querySelector('.tex[style*="opacity"]')) await frame();
    const out: string[] = [];
    const panels = [document.querySelector('.formula-panel'), document.querySelector('.chain-rule')].filter(
      (p): p is HTMLElement => p !== null,
    );
    for (const panel of panels) {
      const edge = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).borderRightWidth);
      const rows = panel.querySelectorAll<HTMLElement>(
        '.formula-page.is-current .formula-rows dd, .chain-formulas .tex',
      );
      for (const row of rows) {
        const right = row.getBoundingClientRect().right;
        // a formula wider than its row even at the smallest type scrolls in its row
        const tex = row.matches('.tex') ? row : row.querySelector<HTMLElement>('.tex');
        const scrolls =
          getComputedStyle(row).overflowX === 'auto' &&
          row.scrollWidth > row.clientWidth &&
          tex?.dataset.fit === '0.55';
        for (const piece of row.querySelectorAll('.katex-html > .base')) {
          const r = piece.getBoundingClientRect().right;
          if (scrolls) continue;
          if (r > edge + 1)
            out.push(`${row.dataset.testid ?? 'chain'} reaches ${Math.round(r - edge)}px past its panel`);
          else if (r > right + 1)
            out.push(`${row.dataset.testid ?? 'chain'} is cut by ${Math.round(r - right)}px`);
        }
      }
      const current = panel.querySelector('.formula-page.is-current');
      const pages = panel.querySelector('.formula-pages');
      if (
        current &&
        pages &&
        current.getBoundingClientRect().bottom > pages.getBoundingClientRect().bottom + 1
      )
        out.push('the current page is taller than the pages it sits in');
      // KaTeX's own clipping is part of how it draws; the hidden pages beside the current one are clipped on
      // purpose (checked above); text for screen readers only (.sr-only) is clipped by design
      const outside =
        ':not(.katex, .katex *, .formula-pages, .sr-only, [aria-hidden="true"], [aria-hidden="true"] *)';
      for (const el of [panel, ...panel.querySelectorAll<HTMLElement>(outside)]) {
        const style = getComputedStyle(el);
        // (a glyph's inline box may reach a few pixels past its line without any ink there)
        for (const [axis, over] of [
          ['x', el.scrollWidth > el.clientWidth + 1],
          ['y', el.scrollHeight > el.clientHeight + 4],
        ] as const) {
          const overflow = axis === 'x' ? style.overflowX : style.overflowY;
          if (over && (overflow === 'hidden' || overflow === 'clip'))
            out.push(`${el.tagName.toLowerCase()}.${el.className} clips ${axis} without a scrollbar`);
        }
      }
    }
    return out;
  });
}

/** Steps through the whole timeline at the detail named, collecting what is cut off at each step. */
async function walk(page: Page, detail: string, label: string, problems: string[], every = 1) {
  const radio = page.getByRole('radio', { name: detail });
  await radio.click();
  await page.keyboard.press('Home');
  const { count } = await where(page);
  for (let i = 1; i <= count; i++) {
    if (i % every === 0 || i === 1 || i === count)
      for (const p of await cutOff(page)) problems.push(`${label} ${detail} step ${i}: ${p}`);
    await page.keyboard.press('ArrowRight');
  }
}

const PRESET_IDS = ['lesson001', 'lesson002', 'lesson003', 'lesson004', 'iris', 'fixedBiases', 'blank'];
const DETAILS = ['Neuron', 'Layer (matrix)', 'Weight'];
const SCREENS = [
  { name: '1280×720', width: 1280, height: 720, theme: 'light' },
  { name: '1920×1080 projector', width: 1920, height: 1080, theme: 'projector' },
  { name: '390×844 phone', width: 390, height: 844, theme: 'light' },
];

for (const screen of SCREENS) {
  test(`no formula is cut off at ${screen.name}, for every step of every lesson`, async ({ page }) => {
    test.setTimeout(480_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await openApp(page, '/');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(screen.theme);
    const problems: string[] = [];
    for (const id of PRESET_IDS) {
      await page.goto(`/#v1&preset=${id}&g=neuron&s=1`);
      await page.reload();
      await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
      for (const detail of DETAILS) await walk(page, detail, id, problems);
    }
    expect(problems).toEqual([]);
  });
}

/**
 * A 10 × 32 network's matrices have 32 columns: written out in full they are wider than any screen even at the
 * smallest type, so there the row scrolls sideways, and nothing else is clipped.
 */
test('the widest rows, layer detail of a 10 × 32 network, shrink then scroll at 1280×720 and on a phone', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await openApp(page, '/');
  const lesson = benchLesson(Array<number>(10).fill(32), 42);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    expect(await page.evaluate((l) => window.backpropApp!.loadLesson(l).ok, lesson)).toBe(true);
    const problems: string[] = [];
    // the 10 × 32 pages are large: every third step, the first and the last
    await walk(page, 'Layer (matrix)', `10×32 at ${size.width}`, problems, 3);
    expect(problems).toEqual([]);
  }
});

// ---------------------------------------------------------------------------------------------------------
// The chain-rule panel

const before004 = (() => {
  const r = traceStep(lesson004);
  if (!r.ok) throw new Error('lesson 004 must trace');
  return r.trace;
})();

/** Clicks an edge of the graph on its line, a third of the way along. */
async function clickEdge(page: Page, id: string) {
  const edge = page.locator(`[data-id="${id}"]`);
  const at = await edge.evaluate((g) => {
    const path = (g.matches('path') ? g : g.querySelector('path')) as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 3);
    const m = path.getScreenCTM()!;
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  });
  await page.mouse.click(at.x, at.y);
  return edge;
}

test('the chain rule shows no number before the step that computes it', async ({ page }) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1');
  await clickEdge(page, 'e:1:0:0');
  const panel = page.getByTestId('chain-rule');
  // ∂E/∂w¹₁₁ = δ¹₁ · x₁ (the engine's backprop, checked elsewhere against finite differences)
  const gradient = formatPlain(before004.layers[1].dW[0][0], 4);
  await expect(panel).toBeVisible();
  await expect(panel).not.toContainText(gradient);
  const pending = (await panel.getByTestId('chain-pending').textContent()) ?? '';
  const at = Number(/step (\d+)/.exec(pending)?.[1]);
  // walk to it: the numbers appear exactly at that step, not one step earlier
  for (let i = 1; i < at - 1; i++) await page.keyboard.press('ArrowRight');
  expect((await where(page)).index).toBe(at - 1);
  await expect(panel).not.toContainText(gradient);
  await expect(panel.getByRole('button', { name: 'Highlight path 1 on the graph' })).toHaveText('Path 1');
  await page.keyboard.press('ArrowRight');
  expect((await where(page)).phase).toBe('gradients');
  await expect(panel).toContainText(gradient);
  await expect(panel.getByTestId('chain-pending')).toHaveCount(0);
});

test('the chain-rule panel sits beside the graph (below it on a phone), never over it', async ({ page }) => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await openApp(page, '/#v1&preset=lesson004&g=neuron&s=25');
    await page.locator('[data-id="e:1:0:0"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chain-rule')).toBeVisible();
    const panel = (await page.getByTestId('chain-rule').boundingBox())!;
    const graph = (await page.locator('.graph').boundingBox())!;
    if (size.width > 600) expect(panel.x).toBeGreaterThanOrEqual(graph.x + graph.width - 1);
    else expect(panel.y).toBeGreaterThanOrEqual(graph.y + graph.height - 1);
    // the highlighted path is drawn inside the graph
    const path = (await page.locator('.graph-edge[data-path]').first().boundingBox())!;
    expect(path.x + path.width).toBeLessThanOrEqual(graph.x + graph.width + 1);
    expect(await cutOff(page)).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('a bias is called a bias', async ({ page }) => {
  await openApp(page, '/#v1&preset=lesson002&g=neuron&s=30');
  await page.locator('[data-id="eb:2:1"]').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('chain-rule');
  await expect(panel.getByRole('heading')).toContainText('this bias');
  await expect(panel).not.toContainText('this weight');
});

test('Escape closes the chain-rule panel and the weight that opened it has the focus again', async ({
  page,
}) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=3');
  const edge = await clickEdge(page, 'e:1:0:0');
  const panel = page.getByTestId('chain-rule');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(edge).toBeFocused();
  // from inside the panel: a typed value is cancelled by the first Escape, the panel closed by the second
  await page.keyboard.press('Enter');
  const field = panel.getByRole('textbox', { name: 'Weight w₁,₁' });
  await field.fill('0.25');
  await field.press('Escape');
  await expect(field).toHaveValue('0.9');
  await expect(panel).toBeVisible();
  await field.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(edge).toBeFocused();
});

test('a typed value is applied when the field is left; a bad one stays with its message', async ({
  page,
}) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=3');
  await clickEdge(page, 'e:1:0:0');
  const panel = page.getByTestId('chain-rule');
  const field = panel.getByRole('textbox', { name: 'Weight w₁,₁' });
  await field.fill('0.5');
  await panel.getByRole('heading').click(); // a click elsewhere
  // beside the open panel the graph is too narrow for this label at 12 px: the weight's name says it
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute(
    'aria-label',
    /O_hidden,1: 0\.5, positive/,
  );
  await expect(field).toHaveValue('0.5');
  await field.fill('0.5.1');
  await panel.getByRole('heading').click();
  await expect(field).toHaveValue('0.5.1');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByRole('alert')).toContainText('The value stays 0.5');
  // beside the open panel the graph is too narrow for this label at 12 px: the weight's name says it
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute(
    'aria-label',
    /O_hidden,1: 0\.5, positive/,
  );
});
