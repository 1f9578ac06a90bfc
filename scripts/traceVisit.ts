// A first visit traced in Chromium (DevTools protocol): shared by scripts/bench-starttasks.ts and the browser
// tests that read the start's main-thread tasks.
import type { Page } from 'playwright-core';

/** A Chromium trace event, as much of it as the start's figures read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { isLoadingMainFrame?: boolean; documentLoaderURL?: string } };
}

/** CPU time of a traced event (its thread time where the trace has it), ms. */
export const cpuMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

/**
 * Every event of `categories` traced while `visit` runs in `page`, and the main frame's navigation start
 * (undefined if the trace has none).
 */
export async function traceVisit(
  page: Page,
  categories: string,
  visit: () => Promise<void>,
): Promise<{ events: TraceEvent[]; nav: TraceEvent | undefined }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await visit();
  await cdp.send('Tracing.end');
  await complete;
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      e.args?.data?.isLoadingMainFrame &&
      String(e.args.data.documentLoaderURL).startsWith('http'),
  );
  return { events, nav };
}
