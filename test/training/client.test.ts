import { describe, expect, it, vi } from 'vitest';
import {
  createTrainClient,
  mergeMessages,
  perFrame,
  reportFrames,
  type WorkerLike,
} from '../../src/training/client';
import { FrameShare, MIN_DUTY, STALE_MS, START_DUTY } from '../../src/training/share';
import type { PageToWorker, WorkerToPage } from '../../src/training/protocol';
import { packMessage, type WireMessage } from '../../src/training/wire';

function fakeWorker() {
  const posted: PageToWorker[] = [];
  let terminated = 0;
  const w: WorkerLike = {
    onmessage: null,
    postMessage: (m) => posted.push(m),
    terminate: () => terminated++,
  };
  return { w, posted, terminated: () => terminated };
}

function fakeDocument() {
  const listeners = new Set<() => void>();
  return {
    hidden: false,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    fire() {
      for (const f of listeners) f();
    },
    listeners,
  };
}

const progressAt = {
  batchStart: 0,
  batchSize: 1,
  lossSum: 0,
  correct: 0,
  batchLoss: 0,
  batchCorrect: 0,
  learningRate: 0.1,
  batchSetting: 1,
};

const progress: WorkerToPage = {
  type: 'progress',
  epochs: [],
  snapshot: {
    epoch: 0,
    position: 0,
    nextSample: 0,
    steps: 0,
    weights: [],
    biases: [],
    progress: progressAt,
    running: false,
  },
};

describe('the training client', () => {
  it('posts to the worker, hands its messages on, and says when the page is hidden or shown', () => {
    const { w, posted } = fakeWorker();
    const doc = fakeDocument();
    const got: WorkerToPage[] = [];
    const c = createTrainClient((m) => got.push(m), w, doc as unknown as Document);
    c.post({ type: 'start' });
    w.onmessage?.({ data: packMessage(progress) } as MessageEvent<WireMessage>);
    expect(got).toEqual([progress]);
    doc.hidden = true;
    doc.fire();
    doc.hidden = false;
    doc.fire();
    expect(posted).toEqual([
      { type: 'start' },
      { type: 'background', hidden: true },
      { type: 'background', hidden: false },
    ]);
  });

  it('ends the worker once on terminate and then neither posts nor listens', () => {
    const { w, posted, terminated } = fakeWorker();
    const doc = fakeDocument();
    const got: WorkerToPage[] = [];
    const c = createTrainClient((m) => got.push(m), w, doc as unknown as Document);
    const handler = w.onmessage;
    c.terminate();
    c.terminate();
    expect(terminated()).toBe(1);
    expect(doc.listeners.size).toBe(0);
    c.post({ type: 'pause' });
    handler?.({ data: packMessage(progress) } as MessageEvent<WireMessage>);
    expect(posted).toEqual([]);
    expect(got).toEqual([]);
  });
});

describe('one update per frame', () => {
  const snap = (epoch: number, running: boolean) => ({
    epoch,
    position: 0,
    nextSample: epoch,
    steps: epoch * 10,
    weights: [],
    biases: [],
    progress: progressAt,
    running,
  });
  const stats = (epoch: number) => ({ epoch, trainLoss: 1 / epoch, trainAccuracy: 0.5 });

  it('merges the messages of a frame: every epoch in order, the last snapshot and stop', () => {
    expect(mergeMessages([])).toBeNull();
    const a: WorkerToPage = { type: 'progress', epochs: [stats(1)], snapshot: snap(1, true) };
    const b: WorkerToPage = { type: 'progress', epochs: [], snapshot: snap(1, true) };
    const c: WorkerToPage = {
      type: 'stopped',
      reason: 'done',
      epochs: [stats(2), stats(3)],
      snapshot: snap(3, false),
    };
    expect(mergeMessages([a])).toBe(a);
    expect(mergeMessages([a, b, c])).toEqual({ ...c, epochs: [stats(1), stats(2), stats(3)] });
    // a restore in between: the epochs sent before it are stale
    const d: WorkerToPage = { type: 'progress', epochs: [stats(7)], snapshot: snap(7, false), sync: 1 };
    expect(mergeMessages([a, c, d])).toEqual({ ...d, epochs: [stats(7)] });
    expect(mergeMessages([c, a])).toEqual({ ...a, epochs: [stats(2), stats(3), stats(1)] });
  });

  it('hands on one merged message per frame', () => {
    vi.useFakeTimers();
    try {
      const got: WorkerToPage[] = [];
      const frames = perFrame((m) => got.push(m));
      frames.receive({ type: 'progress', epochs: [stats(1)], snapshot: snap(1, true) });
      frames.receive({ type: 'progress', epochs: [stats(2)], snapshot: snap(2, true) });
      expect(got).toEqual([]);
      vi.advanceTimersByTime(20);
      expect(got).toEqual([{ type: 'progress', epochs: [stats(1), stats(2)], snapshot: snap(2, true) }]);
      frames.receive({ type: 'progress', epochs: [stats(3)], snapshot: snap(3, true) });
      frames.cancel();
      vi.advanceTimersByTime(20);
      expect(got).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sharing the machine with the page', () => {
  it('reports the mean frame interval about every 250 ms, until stopped', () => {
    const frames: ((t: number) => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: (t: number) => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => frames.splice(0));
    try {
      const reports: number[] = [];
      const stop = reportFrames((ms) => reports.push(ms));
      // frames 20 ms apart from t = 0 to 260 ms (a report), then 12.5 ms apart to 510 ms (another)
      for (let i = 0; i <= 13; i++) frames.shift()!(20 * i);
      expect(reports).toEqual([20]);
      for (let i = 1; i <= 20; i++) frames.shift()!(260 + 12.5 * i);
      expect(reports).toEqual([20, 12.5]);
      stop();
      expect(frames).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('halves the worker’s share at once while frames are missed, down to a tenth', () => {
    const share = new FrameShare();
    expect(share.duty).toBe(START_DUTY);
    // at half the time a slice is a quarter of a frame and rests as long
    expect(share.slice(8)).toBeCloseTo(1000 / 240, 12);
    expect(share.rest(3)).toBe(3);
    share.report(1000 / 50, 0);
    expect(share.duty).toBe(0.25);
    share.report(1000 / 58, 250); // between: kept as it is
    expect(share.duty).toBe(0.25);
    share.report(1000 / 56, 500);
    expect(share.duty).toBe(0.125);
    share.report(1000 / 40, 750);
    expect(share.duty).toBe(MIN_DUTY);
    share.report(1000 / 40, 1000);
    expect(share.duty).toBe(MIN_DUTY);
    expect(MIN_DUTY).toBe(0.1);
    // at the least share a slice and its rest make half a frame of a 60 Hz display
    const slice = share.slice(8);
    expect(slice).toBeCloseTo(1000 / 1200, 12);
    expect(slice + share.rest(slice)).toBeCloseTo(1000 / 120, 9);
  });

  it('grows the share only after two reports of kept frames in a row, by half and at least 0.1, up to all', () => {
    const share = new FrameShare();
    for (let i = 0; i < 4; i++) share.report(25, i);
    expect(share.duty).toBe(MIN_DUTY);
    const duties: number[] = [];
    // kept, kept, then one in the band between (57–59 a second) breaks the run of kept reports
    for (const fps of [60, 60, 60, 58, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60]) {
      share.report(1000 / fps, 10);
      duties.push(share.duty);
    }
    const r = (x: number) => Math.round(x * 1e9) / 1e9;
    expect(duties.map(r)).toEqual(
      [0.1, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.45, 0.45, 0.675, 0.675, 1, 1, 1, 1, 1].map(r),
    );
    expect(share.slice(8)).toBe(8);
    expect(share.rest(8)).toBe(0);
    // one missed report right after a kept one: halved, and the count of kept reports starts again
    share.report(1000 / 60, 20);
    share.report(1000 / 50, 20);
    expect(share.duty).toBe(0.5);
    share.report(1000 / 60, 20);
    expect(share.duty).toBe(0.5);
  });

  it('takes all the time when the page has not reported for a second (a hidden tab or a page that draws nothing)', () => {
    const share = new FrameShare();
    share.begin(1000);
    for (let i = 0; i < 4; i++) share.report(25, 1000 + 250 * i);
    expect(share.duty).toBe(MIN_DUTY);
    // reports every 250 ms: the share stays
    share.check(1750 + STALE_MS);
    expect(share.duty).toBe(MIN_DUTY);
    share.check(1751 + STALE_MS);
    expect(share.duty).toBe(1);
    expect(share.rest(8)).toBe(0);
    // the next run (or speed) starts from at most the starting share, and waits a second for reports again
    share.begin(5000);
    expect(share.duty).toBe(START_DUTY);
    share.check(5000 + STALE_MS);
    expect(share.duty).toBe(START_DUTY);
    share.report(25, 5500);
    share.begin(6000);
    expect(share.duty).toBe(START_DUTY / 2);
  });
});
