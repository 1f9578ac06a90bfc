import { describe, expect, it, vi } from 'vitest';
import { createTrainClient, mergeMessages, perFrame, type WorkerLike } from '../../src/training/client';
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
