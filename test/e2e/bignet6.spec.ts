import { expect, test } from '@playwright/test';
import { openApp, watchErrors } from './helpers';
import { largeAtNeuronDetail } from './largeLesson';

// The 10 × 64 network opened over the start lesson: the page shows the new lesson's step controls first and
// draws its graph in later tasks. Meanwhile the graph's place says so (busy, a status) and never shows the
// older lesson's neurons beside the new lesson's position.

interface Snapshot {
  position: string;
  pending: boolean;
  status: string | null;
  busy: boolean;
  neurons: number;
}

test('10 × 64 opened: the graph is drawing (busy, never the older lesson), then all 640 neurons', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openApp(page, '/', null);
  const position = page.getByTestId('position');
  const before = await position.textContent();
  const neuronsBefore = await page.locator('[data-id^="n:"]').count();
  expect(neuronsBefore).toBeLessThan(640);
  await page.evaluate(() => {
    const snap = () => ({
      position: document.querySelector('[data-testid="position"]')?.textContent ?? '',
      pending: document.querySelector('[data-testid="graph-pending"]') !== null,
      status: document.querySelector('[data-testid="graph-pending"] [role="status"]')?.textContent ?? null,
      busy: document.querySelector('.graph-panel [aria-busy="true"]') !== null,
      neurons: document.querySelectorAll('[data-id^="n:"]').length,
    });
    const w = window as unknown as { snapshots: Snapshot[] };
    w.snapshots = [];
    new MutationObserver(() => w.snapshots.push(snap())).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  expect(await page.evaluate((l) => window.backpropApp!.loadLesson(l).ok, largeAtNeuronDetail)).toBe(true);
  await expect(page.locator('[data-id^="n:"]')).toHaveCount(640, { timeout: 60_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByTestId('graph-pending')).toHaveCount(0);
  const snapshots = await page.evaluate(() => (window as unknown as { snapshots: Snapshot[] }).snapshots);

  const first = await position.textContent();
  const after = snapshots.filter((s) => s.position === first && first !== before);
  expect(after.length).toBeGreaterThan(0);
  // the graph was drawing for a while, saying so, busy, with no neurons at all...
  const drawing = after.filter((s) => s.pending);
  expect(drawing.length).toBeGreaterThan(0);
  for (const s of drawing)
    expect(s).toMatchObject({ status: 'Drawing the network…', busy: true, neurons: 0 });
  // ...and whenever the new position was shown, neurons were either none or all 640 of the new net
  for (const s of after) expect([0, 640]).toContain(s.neurons);
  expect(errors).toEqual([]);
});
