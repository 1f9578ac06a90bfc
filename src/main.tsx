import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { parseLesson, type LessonProblem } from './engine';
import { lessonStore } from './store';
import { connectPersistence } from './store/persist/connect';

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

window.backpropApp = {
  loadLesson(input) {
    const r = parseLesson(input);
    if (!r.ok) return r;
    lessonStore.getState().loadLesson(r.lesson);
    return { ok: true };
  },
};

// Opens the share link, the autosave or the default lesson, then keeps the autosave and the hash up to date.
connectPersistence(lessonStore, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
