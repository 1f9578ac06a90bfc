import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';
import { openDeepWeightChainRule, openLarge } from './largeLesson';

// Issue 9, the 10 × 64 network: Next iteration shows the step controls first and draws the new lesson's graph
// and chain rule in later tasks. Meanwhile those say they are busy (aria-busy) and never show an older
// iteration's numbers as if they were current.

/** What the page shows at one moment: the position, and the graph's and chain rule's state. */
interface Snapshot {
  position: string;
  graphBusy: boolean;
  chainBusy: boolean;
  /** The chain rule's ∂E/∂w line (numbers), null while it waits for its step. */
  compact: string | null;
  pending: boolean;
}

test('10 × 64: after Next iteration the graph and the chain rule are busy, then show the new iteration', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openLarge(page);
  const panel = await openDeepWeightChainRule(page);
  // the last step: ∂E/∂w is computed, the chain rule shows its numbers
  await page.keyboard.press('End');
  await expect(panel.locator('.chain-compact')).toBeVisible({ timeout: 30_000 });
  const position = page.getByTestId('position');
  const lastPosition = await position.textContent();

  // Every change of the page from the click on, as it was at that moment.
  await page.evaluate(() => {
    const snap = () => {
      const aside = document.querySelector('[data-testid="chain-rule"]');
      return {
        position: document.querySelector('[data-testid="position"]')?.textContent ?? '',
        graphBusy: document.querySelector('.graph')?.getAttribute('aria-busy') === 'true',
        chainBusy: aside?.getAttribute('aria-busy') === 'true',
        compact: aside?.querySelector('.chain-compact')?.textContent ?? null,
        pending: aside?.querySelector('[data-testid="chain-pending"]') !== null,
      };
    };
    const w = window as unknown as { snapshots: Snapshot[] };
    w.snapshots = [];
    new MutationObserver(() => w.snapshots.push(snap())).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  await page.getByRole('button', { name: 'Next iteration' }).click();
  await expect(panel.getByTestId('chain-pending')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const snapshots = await page.evaluate(() => (window as unknown as { snapshots: Snapshot[] }).snapshots);

  // the step controls moved to step 1 of the new iteration
  const first = await position.textContent();
  expect(first).not.toBe(lastPosition);
  const after = snapshots.filter((s) => s.position === first);
  expect(after.length).toBeGreaterThan(0);
  // the graph and the chain rule were busy for a while once the position had changed...
  expect(after.some((s) => s.graphBusy)).toBe(true);
  expect(after.some((s) => s.chainBusy)).toBe(true);
  // ...and whenever the chain rule was not busy it showed the new iteration's step 1: ∂E/∂w not yet computed
  for (const s of after.filter((s) => !s.chainBusy)) {
    expect(s.compact).toBeNull();
    expect(s.pending).toBe(true);
  }
  // the older numbers were shown only while busy
  for (const s of after.filter((s) => s.compact !== null)) expect(s.chainBusy).toBe(true);
  expect(errors).toEqual([]);
});
