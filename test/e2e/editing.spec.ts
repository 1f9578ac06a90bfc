import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { traceStep, type Lesson } from '../../src/engine';
import { formatNumber } from '../../src/formulas';
import { formatPlain } from '../../src/formulas/plain';
import { lesson004 } from '../../src/lessons';
import { applyEdit } from '../../src/store/edits';
import { openApp, position, texOf, watchErrors } from './helpers';

const traceOf = (lesson: Lesson) => {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error('the lesson must trace');
  return r.trace;
};
/** Lesson 004 with w₁,₁ = 0.5, and its trace (the engine is the oracle for every downstream value). */
const edited = (() => {
  const r = applyEdit(lesson004, { kind: 'weight', layer: 1, neuron: 0, from: 0, value: 0.5 });
  if (!r.ok) throw new Error('the edit must apply');
  return r.lesson;
})();
const before = traceOf(lesson004);
const after = traceOf(edited);

/** Opens the chain-rule panel of w₁,₁ from the keyboard and returns its value field. */
async function openWeight(page: Page) {
  await page.locator('[data-id="e:1:0:0"]').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('chain-rule');
  await expect(panel).toBeVisible();
  return { panel, field: panel.getByRole('textbox', { name: 'Weight w₁,₁' }) };
}
const toBody = (page: Page) => page.locator('body').click({ position: { x: 5, y: 5 } });

test('a weight typed in its panel changes every value downstream; Ctrl+Z restores it', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const { field } = await openWeight(page);
  await expect(field).toHaveValue('0.9');
  await field.fill('0.5');
  await field.press('Enter');
  await expect(field).toHaveValue('0.5');
  // beside the open panel the graph is too narrow for this label at 12 px: the weight's name says it
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute(
    'aria-label',
    /O_hidden,1: 0\.5, positive/,
  );

  // step 1: z¹₁ = 0.5·0.9 + 0.3·0.1 + 0.4·0.8 = 0.8 (was 1.16), on the graph and in the formula
  await toBody(page);
  await page.keyboard.press('Home');
  expect(await position(page)).toContain('Step 1 / 32');
  const hidden1 = page.locator('[data-id="n:1:0"]');
  await expect(hidden1).toHaveAttribute('aria-label', /X_hidden,1 0\.8(,|$)/);
  expect(await texOf(page, 'formula-result')).toMatch(/= ?0\.8$/);
  expect(await texOf(page, 'formula-substituted')).toContain('0.5');
  await expect(page.locator('.erratum')).toHaveCount(0); // the source's printed figures no longer apply

  // the last step: every later value is the engine's for the edited lesson (and differs from before)
  await page.keyboard.press('End');
  expect(await position(page)).toContain('Step 32 / 32');
  expect(formatPlain(after.loss, 4)).not.toBe(formatPlain(before.loss, 4));
  await expect(page.getByTestId('iteration')).toContainText(`E = ${formatPlain(after.loss, 4)}`);
  const a2 = formatPlain(after.layers[2].a[0], 4);
  await expect(page.locator('[data-id="n:2:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`O_output,1 ${a2}`),
  );
  const d1 = formatPlain(after.layers[1].delta[1], 4);
  await expect(page.locator('[data-id="n:1:1"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`δ_hidden,2 ${d1}`),
  );
  const w = formatPlain(after.updated.weights[0][0][0], 4);
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute(
    'aria-label',
    new RegExp(`after update: ${w}`),
  );

  // step 28, the first update: w − η ∂E/∂w for every weight into hidden neuron 1
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
  expect(await position(page)).toContain('Step 28 / 32 · update');
  const result = await texOf(page, 'formula-result');
  for (let k = 0; k < 3; k++) expect(result).toContain(formatNumber(after.updated.weights[0][0][k], 4));
  expect(await texOf(page, 'formula-substituted')).toContain(formatNumber(after.layers[1].dW[0][0], 4));

  // Ctrl+Z from the page restores 0.9 and z¹₁ = 1.16, keeping the step
  await toBody(page);
  await page.keyboard.press('Control+z');
  expect(await position(page)).toContain('Step 28 / 32');
  await expect(field).toHaveValue('0.9');
  await page.keyboard.press('Home');
  await expect(hidden1).toHaveAttribute('aria-label', /X_hidden,1 1\.16(,|$)/);
  expect(await texOf(page, 'formula-result')).toContain('1.16');
  expect(errors).toEqual([]);
});

test('typing "abc" explains itself beside the field and keeps 0.9; Escape restores the field', async ({
  page,
}) => {
  await openApp(page);
  const { panel, field } = await openWeight(page);
  await field.fill('abc');
  await field.press('Enter');
  const alert = panel.getByRole('alert');
  await expect(alert).toHaveText('⚠ “abc” is not a number. The value stays 0.9.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', (await alert.getAttribute('id'))!);
  // beside the open panel the graph is too narrow for this label at 12 px: the weight's name says it
  await expect(page.locator('[data-id="e:1:0:0"]')).toHaveAttribute(
    'aria-label',
    /O_hidden,1: 0\.9, positive/,
  );
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute('aria-label', /X_hidden,1 1\.16(,|$)/);

  await field.fill('2e7');
  await field.press('Enter');
  await expect(alert).toContainText('Keep numbers within ±1000000.');
  await field.press('Escape');
  await expect(field).toHaveValue('0.9');
  await expect(alert).toHaveText('');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
});

test('inputs and targets from their nodes, a W cell in the matrix view', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-id="n:0:1"]').click();
  const x2 = page.getByTestId('value-panel').getByRole('textbox', { name: 'Input X₂' });
  await x2.fill('0.6');
  await x2.press('Enter');
  // z¹₁ = 0.9·0.9 + 0.3·0.6 + 0.4·0.8 = 1.31
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute('aria-label', /X_hidden,1 1\.31(,|$)/);

  await page.locator('[data-id="n:2:0"]').focus();
  await page.keyboard.press('Enter');
  const t1 = page.getByTestId('value-panel').getByRole('textbox', { name: 'Target target₁' });
  await expect(t1).toHaveValue('0.01');
  await t1.press('Escape'); // nothing typed: closes the panel, focus back on the node
  await expect(page.getByTestId('value-panel')).toHaveCount(0);
  await expect(page.locator('[data-id="n:2:0"]')).toBeFocused();

  await page.getByRole('button', { name: 'Matrix view' }).click();
  const grid = page.getByRole('group', { name: 'Edit the weights and inputs' });
  const cell = grid.getByRole('textbox', { name: 'Weight w₂,₁' });
  await cell.fill('0');
  await cell.press('Enter');
  // z¹₁ = 0.9·0.9 + 0·0.6 + 0.4·0.8 = 1.13
  await expect(page.locator('[data-id="n:1:0"]')).toHaveAttribute('aria-label', /X_hidden,1 1\.13(,|$)/);
  expect(await texOf(page, 'formula-result')).toContain('1.13');
});

test('the Network panel: add a hidden layer, refuse an invalid change, undo', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Edit network' }).click();
  const panel = page.getByTestId('network-panel');
  await expect(panel.getByRole('heading', { name: 'Network' })).toBeFocused();

  await panel.getByRole('button', { name: 'Add a hidden layer' }).click();
  await expect(page.locator('[data-id="n:3:1"]')).toBeVisible(); // the output is now layer 3
  expect(await position(page)).not.toContain('/ 32');
  await expect(panel.getByRole('rowheader', { name: 'Hidden layer 2' })).toBeVisible();

  const lr = panel.getByRole('textbox', { name: 'Learning rate η' });
  await lr.fill('0');
  await lr.press('Enter');
  await expect(
    panel.getByRole('alert').filter({ hasText: 'The learning rate must be greater than 0.' }),
  ).toBeVisible();

  // invalid activation–loss pairs are not offered
  await panel.getByRole('combobox', { name: 'Output layer: activation' }).selectOption('identity');
  await expect(panel.getByRole('combobox', { name: 'Loss' }).locator('option[value="bce"]')).toBeDisabled();

  const results = await new AxeBuilder({ page }).include('[data-testid="network-panel"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  await toBody(page);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-id="n:3:1"]')).toHaveCount(0);
  expect(await position(page)).toContain('/ 32');
  await expect(panel.getByRole('combobox', { name: 'Output layer: activation' })).toHaveValue('sigmoid');

  await page.keyboard.press('Escape'); // focus is on the page, not the panel: nothing closes
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close the network panel' }).click();
  await expect(page.getByRole('button', { name: 'Edit network' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Edit network' })).toHaveAttribute('aria-expanded', 'false');
  expect(errors).toEqual([]);
});
