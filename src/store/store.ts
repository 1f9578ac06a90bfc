import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EdgeId } from '../engine';
import type { Locale } from '../i18n/translate';
import { PHASES } from '../steps/types';
import { lessonChangeActions, type LessonChangeActions } from './lessonChanges';
import { clamp, navigationActions, type NavigationActions } from './navigation';
import { practiceActions, type PracticeActions } from './practice';
import { initialState, type LessonState, type Notice, type Theme } from './state';
import { trainingActions, type TrainingActions } from './training';
import { undoHistory, type UndoActions } from './undo';

// The one store: its state (state.ts) and every action, each group in its own module: moving through the
// timeline (navigation.ts), changing the lesson (lessonChanges.ts), undo (undo.ts), practice and training. The
// view settings, which change nothing else, are here.

export * from './state';

export interface ViewActions {
  setLocale(locale: Locale): void;
  setDigits(digits: number): void;
  selectEdge(edge: EdgeId | null): void;
  toggleMatrixView(): void;
  setLongSourcesOpen(open: boolean): void;
  setAllTerms(all: boolean): void;
  setTheme(theme: Theme): void;
  /** Enters or leaves presenter mode (leaving also unblanks). */
  setPresenting(on: boolean): void;
  /** Blanks the screen in presenter mode, or brings it back. */
  setBlanked(on: boolean): void;
  setNotice(notice: Notice | null): void;
}

export interface LessonActions
  extends NavigationActions, LessonChangeActions, UndoActions, ViewActions, PracticeActions {}

export type LessonStore = LessonState & LessonActions & TrainingActions;

export function createLessonStore(init: Partial<LessonState> = {}): StoreApi<LessonStore> {
  return createStore<LessonStore>()((set, get) => {
    const undo = undoHistory(set, get);
    const start = { ...initialState(init.lesson), ...init };
    return {
      ...start,
      ...navigationActions(set, get),
      ...lessonChangeActions(set, get, undo),
      ...undo.actions,
      ...trainingActions(set, get, undo.remember),
      ...practiceActions(set, get),
      setLocale: (locale) => set({ locale }),
      setDigits: (digits) => set({ digits: clamp(Math.round(digits), 2, 10) }),
      selectEdge: (selectedEdge) => set({ selectedEdge }),
      toggleMatrixView: () => set({ matrixView: !get().matrixView }),
      setLongSourcesOpen: (longSourcesOpen) => set({ longSourcesOpen }),
      setAllTerms: (allTerms) => set({ allTerms }),
      setTheme: (theme) => set({ theme }),
      setPresenting: (presenting) => set({ presenting, blanked: false }),
      setBlanked: (blanked) => set({ blanked: blanked && get().presenting }),
      setNotice: (notice) => set({ notice }),
    };
  });
}

/** The app's store. */
export const lessonStore = createLessonStore();

/** React binding: `useLessonStore(s => s.cursor)`. */
export function useLessonStore<T>(selector: (s: LessonStore) => T): T {
  return useStore(lessonStore, selector);
}

export { PHASES };
