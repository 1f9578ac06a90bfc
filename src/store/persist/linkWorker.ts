/**
 * The share link's compressor, off the page's thread: a large lesson's JSON takes lz-string about a second.
 * Started by compressOffThread (linkCompressor.ts); each request is `{ id, text }`, each answer `{ id, packed }`.
 */
import { compressLesson } from './compress';

interface CompressorScope {
  postMessage(message: { id: number; packed: string }): void;
  onmessage: ((event: MessageEvent<{ id: number; text: string }>) => void) | null;
}

const scope = self as unknown as CompressorScope;
scope.onmessage = (e) => scope.postMessage({ id: e.data.id, packed: compressLesson(e.data.text) });
