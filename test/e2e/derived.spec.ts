import { expect, test, type Page } from '@playwright/test';
import { batchLossAt, batchOf, lossAt, traceLesson, type Lesson, type ValueId } from '../../src/engine';
import { formatNumber, parseFormatted } from '../../src/formulas';
import { PRESETS } from '../../src/lessons';
import { buildTimeline, type Granularity, type Timeline } from '../../src/steps';
import { applyEdit } from '../../src/store/edits';
import { openApp, watchErrors } from './helpers';

// Everything the formula panel shows (Result, gradient check, erratum) is checked against the engine run here, in
// the test, on the lesson the page should be showing: the preset, the preset after an edit, or the preset after
// two iterations. The finite differences are taken here too, by full forward passes (the app takes them from the
// parameter's layer on).

const DIGITS = 4;

function trace(lesson: Lesson) {
  const r = traceLesson(lesson);
  if (!r.ok) throw new Error('the lesson must trace');
  return r.trace;
}

/** The lesson after n iterations: the weights and biases of each step's update adopted. */
function iterate(lesson: Lesson, n: number): Lesson {
  let out = lesson;
  for (let i = 0; i < n; i++) {
    const t = trace(out);
    out = { ...out, weights: t.updated.weights, biases: t.updated.biases };
  }
  return out;
}

function edited(lesson: Lesson, index: number, value: number): Lesson {
  const r = applyEdit(lesson, { kind: 'input', index, value });
  if (!r.ok) throw new Error('the edit must apply');
  return r.lesson;
}

/** ∂E/∂θ by central differences over full forward passes. */
function finiteDifference(lesson: Lesson, id: string): number {
  const [kind, l, j, k] = id.split(':').map((p, i) => (i === 0 ? p : Number(p))) as [
    string,
    number,
    number,
    number,
  ];
  const weights = lesson.weights.map((W) => W.map((r) => r.slice()));
  const biases = lesson.biases.map((b) => b.slice());
  const get = () => (kind === 'dW' ? weights[l - 1][j][k] : biases[l - 1][j]);
  const set = (v: number) => (kind === 'dW' ? (weights[l - 1][j][k] = v) : (biases[l - 1][j] = v));
  // a mini-batch lesson's loss is the batch mean (1/m) Σ_x E_x
  const batch = batchOf(lesson);
  const E = () => (batch ? batchLossAt(lesson, batch, weights, biases) : lossAt(lesson, weights, biases));
  const v0 = get();
  const h = 1e-6 * Math.max(1, Math.abs(v0));
  set(v0 + h);
  const up = E();
  set(v0 - h);
  const down = E();
  return (up - down) / (2 * h);
}

/** The value as the panel shows it (DIGITS significant digits), read back as a number. */
const shown = (x: number) => parseFormatted(formatNumber(x, DIGITS));

const SUPERSCRIPT: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4' };
Object.assign(SUPERSCRIPT, { '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' });

/** Numbers of a plain-text line (`1.5×10⁻⁵` style), in order. */
function plainNumbers(text: string): number[] {
  const t = text
    .replace(/−/g, '-')
    .replace(/×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_m, e: string) => `e${[...e].map((c) => SUPERSCRIPT[c]).join('')}`);
  return (t.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
}

/** Numbers of a Result's TeX (symbols' indices and text left out), in order. */
function texNumbers(tex: string): number[] {
  let t = tex.replace(/\\times10\^\{(-?\d+)\}/g, 'e$1').replace(/\\text\{[^{}]*\}/g, '');
  for (let i = 0; i < 3; i++) t = t.replace(/[_^]\{[^{}]*\}/g, '').replace(/[_^]\d/g, '');
  return (t.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
}

interface PanelText {
  id: string;
  result: string;
  checks: string[];
  errata: string[];
}

/**
 * Presses `key` (if any) as the app's keyboard path sees it, waits until the current formula page is the step
 * `id`, then reads its Result TeX, check lines and errata: one round trip to the page per step.
 */
async function panelAt(page: Page, id: string, key?: string): Promise<PanelText> {
  return page.evaluate(
    async ([want, key]) => {
      if (key) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      const page = () => document.querySelector('.formula-page.is-current');
      const t0 = performance.now();
      while (page()?.getAttribute('data-step-id') !== want) {
        if (performance.now() - t0 > 10_000) throw new Error(`step ${want} did not come`);
        await new Promise((ok) => requestAnimationFrame(ok));
      }
      const current = page()!;
      const text = (sel: string) => [...current.querySelectorAll(sel)].map((e) => e.textContent ?? '');
      return {
        id: want,
        result:
          current.querySelector('[data-testid="formula-result"] annotation')?.textContent ?? '(no result)',
        checks: text('.grad-check li'),
        errata: text('.erratum'),
      };
    },
    [id, key ?? ''] as const,
  );
}

/** The gradient ids among `ids` by layer, neuron, then incoming neuron, each neuron's bias after its weights. */
function parameterOrder(ids: readonly ValueId[]): ValueId[] {
  const key = (id: ValueId) => {
    const [kind, l, j, k] = id.split(':');
    return [Number(l), Number(j), kind === 'db' ? Infinity : Number(k)];
  };
  // (one sample's gradient in a mini-batch, `…@x`, is not checked: the check is of the mean)
  return ids
    .filter((w) => /^d[Wb]:/.test(w) && !w.includes('@'))
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

/** The published figures the source printed for `id`, when they differ from `computed` at their precision. */
function expectedErratum(lesson: Lesson, id: string, computed: number): string | null {
  const printed = lesson.published?.[id];
  if (printed === undefined) return null;
  const decimals = (printed.split('.')[1] ?? '').length;
  return Math.abs(Number(printed) - computed) >= 0.5 * 10 ** -decimals ? printed : null;
}

/**
 * What is wrong with the panel at step `index` of `tl` (the engine's timeline of `lesson`): every number of the
 * Result, each gradient check line and each erratum must be the engine's at the shown digits. `original` says
 * whether the page shows the lesson as published at its iteration 1 (the only case with errata).
 */
function problems(
  panel: PanelText,
  tl: Timeline,
  index: number,
  lesson: Lesson,
  original: boolean,
): string[] {
  const step = tl.steps[index];
  const where = `step ${index + 1} (${step.id})`;
  const out: string[] = [];
  const layerKind = step.kind.startsWith('layer');
  const written = step.writes.filter((w) => !(layerKind && w.startsWith('e:'))).map((w) => tl.values[w]);
  const got = texNumbers(panel.result).sort((a, b) => a - b);
  const want = written.map(shown).sort((a, b) => a - b);
  if (JSON.stringify(got) !== JSON.stringify(want))
    out.push(`${where}: Result ${JSON.stringify(got)}, engine ${JSON.stringify(want)} (${panel.result})`);

  const gradients = step.phase === 'gradient' ? parameterOrder(step.writes).slice(0, 6) : [];
  if (panel.checks.length !== gradients.length)
    out.push(`${where}: ${panel.checks.length} check lines, ${gradients.length} expected`);
  panel.checks.forEach((line, i) => {
    const id = gradients[i];
    if (!id) return;
    const [analytic, numeric] = plainNumbers(line.replace(/^.*?backprop/, ''));
    const fd = finiteDifference(lesson, id);
    const unit = 10 ** (Math.floor(Math.log10(Math.abs(fd))) - (DIGITS - 1));
    if (analytic !== shown(tl.values[id]) || !(Math.abs(numeric - fd) <= unit))
      out.push(`${where}: check of ${id} "${line}", engine ${tl.values[id]}, finite difference ${fd}`);
  });

  const errata = original
    ? step.writes.flatMap((w) => {
        const printed = expectedErratum(lesson, w, tl.values[w]);
        return printed === null ? [] : [{ printed, computed: shown(tl.values[w]) }];
      })
    : [];
  if (panel.errata.length !== errata.length)
    out.push(`${where}: errata ${JSON.stringify(panel.errata)}, expected ${JSON.stringify(errata)}`);
  panel.errata.forEach((text, i) => {
    const e = errata[i];
    const computed = plainNumbers(text.replace(/^.*?computed/, '')).at(0);
    if (e && (!text.includes(e.printed) || computed !== e.computed))
      out.push(`${where}: erratum "${text}", expected printed ${e.printed} and computed ${e.computed}`);
  });
  return out;
}

const GRANULARITY_NAME: Record<Granularity, string> = {
  neuron: 'Neuron',
  layer: 'Layer (matrix)',
  weight: 'Weight',
};

/** Types `value` into input x_(index+1) from its node on the graph. */
async function setInput(page: Page, index: number, value: number): Promise<void> {
  await page.locator(`[data-id="n:0:${index}"]`).click();
  const field = page.getByTestId('value-panel').getByRole('textbox').first();
  await field.fill(String(value));
  await field.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
}

async function nextIteration(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: 'Next iteration' }).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
}

/** Walks every step at every granularity, checking each against the engine's timeline of `lesson`. */
async function walk(page: Page, lesson: Lesson, original: boolean): Promise<string[]> {
  const t = trace(lesson);
  const out: string[] = [];
  for (const g of ['neuron', 'layer', 'weight'] as const) {
    await page.getByRole('radio', { name: GRANULARITY_NAME[g] }).check();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const tl = buildTimeline(lesson, t, g);
    await page.keyboard.press('Home');
    for (let i = 0; i < tl.steps.length; i++) {
      const panel = await panelAt(page, tl.steps[i].id, i > 0 ? 'ArrowRight' : undefined);
      out.push(...problems(panel, tl, i, lesson, original).map((p) => `${g}: ${p}`));
    }
  }
  return out;
}

for (const preset of PRESETS) {
  test(`${preset.id}: every step's Result, gradient check and erratum are the engine's, as opened, after an edit and after two iterations`, async ({
    page,
  }) => {
    test.setTimeout(480_000);
    const errors = watchErrors(page);
    await openApp(page, `/#v1&preset=${preset.id}&g=neuron&s=1`);
    expect(await walk(page, preset.lesson, true)).toEqual([]);

    const x1 = preset.lesson.sample.input[0] + 0.5;
    await setInput(page, 0, x1);
    const afterEdit = edited(preset.lesson, 0, x1);
    expect(await walk(page, afterEdit, false)).toEqual([]);

    await page.keyboard.press('Control+z');
    await nextIteration(page, 2);
    expect(await walk(page, iterate(preset.lesson, 2), false)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

/** Goes to step `s` (1-based) with the keyboard from the first. */
async function goToStep(page: Page, tl: Timeline, s: number): Promise<PanelText> {
  await page.keyboard.press('Home');
  for (let i = 1; i < s; i++) await page.keyboard.press('ArrowRight');
  return panelAt(page, tl.steps[s - 1].id);
}

const preset = (id: string) => PRESETS.find((p) => p.id === id)!.lesson;

test('lesson 001, step 17 after x₁ = 2: the gradient check is of the edited lesson', async ({ page }) => {
  const lesson = edited(preset('lesson001'), 0, 2);
  const tl = buildTimeline(lesson, trace(lesson), 'neuron');
  await openApp(page, '/#v1&preset=lesson001&g=neuron&s=17');
  await panelAt(page, tl.steps[16].id);
  await setInput(page, 0, 2);
  const panel = await goToStep(page, tl, 17);
  const ids = tl.steps[16].writes;
  expect(ids[0]).toMatch(/^dW:/);
  expect(texNumbers(panel.result)).toEqual(ids.map((id) => shown(tl.values[id])));
  expect(panel.checks).toHaveLength(ids.length);
  panel.checks.forEach((line, i) => {
    const [analytic, numeric] = plainNumbers(line.replace(/^.*?backprop/, ''));
    expect(analytic).toBe(shown(tl.values[ids[i]]));
    expect(numeric).toBeCloseTo(finiteDifference(lesson, ids[i]), 3);
  });
});

test('lesson 004, iteration 2, step 23: check and result agree, and no erratum of iteration 1', async ({
  page,
}) => {
  const lesson = iterate(preset('lesson004'), 1);
  const tl = buildTimeline(lesson, trace(lesson), 'neuron');
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=23');
  // iteration 1 shows the source's slip on this step
  await expect(page.locator('.formula-page.is-current .erratum')).toHaveCount(1);
  await nextIteration(page, 1);
  const panel = await goToStep(page, tl, 23);
  expect(panel.errata).toEqual([]);
  const ids = tl.steps[22].writes;
  expect(texNumbers(panel.result)).toEqual(ids.map((id) => shown(tl.values[id])));
  expect(panel.checks.map((c) => plainNumbers(c.replace(/^.*?backprop/, ''))[0])).toEqual(
    ids.map((id) => shown(tl.values[id])),
  );
});

test('lesson 004 after x₁ = 0.5, step 11: no erratum of the unedited lesson', async ({ page }) => {
  const lesson = edited(preset('lesson004'), 0, 0.5);
  const tl = buildTimeline(lesson, trace(lesson), 'neuron');
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=11');
  await expect(page.locator('.formula-page.is-current .erratum')).toHaveCount(1);
  await setInput(page, 0, 0.5);
  const panel = await goToStep(page, tl, 11);
  expect(panel.errata).toEqual([]);
  expect(texNumbers(panel.result)).toEqual([shown(tl.values[tl.steps[10].writes[0]])]);
});
