import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EdgeId, Lesson } from '../engine';
import type { Locale } from '../i18n/translate';
import { findCoveringStep } from '../steps';
import { PHASES, type Granularity } from '../steps/types';
import { timelineOf, traceOf } from './derived';
import { applyEdit, type LessonEdit } from './edits';
import { practiceActions, type PracticeActions } from './practice';
import { conditionParams, gateLesson, lowerRate, type GateResult } from './gate';
import { capHistory } from './history';
import {
  initialState,
  SPEED_RANGE,
  type LessonState,
  type Notice,
  type NoticeAction,
  type Snapshot,
  type Theme,
  type Work,
} from './state';
import { trainingActions, type TrainingActions } from './training';

export * from './state';

export interface LessonActions extends PracticeActions {
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  goTo(target: number | string): void;
  nextPhase(): void;
  prevPhase(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setGranularity(g: Granularity): void;
  /** Applies an edit, keeping the cursor on the same step; a refused edit leaves everything and sets notice. */
  edit(edit: LessonEdit): boolean;
  /**
   * Adopts the updated weights and starts the next forward pass. When the new weights would leave the format's
   * limits or make the step non-finite, stops before it (the weights stay, playback stops) and says why, offering
   * to lower η; returns whether the iteration was taken.
   */
  nextIteration(): boolean;
  /** Jumps to the step that produced a value, remembering where to come back to. */
  followSource(stepId: string): void;
  back(): void;
  /** Opens a lesson (undoably) if the gate accepts it; a refused one changes nothing and comes back with why. */
  loadLesson(
    lesson: Lesson,
    at?: { granularity?: Granularity; cursor?: number; iteration?: number },
  ): GateResult;
  /** Brings back work exactly as it was (undoably), if its lessons still pass the gate. */
  restoreWork(work: Work): boolean;
  /** Runs the current notice's action (lower η and go on, back to your work) and clears the notice. */
  runNoticeAction(): void;
  setLocale(locale: Locale): void;
  setDigits(digits: number): void;
  selectEdge(edge: EdgeId | null): void;
  toggleMatrixView(): void;
  setLongSourcesOpen(open: boolean): void;
  setTheme(theme: Theme): void;
  /** Enters or leaves presenter mode (leaving also unblanks). */
  setPresenting(on: boolean): void;
  /** Blanks the screen in presenter mode, or brings it back. */
  setBlanked(on: boolean): void;
  setNotice(notice: Notice | null): void;
  undo(): void;
  redo(): void;
  /** Back to the lesson as it was opened (undoable). */
  resetLesson(): void;
}

export type LessonStore = LessonState & LessonActions & TrainingActions;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function createLessonStore(init: Partial<LessonState> = {}): StoreApi<LessonStore> {
  return createStore<LessonStore>()((set, get) => {
    const count = () => timelineOf(get().lesson, get().granularity)?.steps.length ?? 0;
    const snapshot = (): Snapshot => ({
      lesson: get().lesson,
      origin: get().origin,
      iteration: get().iteration,
      lossHistory: get().lossHistory,
    });
    /** Records the current state for undo before a change; a new change clears redo. */
    const remember = () => set({ past: capHistory([...get().past, snapshot()]), future: [] });
    /** Shows a snapshot's lesson, keeping the cursor on the same step when it still exists. */
    const restore = (snap: Snapshot) => {
      const { lesson, granularity, cursor } = get();
      const stepId = timelineOf(lesson, granularity)?.steps[cursor]?.id;
      const tl = timelineOf(snap.lesson, granularity);
      const kept = stepId !== undefined ? tl?.indexById[stepId] : undefined;
      const n = tl?.steps.length ?? 1;
      set({ ...snap, cursor: kept ?? clamp(cursor, 0, n - 1), jumpStack: [], notice: null, playing: false });
    };
    /** Whether a snapshot's lessons pass the gate (they did when taken: the gate remembers them, so this is cheap). */
    const passes = (snap: Pick<Snapshot, 'lesson' | 'origin'>) =>
      gateLesson(snap.lesson).ok && gateLesson(snap.origin).ok;
    const moveTo = (cursor: number) => set({ cursor: clamp(cursor, 0, Math.max(0, count() - 1)) });
    const phaseStart = (dir: 1 | -1) => {
      const tl = timelineOf(get().lesson, get().granularity);
      if (!tl) return;
      const { cursor } = get();
      const here = tl.steps[cursor].phase;
      if (dir === 1) {
        const i = tl.steps.findIndex((s, idx) => idx > cursor && s.phase !== here);
        moveTo(i === -1 ? tl.steps.length - 1 : i);
      } else {
        // to the start of this phase, or of the previous one when already at the start
        let i = cursor;
        while (i > 0 && tl.steps[i - 1].phase === here) i--;
        if (i === cursor && i > 0) {
          const prevPhase = tl.steps[i - 1].phase;
          while (i > 0 && tl.steps[i - 1].phase === prevPhase) i--;
        }
        moveTo(i);
      }
    };
    const start = { ...initialState(init.lesson), ...init };
    return {
      ...start,
      ...trainingActions(set, get, remember),
      ...practiceActions(set, get),
      next: () => {
        const { cursor } = get();
        if (cursor >= count() - 1) set({ playing: false });
        else set({ cursor: cursor + 1 });
      },
      prev: () => moveTo(get().cursor - 1),
      first: () => moveTo(0),
      last: () => moveTo(count() - 1),
      goTo: (target) => {
        if (typeof target === 'number') return moveTo(target);
        const tl = timelineOf(get().lesson, get().granularity);
        const i = tl?.indexById[target];
        if (i !== undefined) moveTo(i);
      },
      nextPhase: () => phaseStart(1),
      prevPhase: () => phaseStart(-1),
      play: () => {
        if (get().cursor >= count() - 1) set({ cursor: 0 });
        set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (speed) => set({ speed: clamp(speed, SPEED_RANGE.min, SPEED_RANGE.max) }),
      setGranularity: (g) => {
        const { lesson, granularity, cursor, focus } = get();
        if (g === granularity) return;
        const from = timelineOf(lesson, granularity);
        const to = timelineOf(lesson, g);
        const step = from?.steps[cursor];
        if (!from || !to || !step) return set({ granularity: g, cursor: 0, jumpStack: [] });
        // the quantity in view: the remembered one if this step still covers it, else the step's first
        const kept = focus !== null && step.writes.includes(focus) ? focus : step.writes[0];
        const exact = to.steps.findIndex((s) => s.writes.includes(kept));
        const i = exact >= 0 ? exact : findCoveringStep(to, step);
        set({ granularity: g, cursor: Math.max(0, i), jumpStack: [], focus: kept });
      },
      edit: (e) => {
        const r = applyEdit(get().lesson, e);
        if (!r.ok) {
          set({ notice: r.message });
          return false;
        }
        remember();
        restore({ ...snapshot(), lesson: r.lesson });
        return true;
      },
      nextIteration: () => {
        const { lesson, lossHistory, iteration } = get();
        const r = traceOf(lesson);
        if (!r.ok) return false;
        const gated = gateLesson({
          ...lesson,
          weights: r.trace.updated.weights,
          biases: r.trace.updated.biases,
        });
        if (!gated.ok) {
          const eta = lesson.learningRate;
          const params = { n: iteration + 1, eta, suggestion: lowerRate(eta) };
          const notice: Notice =
            gated.refusal.kind === 'nonFinite'
              ? {
                  key: 'iteration.nonFinite',
                  params: { ...params, ...conditionParams(gated.refusal.lesson, gated.refusal.condition) },
                }
              : { key: 'iteration.tooLarge', params };
          set({
            notice: { ...notice, action: { kind: 'lowerRate', learningRate: lowerRate(eta) } },
            playing: false,
          });
          return false;
        }
        remember();
        set({
          lesson: gated.lesson,
          lossHistory: [...lossHistory, r.trace.batch?.loss ?? r.trace.loss],
          iteration: iteration + 1,
          cursor: 0,
          jumpStack: [],
          notice: null,
        });
        return true;
      },
      followSource: (stepId) => {
        const tl = timelineOf(get().lesson, get().granularity);
        const i = tl?.indexById[stepId];
        if (i === undefined) return;
        set({ jumpStack: [...get().jumpStack, get().cursor], cursor: i, playing: false });
      },
      back: () => {
        const stack = get().jumpStack;
        if (stack.length === 0) return;
        set({ cursor: stack[stack.length - 1], jumpStack: stack.slice(0, -1) });
      },
      loadLesson: (candidate, at = {}) => {
        const gated = gateLesson(candidate);
        if (!gated.ok) return gated;
        const lesson = gated.lesson;
        remember();
        const granularity = at.granularity ?? lesson.conventions.detail ?? get().granularity;
        const n = timelineOf(lesson, granularity)?.steps.length ?? 1;
        set({
          lesson,
          origin: lesson,
          granularity,
          cursor: clamp(at.cursor ?? 0, 0, n - 1),
          iteration: at.iteration ?? 1,
          lossHistory: [],
          jumpStack: [],
          selectedEdge: null,
          playing: false,
        });
        return gated;
      },
      restoreWork: (work) => {
        const lesson = gateLesson(work.lesson);
        const origin = gateLesson(work.origin);
        if (!lesson.ok || !origin.ok) return false;
        remember();
        const n = timelineOf(lesson.lesson, work.granularity)?.steps.length ?? 1;
        set({
          lesson: lesson.lesson,
          origin: origin.lesson,
          iteration: work.iteration,
          lossHistory: work.lossHistory,
          granularity: work.granularity,
          cursor: clamp(work.cursor, 0, n - 1),
          jumpStack: [],
          selectedEdge: null,
          playing: false,
          notice: null,
        });
        return true;
      },
      runNoticeAction: () => {
        const action: NoticeAction | undefined = get().notice?.action;
        if (!action) return;
        set({ notice: null });
        if (action.kind === 'restoreWork') get().restoreWork(action.work);
        else if (get().edit({ kind: 'learningRate', value: action.learningRate })) get().nextIteration();
      },
      setLocale: (locale) => set({ locale }),
      setDigits: (digits) => set({ digits: clamp(Math.round(digits), 2, 10) }),
      selectEdge: (selectedEdge) => set({ selectedEdge }),
      toggleMatrixView: () => set({ matrixView: !get().matrixView }),
      setLongSourcesOpen: (longSourcesOpen) => set({ longSourcesOpen }),
      setTheme: (theme) => set({ theme }),
      setPresenting: (presenting) => set({ presenting, blanked: false }),
      setBlanked: (blanked) => set({ blanked: blanked && get().presenting }),
      setNotice: (notice) => set({ notice }),
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
        const { origin, lesson } = get();
        if (origin === lesson) return;
        if (!passes({ lesson: origin, origin })) return;
        remember();
        restore({ lesson: origin, origin, iteration: 1, lossHistory: [] });
      },
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
