/**
 * The training worker: a thin shell around Trainer (trainer.ts), which holds all the logic. Started by the page with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { PageToWorker } from './protocol';
import { Trainer, type TrainerHost } from './trainer';
import { packMessage, transferables, type WireMessage } from './wire';

interface WorkerScope {
  postMessage(message: WireMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

// Zero delays go through a MessageChannel: setTimeout(0) is clamped to 4 ms once nested, which would idle the worker
// a third of the time between 8 ms slices.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const host: TrainerHost = {
  // packed into Float64Arrays whose buffers move to the page: cheap to receive on its main thread (wire.ts)
  post: (message) => {
    const wire = packMessage(message);
    scope.postMessage(wire, transferables(wire));
  },
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
