import { expect, test, type Page } from '@playwright/test';
import { cpuMs, traceVisit, type TraceEvent } from '../../scripts/traceVisit';
import { waitForApp, watchErrors } from './helpers';

// What the main thread does on a first visit, read from Chromium's trace in CPU time (the machine's load
// barely changes it): Lighthouse's total blocking time is the sum of the tasks after the first paint, each
// counted four times over (its phone's slowdown) less 50 ms.

/** The main thread's complete events of a first visit of `/`, traced until the app has started and `settleMs`. */
async function traceFirstVisit(page: Page, settleMs = 1500): Promise<TraceEvent[]> {
  const { events, nav } = await traceVisit(
    page,
    'blink.user_timing,loading,devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.compile',
    async () => {
      await page.goto('/');
      await waitForApp(page);
      await page.waitForTimeout(settleMs);
    },
  );
  expect(nav, 'the navigation in the trace').toBeDefined();
  return events.filter((e) => e.pid === nav!.pid && e.tid === nav!.tid && e.ph === 'X');
}

test('evaluating the app’s scripts reads no script again for a stack trace; the entry evaluates in a short task', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const events = await traceFirstVisit(page);
  // React DOM made its marker errors with Error() while the entry evaluated: with a trace or a debugger
  // attached (as Lighthouse is), each captured stack made Chromium parse React DOM's module and the whole
  // entry chunk again for source positions, ~40 ms of the entry's ~50 (scripts/stacklessErrors-plugin.ts)
  const reparsed = events.filter((e) => e.name === 'V8.CollectSourcePositions' && cpuMs(e) >= 3);
  expect(reparsed.map(cpuMs)).toEqual([]);
  const evaluations = events.filter((e) => e.name === 'v8.evaluateModule');
  expect(evaluations.length).toBeGreaterThan(0);
  // the entry's evaluation took 40–53 ms of CPU with the markers' stacks; about 10 ms without them
  expect(Math.max(...evaluations.map(cpuMs))).toBeLessThan(25);
  expect(errors).toEqual([]);
});
