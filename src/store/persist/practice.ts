import type { StoreApi } from 'zustand/vanilla';
import { parsePractice, PRACTICE_KEY, serialisePractice } from '../../practice/progress';
import type { LessonStore } from '../store';
import { decodeLink, isLessonLink } from './link';

/** The parts of the browser practice persistence uses. */
export type PracticeEnv = Pick<
  Window,
  'localStorage' | 'location' | 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'
>;

/** Practice progress is written this long after a change (a burst of changes writes once). */
const WRITE_DELAY_MS = 300;

/**
 * Practice progress in the browser, under its own key: read at start (what cannot be read is dropped, field by
 * field), written after each change. A teacher's exercise link (`&x=`) opens straight into practice, at start
 * and when pasted later. Call after connectPersistence, which opens the link's lesson first. Returns a disconnect.
 */
export function connectPractice(
  store: StoreApi<LessonStore>,
  env: PracticeEnv,
  { open = true }: { open?: boolean } = {},
): () => void {
  let text: string | null = null;
  try {
    text = env.localStorage.getItem(PRACTICE_KEY);
  } catch {
    // storage blocked: practice starts afresh
  }
  // open false: nothing was saved and the page has started (connectPersistence's `open`); practice is as it is
  if (open) store.getState().loadPractice(parsePractice(text));
  const openExercise = (hash: string) => {
    if (!isLessonLink(hash)) return;
    const link = decodeLink(hash);
    if (link.ok && link.exercise) store.getState().startExercise(link.exercise);
  };
  openExercise(env.location.hash);

  let timer: number | null = null;
  const write = () => {
    timer = null;
    try {
      env.localStorage.setItem(PRACTICE_KEY, serialisePractice(store.getState().practice));
    } catch {
      // storage full or blocked: practice goes on, unsaved
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.practice !== prev.practice && timer === null) timer = env.setTimeout(write, WRITE_DELAY_MS);
  });
  const onHashChange = () => openExercise(env.location.hash);
  const onPageHide = () => {
    if (timer !== null) {
      env.clearTimeout(timer);
      write();
    }
  };
  env.addEventListener('hashchange', onHashChange);
  env.addEventListener('pagehide', onPageHide);
  return () => {
    unsubscribe();
    if (timer !== null) env.clearTimeout(timer);
    env.removeEventListener('hashchange', onHashChange);
    env.removeEventListener('pagehide', onPageHide);
  };
}
