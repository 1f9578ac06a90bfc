import { describe, expect, it } from 'vitest';
import { createTrainClient, type WorkerLike } from '../../src/training/client';
import type { PageToWorker, WorkerToPage } from '../../src/training/protocol';

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

const progress: WorkerToPage = {
  type: 'progress',
  epochs: [],
  snapshot: { epoch: 0, position: 0, nextSample: 0, steps: 0, weights: [], biases: [], running: false },
};

describe('the training client', () => {
  it('posts to the worker, hands its messages on, and says when the page is hidden or shown', () => {
    const { w, posted } = fakeWorker();
    const doc = fakeDocument();
    const got: WorkerToPage[] = [];
    const c = createTrainClient((m) => got.push(m), w, doc as unknown as Document);
    c.post({ type: 'start' });
    w.onmessage?.({ data: progress } as MessageEvent<WorkerToPage>);
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
    handler?.({ data: progress } as MessageEvent<WorkerToPage>);
    expect(posted).toEqual([]);
    expect(got).toEqual([]);
  });
});
