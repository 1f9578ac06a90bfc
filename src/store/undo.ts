import { timelineOf } from './derived';
import { gateLesson } from './gate';
import { clamp } from './navigation';
import { capHistory } from './history';
import type { LessonState, Snapshot } from './state';
import { freshTraining, restoredRun, runMoved, type RunMark } from './training';

// Undo, redo and "reset lesson": what a change of the lesson records before it, and how a recorded state is shown
// again (on the same step when it still exists).

export interface UndoActions {
  undo(): void;
  redo(): void;
  /** Back to the lesson as it was opened and the Train view's run to epoch 0 (undoable). */
  resetLesson(): void;
}

/** What the actions that change the lesson use of the undo history. */
export interface UndoHistory {
  /** The current state as undo would restore it. */
  snapshot(): Snapshot;
  /** Records the current state (`run`: with this view and run) for undo before a change; clears redo. */
  remember(run?: RunMark): void;
  /** Shows a snapshot's lesson, keeping the cursor on the same step when it still exists. */
  restore(snap: Snapshot): void;
}

type Set = (partial: Partial<LessonState>) => void;
type Get = () => LessonState;

export function undoHistory(set: Set, get: Get): UndoHistory & { actions: UndoActions } {
  const snapshot = (): Snapshot => ({
    lesson: get().lesson,
    origin: get().origin,
    priorUpdates: get().priorUpdates,
    lossHistory: get().lossHistory,
    run: { view: get().view, training: get().training },
  });
  const remember = (run?: RunMark) =>
    set({ past: capHistory([...get().past, { ...snapshot(), ...(run && { run }) }]), future: [] });
  const restore = ({ run, ...snap }: Snapshot) => {
    const { lesson, granularity, cursor } = get();
    const stepId = timelineOf(lesson, granularity)?.steps[cursor]?.id;
    const tl = timelineOf(snap.lesson, granularity);
    const kept = stepId !== undefined ? tl?.indexById[stepId] : undefined;
    const n = tl?.steps.length ?? 1;
    set({
      ...snap,
      ...restoredRun(run, get()),
      cursor: kept ?? clamp(cursor, 0, n - 1),
      jumpStack: [],
      notice: null,
      playing: false,
    });
  };
  /** Whether a snapshot's lessons pass the gate (they did when taken: the gate remembers them, so this is cheap). */
  const passes = (snap: Pick<Snapshot, 'lesson' | 'origin'>) =>
    gateLesson(snap.lesson).ok && gateLesson(snap.origin).ok;
  const actions: UndoActions = {
    undo: () => {
      const { past, future } = get();
      if (past.length === 0 || !passes(past[past.length - 1])) return;
      const current = snapshot();
      restore(past[past.length - 1]);
      set({ past: past.slice(0, -1), future: [...future, current] });
    },
    redo: () => {
      const { past, future } = get();
      if (future.length === 0 || !passes(future[future.length - 1])) return;
      const current = snapshot();
      restore(future[future.length - 1]);
      set({ future: future.slice(0, -1), past: capHistory([...past, current]) });
    },
    resetLesson: () => {
      const { origin, lesson, view, training } = get();
      if (origin === lesson && !runMoved(training)) return;
      if (!passes({ lesson: origin, origin })) return;
      remember();
      // the run goes back to epoch 0 with it (undo brings the run back with the weights)
      const run = { view, training: freshTraining(origin, training) };
      restore({ lesson: origin, origin, priorUpdates: 0, lossHistory: [], run });
    },
  };
  return { snapshot, remember, restore, actions };
}
