import { describe, expect, it } from 'vitest';
import { afterQuiet, whenIdle, type IdleEnv } from '../src/idle';

/** A browser whose clock and idle periods the test drives: `idle(ms, gap)` runs the waiting callbacks. */
function fakeBrowser(withIdle = true) {
  let now = 0;
  let waiting: ((d: IdleDeadline) => void)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const env: IdleEnv = {
    requestIdleCallback: withIdle
      ? (run) => {
          waiting.push(run);
          return waiting.length;
        }
      : undefined,
    setTimeout: (run, ms) => timers.push({ at: now + ms, run }),
    now: () => now,
  };
  return {
    env,
    /** `gap` ms pass, then one idle period of `remaining` ms runs every callback waiting for it. */
    idle(remaining: number, gap = 50) {
      now += gap;
      const run = waiting;
      waiting = [];
      for (const f of run) f({ didTimeout: false, timeRemaining: () => remaining });
    },
    waiting: () => waiting.length,
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
  };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('afterQuiet', () => {
  it('resolves only after long idle periods covering the whole quiet time in a row', async () => {
    const b = fakeBrowser();
    const quiet = afterQuiet(1000, 60_000, b.env);
    for (let i = 0; i < 19; i++) b.idle(50); // 950 ms quiet
    expect(await settled(quiet)).toBe(false);
    b.idle(50); // 1,000 ms
    expect(await settled(quiet)).toBe(true);
  });

  it('starts the count again after a long task between idle periods, not after frames or short tasks', async () => {
    const b = fakeBrowser();
    const quiet = afterQuiet(1000, 60_000, b.env);
    for (let i = 0; i < 15; i++) b.idle(50); // 750 ms quiet
    for (let i = 0; i < 10; i++) b.idle(8, 16); // frames with short idle periods between them: still quiet
    b.idle(50, 300); // a task of about 250 ms between two idle periods
    for (let i = 0; i < 19; i++) b.idle(50);
    expect(await settled(quiet)).toBe(false);
    b.idle(50);
    expect(await settled(quiet)).toBe(true);
  });

  it('resolves after atMostMs on a page that is never quiet, and stops asking for idle periods', async () => {
    const b = fakeBrowser();
    const quiet = afterQuiet(1000, 2000, b.env);
    for (let i = 0; i < 9; i++) b.idle(5, 200); // 1,800 ms, a long task between every two idle periods
    expect(await settled(quiet)).toBe(false);
    b.idle(5, 200);
    expect(await settled(quiet)).toBe(true);
    expect(b.waiting()).toBe(0);
  });

  it('without requestIdleCallback, waits quietMs', async () => {
    const b = fakeBrowser(false);
    const quiet = afterQuiet(1000, 2000, b.env);
    b.advance(999);
    expect(await settled(quiet)).toBe(false);
    b.advance(1);
    expect(await settled(quiet)).toBe(true);
  });
});

describe('whenIdle', () => {
  it('runs the task in an idle period and resolves with its result', async () => {
    const b = fakeBrowser();
    let ran = false;
    const result = whenIdle(() => ((ran = true), 42), b.env);
    await Promise.resolve();
    expect(ran).toBe(false);
    b.idle(50);
    expect(await result).toBe(42);
  });
});
