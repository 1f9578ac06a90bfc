import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { traceStep } from '../../src/engine';
import { formatPlain } from '../../src/formulas/plain';
import { lesson004 } from '../../src/lessons';
import { buildTimeline } from '../../src/steps';
import { openApp } from './helpers';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const START = '/#v1&preset=lesson004&g=neuron&s=1';

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it is now (axe injected from the installed package). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return (violations as Violation[]).map(
    (v) =>
      `${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
}

/** A broken lesson file, refused with its problems listed. */
const BROKEN = { format: 'backprop-lesson', version: 2, layers: [] };

for (const locale of ['en', 'zh-CN'] as const)
  for (const theme of ['light', 'dark', 'projector'] as const)
    test(`axe finds no violation on any view (${locale}, ${theme} theme)`, async ({ page }) => {
      test.setTimeout(240_000); // axe takes a few seconds a view on a busy machine
      await openApp(page, START, null);
      await page.locator('.header-tools select').first().selectOption(locale);
      await page.locator('.header-tools select').last().selectOption(theme);
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      const found: string[] = [];
      const check = async (view: string) =>
        found.push(...(await axeViolations(page)).map((v) => `${view}: ${v}`));

      await check('a forward step');
      for (let i = 0; i < 14; i++) await page.keyboard.press('PageDown');
      await check('a backward step');

      // the chain rule of a weight
      await page.locator('[data-id="e:1:0:0"]').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('chain-rule')).toBeVisible();
      await check('the chain-rule panel');
      await page.getByTestId('chain-rule').locator('button').first().click();

      // the network panel
      await page.locator('.edit-network').click();
      await expect(page.locator('.network-panel')).toBeVisible();
      await check('the network panel');
      await page.locator('.edit-network').click();

      // the lesson picker
      await page.locator('.lesson-toolbar button[aria-haspopup="dialog"]').click();
      await expect(page.locator('dialog.lesson-picker')).toBeVisible();
      await check('the lesson picker');
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog.lesson-picker')).toHaveCount(0);

      // a file refused, its problems listed
      await page.locator('input[type="file"]').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(BROKEN)),
      });
      await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toBeVisible();
      await check('a refused file');

      // About this lesson
      await page.locator('.about-lesson-open').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      await check('About this lesson');
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);

      // presenter mode, and its blank screen
      await page.locator('.present-button').click();
      await expect(page.locator('.present-leave')).toBeVisible();
      await check('presenter mode');
      await page.keyboard.press('b');
      await check('presenter mode, blank');
      await page.keyboard.press('Escape');

      // layer detail (matrix form)
      await page.locator('.segmented input').nth(1).check();
      await check('layer detail');
      expect(found).toEqual([]);
    });

/** The engine's values of lesson 004 by value id. */
function engineValues(): Record<string, number> {
  const r = traceStep(lesson004);
  if (!r.ok) throw new Error('trace');
  return buildTimeline(lesson004, r.trace, 'neuron').values;
}

test('the live region reads each step with the engine’s value, in English and in Chinese', async ({
  page,
}) => {
  const v = engineValues();
  const f = (id: string) => formatPlain(v[id], 4);
  await openApp(page, START, null);
  const narration = page.getByTestId('narration');
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  await expect(narration).toHaveText(
    `Forward: the weighted sum X_hidden,1 of hidden neuron 1 is ${f('z:1:0')}.`,
  );
  await page.keyboard.press('PageDown');
  await expect(narration).toHaveText(
    `Forward: the activation O_hidden,1 of hidden neuron 1 is ${f('a:1:0')}.`,
  );
  // lesson 004's loss: E = Σ (target − O)², its two terms and the total
  await page.keyboard.press(']');
  await expect(page.getByTestId('position')).toContainText('loss');
  await expect(narration).toHaveText(`Loss: the loss term E₁ of output neuron 1 is ${f('e:0')}.`);

  await page.locator('.header-tools select').first().selectOption('zh-CN');
  await expect(narration).toHaveText(`损失：第 1 个输出神经元的损失项 E₁ 为 ${f('e:0')}。`);
  await page.keyboard.press(']');
  // the backward phase: the first step is output 1's ∂E/∂O
  await expect(narration).toContainText('反向：');
  const text = (await narration.textContent()) ?? '';
  const id = ['dA:2:0', 'fp:2:0', 'd:2:0'].find((i) => text.includes(f(i)));
  expect(id, text).toBeDefined();
  // on to hidden neuron 2's error term
  for (let i = 0; i < 12 && !((await narration.textContent()) ?? '').includes('δ_hidden,2'); i++)
    await page.keyboard.press('PageDown');
  await expect(narration).toHaveText(
    new RegExp(`^反向：.*第 2 个隐藏层神经元的误差项 δ_hidden,2 为 ${f('d:1:1').replace('.', '\\.')}。$`),
  );
  // the formulas keep KaTeX's MathML for screen readers
  expect(await page.locator('.formula-page.is-current [data-testid="formula-result"] math').count()).toBe(1);
});
