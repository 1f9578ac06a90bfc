/**
 * The training worker: a thin shell around Trainer (trainer.ts), which holds all the logic. Started by the page with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { PageToWorker, WorkerToPage } from './protocol';
import { Trainer, type TrainerHost } from './trainer';

interface WorkerScope {
  postMessage(message: WorkerToPage): void;
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

// Zero delays go through a MessageChannel: setTimeout(0) is clamped to 4 ms once nested, which would idle the worker
// a third of the time between 8 ms slices.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const host: TrainerHost = {
  post: (message) => scope.postMessage(message),
  now: () => performance.now(),
  schedule: (fn, delay) => {
    if (delay > 0) setTimeout(fn, delay);
    else {
      queue.push(fn);
      channel.port2.postMessage(null);
    }
  },
};

const trainer = new Trainer(host);
scope.onmessage = (event) => trainer.handle(event.data);
