// When the page does work nobody is waiting for: in the browser's idle periods, and the preloads only once the
// page has been quiet for a while (a phone's first seconds are left to what the reader sees and presses).

/** What the helpers need of the browser (the window; tests pass their own). */
export interface IdleEnv {
  requestIdleCallback?: (run: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  now: () => number;
}

const browser = (): IdleEnv => ({
  requestIdleCallback: window.requestIdleCallback?.bind(window),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  now: () => performance.now(),
});

/** How long an idle period is waited for at most (a page busy for that long runs the work anyway). */
export const IDLE_TIMEOUT_MS = 5000;

/**
 * Runs `task` in an idle period of the browser's (nothing else to do, no frame due), resolving with its result.
 * Browsers without requestIdleCallback (Safari) run it in a task of its own.
 */
export function whenIdle<T>(task: () => T | Promise<T>, env: IdleEnv = browser()): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => void Promise.resolve().then(task).then(resolve, reject);
    if (env.requestIdleCallback) env.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else env.setTimeout(run, 50);
  });
}

/** Idle periods further apart than this had work between them (a long task): the quiet starts again. */
export const GAP_MS = 120;

/**
 * Resolves once the page has been quiet for `quietMs` in a row: idle periods one right after the other, with
 * no long task between them (one starts the count again; frames and short tasks do not). A page that is never
 * quiet resolves after `atMostMs` all the same; without requestIdleCallback, after `quietMs`.
 */
export function afterQuiet(quietMs: number, atMostMs: number, env: IdleEnv = browser()): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = env.requestIdleCallback;
    if (!request) {
      env.setTimeout(resolve, quietMs);
      return;
    }
    const began = env.now();
    let since = began;
    let last = began;
    const check = () => {
      const now = env.now();
      if (now - last > GAP_MS) since = now;
      last = now;
      if (now - since >= quietMs || now - began >= atMostMs) resolve();
      else request(check, { timeout: 1000 });
    };
    request(check, { timeout: 1000 });
  });
}
