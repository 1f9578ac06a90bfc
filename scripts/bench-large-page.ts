/**
 * Code run in the page by scripts/bench-ui-large.ts (as text, see bench-ui.ts) and the small waits around it:
 * long tasks observed from the first moment, a walk of steps timed by ArrowRight, an action timed to the end of
 * the frame that shows it, and settling, two frames, the heap after garbage collection.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Long tasks (over 50 ms) from the page's first moment, for the worst pause. */
export const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})()`;

/**
 * Walks steps (up to `limit`) with ArrowRight, each dispatched at a frame's start and timed to the task after
 * that frame's rendering; `pace` 'student' waits for an idle moment between steps, 'held' a frame only. Returns
 * [position after the step, latency] per step.
 */
export const WALK = `async (limit, pace) => {
  const position = () => document.querySelector('[data-testid="position"]')?.textContent ?? '';
  const channel = new MessageChannel();
  const step = () =>
    new Promise((ok) => {
      requestAnimationFrame(() => {
        const t0 = performance.now();
        channel.port2.onmessage = () => ok(performance.now() - t0);
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        channel.port1.postMessage(null);
      });
    });
  const idle = () => new Promise((ok) => requestIdleCallback(ok, { timeout: 2000 }));
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  const out = [];
  while (out.length < limit) {
    const before = position();
    const ms = await step();
    // the step shows within a frame or two (on a busy machine the render may come after the timed task)
    let after = position();
    for (let k = 0; after === before && k < 5; k++) {
      await frame();
      after = position();
    }
    if (after === before) break;
    out.push([after, ms]);
    await frame();
    if (pace === 'student') await idle();
  }
  return out;
}`;

/** Time from an action (page code, run at a frame's start) to the end of the frame that shows it. */
const TIME_ACTION = `(action) => new Promise((ok) => {
  const channel = new MessageChannel();
  requestAnimationFrame(() => {
    const t0 = performance.now();
    channel.port2.onmessage = () => ok(performance.now() - t0);
    (0, eval)(action)();
    channel.port1.postMessage(null);
  });
})`;

/** Resolves after two more frames (and the task after each). */
export const TWO_FRAMES = `new Promise((ok) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(ok)))))`;

/** Runs `action` (page code of a function) at a frame's start; ms to the end of the frame that shows it. */
export async function timeAction(page: Page, action: string): Promise<number> {
  return page.evaluate(`(${TIME_ACTION})(${JSON.stringify(action)})`) as Promise<number>;
}

/** Waits for three frames, each followed by an idle moment. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    `(async () => { for (let i = 0; i < 3; i++) { await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))); await new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })); } })()`,
  );
}

/** JS heap in use after a forced full garbage collection, in MB. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

/** Presses a key on the page's window (the app's stepping keys listen there). */
export async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(
    (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })),
    key,
  );
}

/** Opens a lesson through window.backpropApp; ms until the graph shows its `nodes` neurons. */
export const openLesson = (page: Page, lesson: unknown, nodes: number) =>
  page.evaluate(
    async ([l, n]) => {
      const t0 = performance.now();
      const r = window.backpropApp!.loadLesson(l);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      while (document.querySelectorAll('[data-id^="n:"]').length !== n)
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      return performance.now() - t0;
    },
    [lesson, nodes] as const,
  );

/**
 * Where to click w⁵₃₇ (e:5:3:7): a third of the way along its line from neuron 7 of layer 4 to neuron 3 of layer
 * 5, in client pixels.
 */
export const weightPoint = (page: Page) =>
  page.evaluate(`(() => {
    const centre = (id) => {
      const r = document.querySelector('[data-id="' + id + '"] circle').getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    };
    const [x1, y1] = centre('n:4:7');
    const [x2, y2] = centre('n:5:3');
    return [x1 + (x2 - x1) / 3, y1 + (y2 - y1) / 3];
  })()`) as Promise<[number, number]>;

/** Waits until nothing on the page is aria-busy, then two frames more. */
export async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(TWO_FRAMES);
}
