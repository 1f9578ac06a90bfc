import { afterEach, beforeEach, vi } from 'vitest';
import type { BrowserEnv } from '../../src/store/persist/connect';

/** The page's window (jsdom's), with timers the test controls. */
export const windowEnv = (): BrowserEnv =>
  ({
    localStorage: window.localStorage,
    sessionStorage: window.sessionStorage,
    location: window.location,
    history: window.history,
    navigator: window.navigator,
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  }) as unknown as BrowserEnv;

/**
 * Each test of the calling suite starts on an empty page (no storage, no hash) with fake timers, and its store is
 * disconnected after it: set `page.disconnect` to what connectPersistence returns.
 */
export function freshPage(): { disconnect: () => void } {
  const page = { disconnect: () => {} };
  beforeEach(() => {
    vi.useFakeTimers();
    window.localStorage.clear();
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    page.disconnect();
    page.disconnect = () => {};
    vi.useRealTimers();
  });
  return page;
}
