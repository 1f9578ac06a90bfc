/**
 * The page's side of the training worker: spawns it, posts typed messages, hands its replies to one listener,
 * tells it when the page is hidden (it goes on at a reduced rate, see protocol.ts) and ends it on terminate.
 */
import type { PageToWorker, WorkerToPage } from './protocol';
import { unpackMessage, type WireMessage } from './wire';

/** What the client needs of a worker (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: PageToWorker): void;
  /** The worker's messages arrive packed (wire.ts); the client unpacks them. */
  onmessage: ((event: MessageEvent<WireMessage>) => void) | null;
  terminate(): void;
}

export interface TrainClient {
  post(message: PageToWorker): void;
  /** Ends the worker and stops listening to the page's visibility. */
  terminate(): void;
}

/** The training worker of the app, as a module worker (bundled by Vite as its own chunk). */
export function spawnTrainWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/**
 * Connects to a worker: every message from it goes to `onMessage`; while the document is hidden the worker is
 * sent `background` (hidden: true), and `background` (hidden: false) when it shows again.
 */
export function createTrainClient(
  onMessage: (message: WorkerToPage) => void,
  worker: WorkerLike = spawnTrainWorker(),
  doc: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'> | null = typeof document ===
  'undefined'
    ? null
    : document,
): TrainClient {
  let alive = true;
  worker.onmessage = (e) => {
    if (alive) onMessage(unpackMessage(e.data));
  };
  const onVisibility = () => {
    if (alive && doc) worker.postMessage({ type: 'background', hidden: doc.hidden });
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  return {
    post: (message) => {
      if (alive) worker.postMessage(message);
    },
    terminate: () => {
      if (!alive) return;
      alive = false;
      doc?.removeEventListener('visibilitychange', onVisibility);
      worker.onmessage = null;
      worker.terminate();
    },
  };
}

/**
 * Several messages from the worker as one, for a page that draws once per frame: every epoch in order, and the
 * last message's snapshot (and stop, when the last one is a stop). Messages from before the last one's `restore`
 * (another sync) are left out: the page drops them anyway.
 */
export function mergeMessages(messages: readonly WorkerToPage[]): WorkerToPage | null {
  if (messages.length === 0) return null;
  const last = messages[messages.length - 1];
  if (messages.length === 1) return last;
  const current = messages.filter((m) => (m.sync ?? 0) === (last.sync ?? 0));
  return { ...last, epochs: current.flatMap((m) => m.epochs) };
}

/**
 * Hands the worker's messages on at most once per animation frame (merged), so a page that falls behind draws
 * the newest state once instead of every message in turn. While the page is hidden (no frames) it hands them on
 * every `hiddenMs`.
 */
export function perFrame(
  onMessage: (message: WorkerToPage) => void,
  hiddenMs = 250,
): { receive: (message: WorkerToPage) => void; cancel: () => void } {
  let pending: WorkerToPage[] = [];
  let scheduled: { cancel: () => void } | null = null;
  const flush = () => {
    scheduled = null;
    const merged = mergeMessages(pending);
    pending = [];
    if (merged) onMessage(merged);
  };
  const schedule = () => {
    const hidden = typeof document !== 'undefined' && document.hidden;
    if (!hidden && typeof requestAnimationFrame === 'function') {
      const id = requestAnimationFrame(flush);
      return { cancel: () => cancelAnimationFrame(id) };
    }
    const id = setTimeout(flush, hidden ? hiddenMs : 16);
    return { cancel: () => clearTimeout(id) };
  };
  return {
    receive: (message) => {
      pending.push(message);
      scheduled ??= schedule();
    },
    cancel: () => {
      scheduled?.cancel();
      scheduled = null;
      pending = [];
    },
  };
}

/**
 * While a run goes on: measures the page's frames with requestAnimationFrame and reports their mean interval (ms)
 * about every `everyMs` (the worker's share of time adapts to it, share.ts). Returns the way to stop.
 */
export function reportFrames(report: (frameMs: number) => void, everyMs = 250): () => void {
  if (typeof requestAnimationFrame !== 'function') return () => {};
  let first = -1;
  let frames = 0;
  const frame = (t: number) => {
    if (first < 0) first = t;
    else {
      frames++;
      if (t - first >= everyMs) {
        report((t - first) / frames);
        first = t;
        frames = 0;
      }
    }
    id = requestAnimationFrame(frame);
  };
  let id = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(id);
}
