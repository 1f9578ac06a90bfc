import { parseLesson, type LessonProblem } from './engine';
import { lessonStore } from './store';
import { connectPersistence } from './store/persist/connect';
import { compressOffThread } from './store/persist/linkCompressor';
import { connectPractice } from './store/persist/practice';

// What connects the page to the browser's storage and address (the autosave, links, practice progress), with
// the lesson reader they need: a chunk of its own, which a first visit loads after its first screen has started
// (src/main.tsx).

/**
 * A small automation and debugging handle (scripts/bench-ui.ts uses it; handy in the console too):
 * `backpropApp.loadLesson(json)` checks a lesson object as a file would be checked and opens it.
 */
export interface BackpropAppHandle {
  loadLesson(lesson: unknown): { ok: true } | { ok: false; problems: LessonProblem[] };
}

declare global {
  interface Window {
    backpropApp?: BackpropAppHandle;
  }
}

/**
 * Connects persistence and practice progress to the page's store and installs window.backpropApp. `opened`:
 * the page has opened the default screen itself (a first visit, nothing in the address or in storage), so
 * nothing is read at start and the store is kept as it is; otherwise the start is chosen from the link, the
 * autosave or the browser's language, and opened.
 */
export function connectPage(opened: boolean): void {
  window.backpropApp = {
    loadLesson(input) {
      const r = parseLesson(input);
      if (!r.ok) return r;
      const loaded = lessonStore.getState().loadLesson(r.lesson); // the gate: a non-finite step is refused too
      if (!loaded.ok)
        return { ok: false, problems: [{ path: '$', message: 'the lesson’s step is not finite' }] };
      return { ok: true };
    },
  };
  // Opens the share link, the autosave or the default lesson, then keeps the autosave and the hash up to date.
  connectPersistence(lessonStore, window, { compressLink: compressOffThread, open: !opened });
  connectPractice(lessonStore, window, { open: !opened }); // practice progress, and a teacher's exercise link
}
