// When persistence writes: once per burst of changes, after an interval and in an idle moment.

/** The timers a write is scheduled with (the page's `window`, or a stand-in in tests). */
export type TimerEnv = Pick<Window, 'setTimeout' | 'clearTimeout'> &
  Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

/**
 * Autosave and the hash are written this long after the first change of a burst, once, with the state of then:
 * never during the step that changed them, so stepping stays smooth; a page that hides writes at once.
 */
export const WRITE_INTERVAL_MS = 400;
/** An idle moment is awaited at most this long once the interval is over. */
const IDLE_TIMEOUT_MS = 600;

/**
 * Runs `fn` once, an interval after the first of a burst of calls (then in an idle moment where the browser
 * has them), so a step or an edit never pays for the write; `flush` runs a pending call at once.
 */
export function trailing(env: TimerEnv, fn: () => void) {
  let timer: number | null = null;
  let idle: number | null = null;
  const fire = () => {
    idle = null;
    fn();
  };
  const run = () => {
    if (timer !== null || idle !== null) return;
    timer = env.setTimeout(() => {
      timer = null;
      if (env.requestIdleCallback) idle = env.requestIdleCallback(fire, { timeout: IDLE_TIMEOUT_MS });
      else fn();
    }, WRITE_INTERVAL_MS);
  };
  const cancel = () => {
    if (timer !== null) env.clearTimeout(timer);
    if (idle !== null) env.cancelIdleCallback?.(idle);
    const was = timer !== null || idle !== null;
    timer = idle = null;
    return was;
  };
  const flush = () => {
    if (cancel()) fn();
  };
  return { run, flush, cancel };
}
