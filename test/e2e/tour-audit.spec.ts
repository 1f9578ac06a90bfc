import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatNumber } from '../../src/formulas';
import { formatPlain } from '../../src/formulas/plain';
import { fixedBiases, lesson003, PRESETS } from '../../src/lessons';
import { openApp, position, texOf, watchErrors } from './helpers';

// An audit of issues 9 and 13 as a student and a teacher would use the app: the parts no other browser test
// covered. Every expected number is worked here by hand from the lesson's givens (never a printed figure).

const SHOTS = '/tmp';

// ---------------------------------------------------------------------------------------------------------------
// Lesson 004 (3-3-2, sigmoid, no biases, E = Σ(t − O)², η = 0.5) worked by hand, for any first-layer weights.
// ---------------------------------------------------------------------------------------------------------------

const sig = (z: number) => 1 / (1 + Math.exp(-z));

interface Worked {
  z1: number[];
  a1: number[];
  z2: number[];
  a2: number[];
  E: number;
  d2: number[];
  d1: number[];
  dW1: number[][];
  dW2: number[][];
  W1new: number[][];
  W2new: number[][];
}

/** One step of a sigmoid 2-layer network without biases: E = Σ(t − a)² (`half` for ½Σ), η, by loops. */
function byHand(
  W1: number[][],
  W2: number[][],
  x: number[],
  t: number[],
  eta: number,
  { half = false, b1 = [0, 0, 0], b2 = [0, 0] } = {},
): Worked {
  const z1 = W1.map((row, j) => row.reduce((s, w, k) => s + w * x[k], b1[j] ?? 0));
  const a1 = z1.map(sig);
  const z2 = W2.map((row, j) => row.reduce((s, w, k) => s + w * a1[k], b2[j] ?? 0));
  const a2 = z2.map(sig);
  const c = half ? 0.5 : 1;
  const E = c * a2.reduce((s, a, j) => s + (t[j] - a) ** 2, 0);
  const d2 = a2.map((a, j) => -2 * c * (t[j] - a) * a * (1 - a));
  const d1 = a1.map((a, k) => W2.reduce((s, row, j) => s + row[k] * d2[j], 0) * a * (1 - a));
  const dW2 = d2.map((d) => a1.map((a) => d * a));
  const dW1 = d1.map((d) => x.map((xi) => d * xi));
  return {
    z1,
    a1,
    z2,
    a2,
    E,
    d2,
    d1,
    dW1,
    dW2,
    W1new: W1.map((row, j) => row.map((w, k) => w - eta * dW1[j][k])),
    W2new: W2.map((row, j) => row.map((w, k) => w - eta * dW2[j][k])),
  };
}

const W1_004 = [
  [0.9, 0.3, 0.4],
  [0.2, 0.8, 0.2],
  [0.8, 0.1, 0.9],
];
const W2_004 = [
  [0.3, 0.7, 0.5],
  [0.6, 0.5, 0.2],
];
const X_004 = [0.9, 0.1, 0.8];
const T_004 = [0.01, 0.99];

/** Steps with → until the formula panel shows the step `id` (its data-step-id). */
async function goToStep(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await page.locator('.formula-page.is-current').getAttribute('data-step-id')) === id) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no step ${id}`);
}

/** Leaves the focus on the page itself, so that keys go to the lesson. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** "Save lesson": the downloaded file's text. */
async function saveLesson(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save lesson' }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

async function openFile(page: Page, name: string, text: string) {
  await page.getByLabel('Open lesson file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** Types `value` into a weight's field in its chain-rule panel (opened from the weight on the graph). */
async function editWeight(page: Page, id: string, name: string, value: string) {
  await page.locator(`[data-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  const field = page.getByTestId('chain-rule').getByRole('textbox', { name });
  await field.fill(value);
  await field.press('Enter');
  return field;
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 9, observation 8: files saved by the app, and the fields a file may carry
// ---------------------------------------------------------------------------------------------------------------

test('obs. 8: a file saved after an edit carries no printed figures and, reopened, shows no errata; the untouched lesson’s file keeps them', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=5');
  // step 5: the third hidden sum, 0.8·0.9 + 0.1·0.1 + 0.9·0.8 = 1.45, which the source prints as 0.62
  const z3 = W1_004[2].reduce((s, w, k) => s + w * X_004[k], 0);
  const erratum = page.locator('.formula-page.is-current .erratum');
  await expect(erratum).toHaveCount(1);
  await expect(erratum).toContainText(`computed value is ${formatPlain(z3, 4)}`);

  const untouched = JSON.parse(await saveLesson(page));
  expect(Object.keys(untouched.published ?? {}).length).toBeGreaterThan(0);

  // w from input 1 into hidden neuron 3 (lesson 004 writes w₁,₃) from 0.8 to 0.5
  await editWeight(page, 'e:1:2:0', 'Weight w₁,₃', '0.5');
  await page.keyboard.press('Escape');
  const edited = JSON.parse(await saveLesson(page));
  expect(edited.published).toBeUndefined();
  expect(edited.weights[0][2][0]).toBe(0.5);

  // the edited file, opened: no erratum on any step, and the third hidden sum is the edited lesson's
  await openFile(page, 'edited.json', JSON.stringify(edited));
  await expect(page.getByRole('alert').filter({ hasText: 'edited.json' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Neuron' }).check();
  await blur(page);
  await page.keyboard.press('Home');
  const count = Number(/\/ (\d+)/.exec(await position(page))![1]);
  for (let i = 1; i <= count; i++) {
    await expect(page.locator('.formula-page.is-current .erratum'), `step ${i}`).toHaveCount(0);
    if (i === 5) {
      const z3edited = 0.5 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8;
      expect(await texOf(page, 'formula-result')).toContain(`= ${formatNumber(z3edited, 4)}`);
    }
    await page.keyboard.press('ArrowRight');
  }

  // the untouched lesson's file, opened, shows the source's slip again
  await openFile(page, 'untouched.json', JSON.stringify(untouched));
  await page.getByRole('radio', { name: 'Neuron' }).check();
  await blur(page);
  await page.keyboard.press('Home');
  await goToStep(page, 'forward/z/1/2');
  await expect(erratum).toContainText('prints 0.62');
  expect(errors).toEqual([]);
});

test('obs. 8: a file’s notes and batch size are used: About shows its notes, and a batch of 2 steps by the mean of those 2 samples', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page, '/#v1&preset=lesson003&g=layer&s=1', null);
  const file = JSON.parse(await saveLesson(page));
  expect(file.batchSize).toBe(3);
  file.batchSize = 2;
  file.notes = {
    en: 'A teacher’s own note: only the first two samples make this batch.',
    'zh-CN': '老师自己的说明：这一批只有前两个样本。',
  };
  await openFile(page, 'batch2.json', JSON.stringify(file));
  await expect(page.getByRole('alert').filter({ hasText: 'batch2.json' })).toHaveCount(0);

  await page.getByRole('button', { name: 'About this lesson' }).click();
  await expect(page.getByRole('dialog', { name: 'About this lesson' })).toContainText(file.notes.en);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '关于本课' }).click();
  await expect(page.getByRole('dialog', { name: '关于本课' })).toContainText(file.notes['zh-CN']);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // per sample: 2 forward, loss, 2 backward, 2 gradients; then the batch loss, 2 means and 2 updates
  await page.getByRole('radio', { name: 'Layer (matrix)' }).check();
  await blur(page);
  await page.keyboard.press('Home');
  expect(await position(page)).toContain(`Step 1 / ${2 * 7 + 5}`);
  await expect(page.getByTestId('graph-sample')).toHaveText('Sample 1 of 2');

  // the mean gradient of the output layer over samples 1 and 2, by hand (½Σ(t − a)², sigmoid, with biases)
  const samples = lesson003.dataset?.kind === 'inline' ? lesson003.dataset.samples : [];
  const [W1, W2] = lesson003.weights;
  const [b1, b2] = lesson003.biases;
  const per = samples
    .slice(0, 2)
    .map((s) => byHand(W1, W2, s.input, s.target, lesson003.learningRate, { half: true, b1, b2 }));
  const meanDW2 = W2.map((row, j) => row.map((_, k) => (per[0].dW2[j][k] + per[1].dW2[j][k]) / 2));
  await goToStep(page, 'gradient/mean/layer/2');
  const result = await texOf(page, 'formula-result');
  for (const row of meanDW2) for (const v of row) expect(result).toContain(formatNumber(v, 4));
  // the third sample's gradient is not in it
  const third = byHand(W1, W2, samples[2].input, samples[2].target, 0.5, { half: true, b1, b2 });
  expect(await texOf(page, 'formula-substituted')).not.toContain(formatNumber(third.dW2[0][0], 4));
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 9, observation 10: messages
// ---------------------------------------------------------------------------------------------------------------

test('obs. 10: messages count in words and name quantities by symbol, in English and Chinese', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // lesson 001 has one output: its loss total speaks of "the only output", never "all 1 outputs"
  await openApp(page, '/#v1&preset=lesson001&g=neuron&s=1');
  await goToStep(page, 'loss/total');
  const sentence = page.locator('.formula-page.is-current .formula-sentence');
  await expect(sentence).toContainText('The loss E is the term of the only output.');
  await expect(page.getByTestId('narration')).not.toContainText(/all 1 /);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(sentence).toContainText('只有一个输出，它的项就是损失 E。');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // one sigmoid neuron, cross-entropy, target 0: a weight of 1000 makes a = σ(1000) round to 1 and ∂E/∂a infinite
  const lesson = {
    format: 'backprop-lesson',
    version: 1,
    conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
    layers: [{ size: 1 }, { size: 1, activation: 'sigmoid' }],
    loss: 'bce',
    learningRate: 0.1,
    useBias: false,
    weights: [[[3]]],
    biases: [[0]],
    sample: { input: [1], target: [0] },
  };
  expect(await page.evaluate((l) => window.backpropApp!.loadLesson(l), lesson)).toEqual({ ok: true });
  const field = await editWeight(page, 'e:1:0:0', 'Weight w¹₁₁', '1000');
  const alert = page.getByTestId('chain-rule').getByRole('alert');
  // named by the lesson's symbol and in words, never by an internal field ("dLoss", "layer 1, neuron 0")
  await expect(alert).toContainText('That change makes ∂E/∂a of output neuron 1 (∂E/∂a¹₁) equal');
  await expect(alert).toContainText('it was not applied. The value stays 3.');
  await expect(alert).not.toContainText(/dLoss|dA|layer \d|neuron 0|Infinity|NaN/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/tour-message-nonfinite-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhField = page.getByTestId('chain-rule').getByRole('textbox', { name: '权重 w¹₁₁' });
  await zhField.fill('1000');
  await zhField.press('Enter');
  await expect(alert).toContainText('此修改会使第 1 个输出神经元的损失导数 ∂E/∂a¹₁ 变为');
  await expect(alert).not.toContainText(/dLoss|Infinity|NaN/);
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 9, observation 5 / "stepping keys work from anywhere": the controls keys.spec.ts does not click
// ---------------------------------------------------------------------------------------------------------------

/** The "Step i / N · phase" line read as numbers and the phase's name. */
async function where(page: Page): Promise<{ index: number; count: number; phase: string }> {
  const m = /Step (\d+) \/ (\d+) · (\w+)/.exec(await position(page));
  if (!m) throw new Error(`no position in "${await position(page)}"`);
  return { index: Number(m[1]), count: Number(m[2]), phase: m[3] };
}

/**
 * Presses every stepping key where the user left the focus (on `focused`, when it can keep it), and checks that
 * each moved the lesson, while `valueOf` (the control's own state) stayed as it was and no dialog opened.
 */
async function keysStepFrom(page: Page, label: string, focused: Locator, valueOf: () => Promise<string>) {
  const start = await where(page);
  expect(start.index, label).toBeLessThan(start.count);
  expect(start.phase, label).toBe('forward');
  const value = await valueOf();
  if (await focused.isEnabled())
    expect(await focused.evaluate((el) => el === document.activeElement), `${label} has the focus`).toBe(
      true,
    );
  const press = async (key: string, expected: number | ((phase: string) => boolean)) => {
    await page.keyboard.press(key);
    const at = await where(page);
    if (typeof expected === 'number') expect(at.index, `${label}: ${key}`).toBe(expected);
    else expect(expected(at.phase), `${label}: ${key} → ${at.phase}`).toBe(true);
    expect(await valueOf(), `${label}: its state after ${key}`).toBe(value);
  };
  await press('PageDown', start.index + 1);
  await press('PageUp', start.index);
  await press('ArrowRight', start.index + 1);
  await press('ArrowLeft', start.index);
  await press('End', start.count);
  await press('Home', 1);
  await press(']', (phase) => phase === 'loss');
  await press('[', 1);
  await press('ArrowRight', 2);
  const transport = page.getByRole('toolbar', { name: 'Step controls' });
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Pause' }), `${label}: Space plays`).toBeVisible();
  await page.keyboard.press(' ');
  await expect(transport.getByRole('button', { name: 'Play' }), `${label}: Space pauses`).toBeVisible();
  expect(await valueOf(), label).toBe(value);
  await expect(page.getByRole('dialog'), label).toHaveCount(0);
}

test('stepping keys work after a click on each control that keys.spec does not click', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const START = '/#v1&preset=lesson004&g=neuron&s=4';
  const fresh = async () => {
    await page.goto('about:blank'); // (the same URL again would only move to its hash, not reload)
    await openApp(page, START);
    await page.getByRole('button', { name: 'Next step' }).click();
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const attr = (l: Locator, a: string) => async () => `${await l.getAttribute(a)}`;
  const none = async () => '';
  const iterationNumber = async () =>
    /Iteration (\d+)/.exec((await page.getByTestId('iteration').textContent()) ?? '')?.[1] ?? '';
  const cases: {
    label: string;
    control: () => Locator;
    act: () => Promise<void>;
    value?: () => Promise<string>;
  }[] = [
    {
      label: 'Digits',
      control: () => page.getByRole('combobox', { name: 'Digits' }),
      act: async () => {
        // chosen from its open list, as a mouse user does: a click opens it, ↓ and Enter choose 5
        const digits = page.getByRole('combobox', { name: 'Digits' });
        await digits.click();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect(digits).toHaveValue('5');
      },
      value: () => page.getByRole('combobox', { name: 'Digits' }).inputValue(),
    },
    {
      label: 'Next iteration',
      control: () => button('Next iteration'),
      act: () => button('Next iteration').click(),
      value: iterationNumber,
    },
    {
      label: 'Undo',
      control: () => button('Undo'),
      act: async () => {
        await button('Next iteration').click();
        await button('Next iteration').click();
        await button('Undo').click();
      },
      value: iterationNumber,
    },
    {
      label: 'Reset lesson',
      control: () => button('Reset lesson'),
      act: async () => {
        await button('Next iteration').click();
        await button('Reset lesson').click();
      },
      value: iterationNumber,
    },
    { label: 'Zoom in', control: () => button('Zoom in'), act: () => button('Zoom in').click() },
    {
      label: 'About this lesson, closed with Esc',
      control: () => button('About this lesson'),
      act: async () => {
        await button('About this lesson').click();
        // the dialog's shell may still be loading: Esc is for the dialog once it is there
        const about = page.getByRole('dialog', { name: 'About this lesson' });
        await expect(about).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(about).toHaveCount(0);
      },
    },
    {
      label: 'Export, closed with Esc',
      control: () => button('Export'),
      act: async () => {
        await button('Export').click();
        await expect(page.getByRole('dialog', { name: 'Export and print' })).toBeVisible();
        await page.keyboard.press('Escape');
      },
    },
    {
      label: 'Edit network, opened (the focus on its panel)',
      control: () => page.locator('.network-panel h2'), // the panel takes the focus
      act: async () => {
        await page.locator('.edit-network').click();
        await page.locator('.network-panel h2').waitFor(); // its chunk loads on demand
      },
      value: () => page.locator('.network-panel').isVisible().then(String),
    },
    {
      label: 'Matrix view',
      control: () => button('Matrix view'),
      act: () => button('Matrix view').click(),
      value: attr(button('Matrix view'), 'aria-pressed'),
    },
    {
      label: 'Step by step, after the Train view',
      control: () => page.getByRole('radio', { name: 'Step by step' }),
      act: async () => {
        await page.getByRole('radio', { name: 'Train' }).click();
        await page.getByRole('radio', { name: 'Step by step' }).click();
      },
      value: () => page.getByRole('radio', { name: 'Step by step' }).isChecked().then(String),
    },
  ];
  for (const c of cases) {
    await fresh();
    await c.act();
    await keysStepFrom(page, c.label, c.control(), c.value ?? none);
  }
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 9, "Lessons keep their promises" (fixed biases) and "Exact at the edges" (Digits 2 to 10)
// ---------------------------------------------------------------------------------------------------------------

test('fixed biases: the 2-2-2 lesson at 10 digits is the worked example by hand, and its biases never move', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const [W1, W2] = fixedBiases.weights;
  const [b1, b2] = fixedBiases.biases;
  const { input: x, target: t } = fixedBiases.sample;
  const first = byHand(W1, W2, x, t, 0.5, { half: true, b1, b2 });
  // iteration 2 from the updated weights and the SAME biases (b1 = 0.35, b2 = 0.60 held fixed)
  const second = byHand(first.W1new, first.W2new, x, t, 0.5, { half: true, b1, b2 });
  // had the biases moved by −η∂E/∂b, the loss of iteration 2 would differ at 10 digits
  const movedB1 = b1.map((b, j) => b - 0.5 * first.d1[j]);
  const movedB2 = b2.map((b, j) => b - 0.5 * first.d2[j]);
  const moved = byHand(first.W1new, first.W2new, x, t, 0.5, { half: true, b1: movedB1, b2: movedB2 });
  expect(formatNumber(moved.E, 10)).not.toBe(formatNumber(second.E, 10));

  await openApp(page, '/#v1&preset=fixedBiases&g=layer&s=1', null);
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('10');
  await blur(page);
  // 2 digits first: the first layer's sums and activations as 2 significant digits
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('2');
  await blur(page);
  const result1 = await texOf(page, 'formula-result');
  for (const v of [...first.z1, ...first.a1]) expect(result1).toContain(formatNumber(v, 2));
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('10');
  await blur(page);
  await expect.poll(() => texOf(page, 'formula-result')).toContain(formatNumber(first.a1[0], 10));

  await goToStep(page, 'loss/layer');
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(first.E, 10));
  // no step computes or updates a bias
  const ids: string[] = [];
  await page.keyboard.press('Home');
  for (let i = 0; i < 9; i++) {
    ids.push((await page.locator('.formula-page.is-current').getAttribute('data-step-id')) ?? '');
    await page.keyboard.press('ArrowRight');
  }
  expect(ids.filter((id) => /bias|\/b\//.test(id))).toEqual([]);
  await page.keyboard.press('Home');
  await goToStep(page, 'update/layer/1');
  const update1 = await texOf(page, 'formula-result');
  for (const row of first.W1new) for (const w of row) expect(update1).toContain(formatNumber(w, 10));
  expect(update1).not.toMatch(/b\^\{?1/);
  await page.keyboard.press('ArrowRight');
  const update2 = await texOf(page, 'formula-result');
  for (const row of first.W2new) for (const w of row) expect(update2).toContain(formatNumber(w, 10));

  await page.getByRole('button', { name: 'Next iteration' }).click();
  await blur(page);
  await page.keyboard.press('Home');
  await goToStep(page, 'loss/layer');
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(second.E, 10));
  await page.screenshot({ path: `${SHOTS}/tour-fixed-biases-10-digits.png` });
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// The tour: a weight edited, then every panel looked at again
// ---------------------------------------------------------------------------------------------------------------

test('an edited weight is the same everywhere: graph, formula, narration, chain rule, tooltip, loss, export and the link', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  // lesson 004 with w₁,₃ (input 1 → hidden neuron 3; w:1:2:0) changed from 0.8 to 0.5
  const W1 = W1_004.map((r) => r.slice());
  W1[2][0] = 0.5;
  const h = byHand(W1, W2_004, X_004, T_004, 0.5);
  const p4 = (v: number) => formatPlain(v, 4);

  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1');
  await editWeight(page, 'e:1:2:0', 'Weight w₁,₃', '0.5');
  await page.keyboard.press('Escape');
  await blur(page);

  // the forward step of hidden neuron 3: formula, graph and narration
  await goToStep(page, 'forward/z/1/2');
  expect(await texOf(page, 'formula-result')).toContain(`= ${formatNumber(h.z1[2], 4)}`);
  await expect(page.locator('[data-id="n:1:2"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`X_hidden,3 ${p4(h.z1[2]).replace('.', '\\.')}`),
  );
  await expect(page.getByTestId('narration')).toContainText(p4(h.z1[2]));

  // the loss, in the formula and beside Next iteration
  await goToStep(page, 'loss/total');
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(h.E, 4));
  await expect(page.getByTestId('iteration')).toHaveText(`Iteration 1: E = ${p4(h.E)}`);

  // the gradient of the edited weight: its step, the chain-rule panel and the tooltip
  await goToStep(page, 'gradient/neuron/1/2');
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(h.dW1[2][0], 4));
  const edge = page.locator('[data-id="e:1:2:0"]');
  await edge.focus();
  await expect(page.locator('.graph-tooltip')).toContainText(p4(h.dW1[2][0]));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Chain rule for w₁,₃' });
  await expect(panel).toContainText(p4(h.dW1[2][0]));
  await expect(panel.getByRole('textbox', { name: 'Weight w₁,₃' })).toHaveValue('0.5');
  await page.screenshot({ path: `${SHOTS}/tour-edited-chain-rule.png` });
  await page.keyboard.press('Escape');
  await blur(page);

  // its update, in the formula and the tooltip
  await goToStep(page, 'update/neuron/1/2');
  expect(await texOf(page, 'formula-result')).toContain(formatNumber(h.W1new[2][0], 4));
  await edge.focus();
  await expect(page.locator('.graph-tooltip')).toContainText(p4(h.W1new[2][0]));
  await blur(page);

  // the step exported as LaTeX carries the same numbers
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [tex] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export step as LaTeX' }).click(),
  ]);
  const latex = await readFile((await tex.path())!, 'utf8');
  expect(latex).toContain(formatNumber(h.W1new[2][0], 4));
  expect(latex).toContain('0.5');
  await page.keyboard.press('Escape');

  // the share link in the address bar, opened by someone else: the same lesson at the same step
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1=/);
  const hash = await page.evaluate(() => location.hash);
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await other.goto(`/${hash}`);
  await expect(other.getByTestId('position')).toContainText('Step 30 / 32');
  expect(await texOf(other, 'formula-result')).toContain(formatNumber(h.W1new[2][0], 4));
  await other.context().close();
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 13, narration and accessibility: axe on the views a11y.spec.ts does not visit (practice, the Train view,
// the export dialog), every violation counted, in English and in Chinese
// ---------------------------------------------------------------------------------------------------------------

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page as it is now, every impact level. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const [locale, theme] of [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'projector'],
] as const)
  test(`axe finds no violation in practice, the export dialog and the Train view (${locale}, ${theme})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1', null);
    await page.locator('.header-tools select').first().selectOption(locale);
    await page.locator('.header-tools select').last().selectOption(theme);
    const found: string[] = [];
    const check = async (view: string) =>
      found.push(...(await axeViolations(page)).map((v) => `${view}: ${v}`));

    // practice: the answer field, then a wrong answer with its hint
    await page.getByRole('switch').first().click();
    const answer = page.locator('.formula-page.is-current .practice-answer input[type="text"]');
    await expect(answer).toBeVisible();
    await check('practice, a covered step');
    await answer.fill('123');
    await answer.press('Enter');
    await expect(page.getByTestId('practice-hint')).toBeVisible();
    await check('practice, a hint');
    await page.getByRole('switch').first().click();
    await expect(answer).toHaveCount(0);

    // the export dialog
    await page.locator('.documents-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('the export dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // the Train view of the Iris lesson, before and after an epoch
    await page.goto('/#v1&preset=iris');
    await page.locator('input[name="view"][value="train"]').check();
    await expect(page.getByTestId('train-epoch')).toBeVisible();
    await check('the Train view');
    await page.locator('.train-buttons button').nth(1).click(); // One epoch
    await expect(page.getByTestId('train-epoch')).toContainText('1');
    await check('the Train view after an epoch');
    await page.screenshot({ path: `${SHOTS}/tour-train-${locale}-${theme}.png` });
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });

// ---------------------------------------------------------------------------------------------------------------
// Issue 9, "About this lesson" for every lesson; obs. 10, links keep the iteration; issue 13, the loss chart
// ---------------------------------------------------------------------------------------------------------------

test('About this lesson shows every preset’s own notes, in English and in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  for (const preset of PRESETS) {
    const notes = preset.lesson.notes;
    expect(notes, preset.id).toBeDefined();
    for (const [locale, about] of [
      ['en', 'About this lesson'],
      ['zh-CN', '关于本课'],
    ] as const) {
      await page.goto('about:blank');
      await page.goto(`/#v1&preset=${preset.id}&g=neuron&s=1`);
      await page.locator('.header-tools select').first().selectOption(locale);
      await page.getByRole('button', { name: about }).click();
      const dialog = page.getByRole('dialog', { name: about });
      // the first sentence of the notes in that language (each paragraph is shown as written)
      const first = notes![locale].split(/(?<=[.。])/)[0].trim();
      await expect(dialog, `${preset.id} ${locale}`).toContainText(first);
      await page.keyboard.press('Escape');
    }
  }
  expect(errors).toEqual([]);
});

test('a link made after two iterations opens at iteration 3 with its loss; the loss chart plots each iteration’s E', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  const it1 = byHand(W1_004, W2_004, X_004, T_004, 0.5);
  const it2 = byHand(it1.W1new, it1.W2new, X_004, T_004, 0.5);
  const it3 = byHand(it2.W1new, it2.W2new, X_004, T_004, 0.5);

  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=1');
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next iteration' }).click();
  await blur(page);
  await goToStep(page, 'loss/total');
  await expect(page.getByTestId('iteration')).toHaveText(`Iteration 3: E = ${formatPlain(it3.E, 4)}`);

  // the chart: a point per iteration whose loss is on screen (this one's too, from its loss step on), the last
  // read back through the chart's own y axis
  const chart = page.locator('figure:has(svg[aria-label="Loss per iteration"])');
  await expect(chart.locator('[data-series="loss"]')).toHaveAttribute('data-points', '3');
  const read = await chart.evaluate((fig) => {
    const ticks = [...fig.querySelectorAll('[data-testid="y-axis"] .tick')].map((t) => ({
      value: Number(t.querySelector('text')!.textContent),
      y: Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform')!)![1]),
    }));
    const [a, b] = ticks;
    const cy = Number(fig.querySelector('[data-series="loss"] circle.last')!.getAttribute('cy'));
    return {
      value: a.value + ((cy - a.y) * (b.value - a.value)) / (b.y - a.y),
      xTicks: fig.querySelectorAll('[data-testid="x-axis"] .tick').length,
    };
  });
  expect(read.xTicks).toBeGreaterThanOrEqual(2);
  expect(read.value).toBeCloseTo(it3.E, 2);
  expect(Math.abs(read.value - it3.E)).toBeLessThan(Math.abs(read.value - it2.E));

  // the link in the address bar, opened by someone else: iteration 3 at the same step, the same E
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('i=3');
  const hash = await page.evaluate(() => location.hash);
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await other.goto(`/${hash}`);
  await expect(other.getByTestId('iteration')).toHaveText(`Iteration 3: E = ${formatPlain(it3.E, 4)}`);
  expect(await position(other)).toContain('Step 13 / 32');
  await other.context().close();
  expect(errors).toEqual([]);
});

test('a step’s sentence draws a spelled-out subscript below the line, as its formula does, and reads it whole', async ({
  page,
}) => {
  await openApp(page, '/#v1&preset=lesson004&g=neuron&s=5');
  const sentence = page.getByTestId('sentence');
  await expect(sentence).toHaveText(
    'The weighted sum X_hidden,3 of hidden neuron 3: each input times its weight, all added up.',
  );
  const sub = sentence.locator('sub');
  await expect(sub).toHaveText('hidden,3');
  // the underscore is not drawn: the subscript starts right after the X
  const underscore = sentence.locator('.sr-only');
  expect((await underscore.boundingBox())!.width).toBeLessThanOrEqual(1);
  await page.screenshot({
    path: `${SHOTS}/tour-sentence-subscript.png`,
    clip: { x: 740, y: 130, width: 540, height: 120 },
  });
});
