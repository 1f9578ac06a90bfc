import { expect, test, type Page } from '@playwright/test';
import { lesson004 } from '../../src/lessons';
import { openApp, position, watchErrors } from './helpers';

// Lesson 004's first hidden neuron, by hand: z = Σ_k w_1k x_k (no bias), a = σ(z); and tanh(z) for the mistake.
const w = lesson004.weights[0][0];
const x = lesson004.sample.input;
const z11 = w.reduce((s, wk, k) => s + wk * x[k], 0) + (lesson004.useBias ? lesson004.biases[0][0] : 0);
const a11 = 1 / (1 + Math.exp(-z11));
const forwardSteps = lesson004.layers.slice(1).reduce((s, l) => s + 2 * l.size, 0); // z and a per neuron

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/practice-${name}.png` });

test('practice on lesson 004: one right, one wrong then right after the hint, one shown; the score', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openApp(page);
  await expect(page.getByText('A 3-3-2 network in matrix form')).toBeVisible();
  const practice = page.getByRole('switch', { name: 'Practice' });
  await expect(practice).toHaveAttribute('aria-checked', 'false');
  await practice.click();
  await expect(practice).toHaveAttribute('aria-checked', 'true');

  // step 1, z of hidden neuron 1: the result is covered, on the formula and on the graph
  expect(await position(page)).toContain('Step 1 /');
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toBeVisible();
  await expect(page.getByTestId('formula-result')).not.toContainText(z11.toFixed(2));
  const hidden1 = page.locator('[data-id="n:1:0"]');
  await expect(hidden1).not.toHaveAttribute('aria-label', new RegExp(z11.toFixed(2).replace('.', '\\.')));
  await shot(page, 'covered-1280');

  // right at the first try (three significant digits): revealed, announced, and on to step 2
  await answer.fill(z11.toPrecision(3));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Right' })).toContainText(
    `= ${z11.toPrecision(4).replace(/0+$/, '').replace(/\.$/, '')}`,
  );
  expect(await position(page)).toContain('Step 2 /');
  await expect(hidden1).toHaveAttribute('aria-label', new RegExp(z11.toFixed(2).replace('.', '\\.')));

  // step 2, a = σ(z): tanh(z) typed by mistake gets the activation's hint, then σ(z) is right
  const second = page.getByRole('textbox', { name: 'Your answer' });
  await expect(second).toBeFocused(); // the next answer field takes the focus: type answer after answer
  await second.fill(Math.tanh(z11).toPrecision(4));
  await second.press('Enter');
  const hint = page.getByTestId('practice-hint');
  await expect(hint).toContainText('tanh');
  await expect(hint).toContainText('Sigmoid');
  await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toContainText('Hint');
  expect(await position(page)).toContain('Step 2 /');
  await shot(page, 'hint-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/practice-hint-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await second.fill(a11.toPrecision(4));
  await page.getByRole('button', { name: 'Check' }).click();
  expect(await position(page)).toContain('Step 3 /');

  // step 3: shown
  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shown' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  // on to step 4, whose empty answer field takes the focus; → there still steps on (skipping is allowed)
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  expect(await position(page)).toContain('Step 5 /');

  // the score: one of the forward steps right at the first try
  await expect(page.getByTestId('practice-score')).toContainText(
    `Right at the first try: forward 1/${forwardSteps}`,
  );

  // the report at the end of the iteration, each entry linking to its step
  await page.getByRole('button', { name: 'Last step' }).click();
  const report = page.getByTestId('practice-report');
  await expect(report).toContainText('Right at the first try (1)');
  await expect(report).toContainText('Right after a hint (1)');
  await expect(report).toContainText('Shown (1)');
  await shot(page, 'report-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/practice-report-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await report.getByRole('button', { name: /^Step 2:/ }).click();
  expect(await position(page)).toContain('Step 2 /');

  // progress is kept in the browser: a reload brings the score back
  await page.reload();
  await expect(page.getByTestId('practice-score')).toContainText(
    `Right at the first try: forward 1/${forwardSteps}`,
  );
  expect(errors).toEqual([]);
});

test('practice in Chinese', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('switch', { name: '练习' }).click();
  const answer = page.getByRole('textbox', { name: '你的答案' });
  await answer.fill('0.5');
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('status').filter({ hasText: '三位有效数字' })).toBeVisible();
  await answer.fill(z11.toPrecision(4));
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('status').filter({ hasText: '正确' })).toBeVisible();
  await expect(page.getByTestId('practice-score')).toContainText(`一次答对： 前向 1/${forwardSteps}`);
  await shot(page, 'zh-1280');
});

test('a teacher’s exercise link opens into practice; the completion code checks out', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('switch', { name: 'Practice' }).click();
  await page.getByText('Practice settings').click();
  for (const kind of ['Forward (z, a)', 'Error terms δ', 'Gradients', 'Updates'])
    await page.getByRole('checkbox', { name: kind }).uncheck();
  await page.getByRole('button', { name: 'Make an exercise link' }).click();
  const link = await page.getByTestId('exercise-link').inputValue();
  expect(link).toMatch(/#v1&preset=lesson004&g=neuron&s=1&x=l$/);
  await shot(page, 'settings-1280');

  // the student: a fresh browser state opens the link straight into practice on the loss steps only
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.getByRole('switch', { name: 'Practice' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('Exercise from your teacher')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0); // step 1 is not a loss step
  await page.keyboard.press(']'); // to the loss phase
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('End');
  const code = page.getByTestId('completion-code');
  await expect(code).toContainText('Completion code');
  const text = (await code.locator('strong').textContent()) ?? '';
  expect(text).toMatch(/^0-0-3-[0-9A-Z]{8}$/);

  // the teacher checks it in the app, against the exercise on screen; a changed count fails
  await page.getByText('Practice settings').click();
  const field = page.getByRole('textbox', { name: 'Completion code' });
  await field.fill(text);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('code-verdict')).toHaveText(
    'Valid for this exercise: 0 right at the first try, 0 after a hint, 3 shown.',
  );
  await field.fill(text.replace(/^0-0-3/, '3-0-0'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('code-verdict')).toContainText('does not belong');
  expect(errors).toEqual([]);
});

test('class mode: the result stays covered until R', async ({ page }) => {
  await openApp(page);
  await page.getByRole('switch', { name: 'Practice' }).click();
  await page.getByText('Practice settings').click();
  await page.getByRole('switch', { name: 'Class mode' }).click();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  await expect(page.getByTestId('formula-result')).toContainText('Covered');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(page.getByTestId('formula-result')).not.toContainText('Covered');
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(z11.toFixed(2).replace('.', '\\.')),
  );
  await shot(page, 'class-1280');
});
