import type { Lesson } from '../engine';
import type { Granularity } from '../steps/types';
import { timelineOf, traceOf } from './derived';
import { applyEdit, type LessonEdit } from './edits';
import { FRESH_VIEW } from './freshView';
import { conditionParams, gateLesson, gateUpdate, lowerRate, type GateResult } from './gate';
import { iterationOf } from './iteration';
import { clamp } from './navigation';
import type { LessonState, Notice, NoticeAction, Work } from './state';
import type { UndoHistory } from './undo';

// The actions that change the lesson, each through the gate and each undoable: an edit, Next iteration, opening a
// lesson, bringing back earlier work, and a notice's button.

export interface LessonChangeActions {
  /** Applies an edit, keeping the cursor on the same step; a refused edit leaves everything and sets notice. */
  edit(edit: LessonEdit): boolean;
  /**
   * Adopts the updated weights and starts the next forward pass. When the new weights would leave the format's
   * limits or make the step non-finite, stops before it (the weights stay, playback stops) and says why, offering
   * to lower η; returns whether the iteration was taken.
   */
  nextIteration(): boolean;
  /**
   * Next iteration in tasks: `warm` computes what the new state shows (one piece per task) before the store
   * takes it, so no single task holds the whole work. Not taken if the lesson changed meanwhile.
   */
  nextIterationAfter(warm: (next: LessonState) => Promise<void>): Promise<boolean>;
  /**
   * Opens a lesson (undoably) if the gate accepts it; a refused one changes nothing and comes back with why.
   * `iteration`: the one it opens at (a link's; 1 by default).
   */
  loadLesson(
    lesson: Lesson,
    at?: { granularity?: Granularity; cursor?: number; iteration?: number },
  ): GateResult;
  /** Brings back work exactly as it was (undoably), if its lessons still pass the gate. */
  restoreWork(work: Work): boolean;
  /** Runs the current notice's action (lower η and go on, back to your work) and clears the notice. */
  runNoticeAction(): void;
}

type Set = (partial: Partial<LessonState>) => void;
type Get = () => LessonState;

export function lessonChangeActions(
  set: Set,
  get: Get,
  { snapshot, remember, restore }: UndoHistory,
): LessonChangeActions {
  const edit = (e: LessonEdit) => {
    const r = applyEdit(get().lesson, e);
    if (!r.ok) {
      set({ notice: r.message });
      return false;
    }
    remember();
    restore({ ...snapshot(), lesson: r.lesson });
    return true;
  };
  /** The state Next iteration moves to, or null when it is refused (the notice then says why). */
  const iterationState = (): Partial<LessonState> | null => {
    const { lesson, lossHistory } = get();
    const iteration = iterationOf(get());
    const r = traceOf(lesson);
    if (!r.ok) return null;
    // the engine's w⁺ and b⁺ of an accepted lesson: checked against the format's limits only
    const gated = gateUpdate(lesson, r.trace.updated.weights, r.trace.updated.biases);
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
      return null;
    }
    // one more loss in the step view's history: the iteration (derived from it) goes up by one
    return {
      lesson: gated.lesson,
      lossHistory: [...lossHistory, r.trace.batch?.loss ?? r.trace.loss],
      cursor: 0,
      jumpStack: [],
      notice: null,
    };
  };
  const nextIteration = () => {
    const next = iterationState();
    if (!next) return false;
    remember();
    set(next);
    return true;
  };
  const nextIterationAfter = async (warm: (next: LessonState) => Promise<void>) => {
    const from = get().lesson;
    const next = iterationState();
    if (!next) return false;
    await warm({ ...get(), ...next });
    if (get().lesson !== from) return false;
    remember();
    set(next);
    return true;
  };
  const restoreWork = (work: Work) => {
    const lesson = gateLesson(work.lesson);
    const origin = gateLesson(work.origin);
    if (!lesson.ok || !origin.ok) return false;
    remember();
    const n = timelineOf(lesson.lesson, work.granularity)?.steps.length ?? 1;
    set({
      lesson: lesson.lesson,
      origin: origin.lesson,
      priorUpdates: work.priorUpdates,
      lossHistory: work.lossHistory,
      granularity: work.granularity,
      cursor: clamp(work.cursor, 0, n - 1),
      ...FRESH_VIEW,
    });
    return true;
  };
  return {
    edit,
    nextIteration,
    nextIterationAfter,
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
        priorUpdates: (at.iteration ?? 1) - 1,
        lossHistory: [],
        jumpStack: [],
        selectedEdge: null,
        playing: false,
      });
      return gated;
    },
    restoreWork,
    runNoticeAction: () => {
      const action: NoticeAction | undefined = get().notice?.action;
      if (!action) return;
      set({ notice: null });
      if (action.kind === 'restoreWork') restoreWork(action.work);
      else if (edit({ kind: 'learningRate', value: action.learningRate })) nextIteration();
    },
  };
}
