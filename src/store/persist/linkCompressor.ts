/**
 * Compresses share links in a worker (linkWorker.ts, started on first use), so making a large lesson's link
 * never pauses the page. Where a worker cannot start, the text is compressed in place.
 */
import { compressLesson } from './compress';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { ok: (packed: string) => void; text: string }>();

function spawn(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./linkWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; packed: string }>) => {
      waiting.get(e.data.id)?.ok(e.data.packed);
      waiting.delete(e.data.id);
    };
    // a worker that cannot start (blocked by a policy, say): what was asked for, and all later requests, here
    w.onerror = () => {
      worker = null;
      for (const { ok, text } of waiting.values()) ok(compressLesson(text));
      waiting.clear();
    };
    return w;
  } catch {
    return null;
  }
}

/** A lesson's JSON compressed for a link (what compressLesson returns), in the worker. */
export function compressOffThread(text: string): Promise<string> {
  if (worker === undefined) worker = spawn();
  const w = worker;
  if (!w) return Promise.resolve(compressLesson(text));
  return new Promise((ok) => {
    const id = nextId++;
    waiting.set(id, { ok, text });
    w.postMessage({ id, text });
  });
}
