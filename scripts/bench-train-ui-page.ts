/**
 * What scripts/bench-train-ui.ts does inside the page: its cases, opening the Train view on a lesson and data set,
 * and the in-page scripts that start a run and count its frames (page code as text).
 */
import type { Page } from 'playwright-core';

/**
 * The cases: trained from epoch 0 to `epochs` at full speed; or (`history`) first trained to `epochs` at full
 * speed unmeasured, then measured over WINDOW_MS going on from there at 10,000 samples per second (Iris: about
 * 83 epochs a second, so the history stays near 10,000 epochs while a few hundred frames are counted).
 */
export const CASES: { name: string; dataset: string | null; history?: true }[] = [
  { name: 'Iris 4-5-3, SGD: charts, graph, confusion matrix', dataset: null },
  { name: 'Spiral 2-5-1, SGD: charts, graph, decision map', dataset: 'spiral' },
  {
    name: 'Iris 4-5-3, SGD, after 10,000 epochs of history (10,000 samples/s)',
    dataset: null,
    history: true,
  },
];
/** How long the history case is measured, ms. */
export const WINDOW_MS = 4000;
/** The speed option of the history case (its index in the speed list: 10,000 samples/s). */
export const HISTORY_SPEED = '4';

/**
 * In the page, with --mutations: counts the Train view's DOM mutations (attributes, text, nodes) while the run is
 * measured, into window.__mutations (a count that does not depend on the machine's load).
 */
const OBSERVE = `if (window.__observe) {
    window.__mutations = 0;
    window.__observer?.disconnect();
    window.__observer = new MutationObserver((r) => (window.__mutations += r.length));
    window.__observer.observe(document.querySelector('.train-view'), {
      subtree: true,
      attributes: true,
      characterData: true,
      childList: true,
    });
  }`;

/**
 * In the page: counts the frames on which the epoch line changed (frames that showed new training, as against
 * frames drawn with nothing new because no message from the worker came in time).
 */
const UPDATES = `const label = document.querySelector('[data-testid="train-epoch"]');
  let updates = 0;
  let shown = label?.textContent;
  const count = () => {
    if (label?.textContent !== shown) updates++;
    shown = label?.textContent;
  };`;

/**
 * In the page: counts frames from the start mark until the epoch line reads the last epoch; returns the frame
 * times and the count of frames that showed new epochs. Page code as text (tsx would wrap functions in a helper the page lacks).
 */
export const RUN = `async ([epochs, start, end]) => {
  const times = [];
  ${OBSERVE}
  ${UPDATES}
  const done = () => (label?.textContent ?? '').replace(/\\D/g, '') === String(epochs);
  performance.mark(start);
  document.querySelector('.train-buttons button')?.click();
  await new Promise((ok) => {
    const frame = (t) => {
      times.push(t);
      count();
      if (done() && !document.querySelector('.train-state')?.textContent?.includes('…')) {
        performance.mark(end);
        ok();
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return { times, updates };
}`;

/**
 * In the page: starts the run again (from the epoch it stands at) and counts frames for `ms`, then pauses it;
 * returns the frame times and the count of frames that showed new epochs.
 */
export const RUN_WINDOW = `async ([ms, start, end]) => {
  const times = [];
  ${OBSERVE}
  ${UPDATES}
  performance.mark(start);
  document.querySelector('.train-buttons button')?.click();
  await new Promise((ok) => {
    const frame = (t) => {
      times.push(t);
      count();
      if (t - times[0] >= ms) {
        performance.mark(end);
        ok();
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  document.querySelector('.train-buttons button')?.click();
  return { times, updates };
}`;

export async function openTrain(
  page: Page,
  url: string,
  dataset: string | null,
  epochs: number,
): Promise<void> {
  await page.goto(url);
  // the page's scripts run after its first paint: a click on the button before they do opens nothing
  const dialog = page.getByRole('dialog', { name: 'Choose a lesson' });
  for (let tries = 0; tries < 30 && !(await dialog.isVisible()); tries++) {
    await page.getByRole('button', { name: 'Lessons' }).click();
    await dialog.waitFor({ timeout: 1000 }).catch(() => {});
  }
  await dialog.getByRole('button', { name: /Iris/ }).click();
  await page.getByTestId('train-epoch').waitFor();
  if (dataset) await page.getByLabel('Data set').selectOption(dataset);
  await page.getByLabel('Epochs to run').fill(String(epochs));
  await page.getByLabel('Training speed').selectOption({ label: 'As fast as possible' });
}
