/**
 * The page's side of the training worker: spawns it, posts typed messages, hands its replies to one listener,
 * tells it when the page is hidden (it goes on at a reduced rate, see protocol.ts) and ends it on terminate.
 */
import type { PageToWorker, WorkerToPage } from './protocol';

/** What the client needs of a worker (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: PageToWorker): void;
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null;
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
    if (alive) onMessage(e.data);
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
