import { findCoveringStep } from '../steps';
import type { Granularity } from '../steps/types';
import { timelineOf } from './derived';
import { SPEED_RANGE, type LessonState } from './state';

// Moving through the lesson's timeline: step by step, phase by phase, playback, the detail level, and the jumps of
// "where did this come from". None of these changes the lesson (nothing here is undoable).

export interface NavigationActions {
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
  /** Jumps to the step that produced a value, remembering where to come back to. */
  followSource(stepId: string): void;
  back(): void;
}

type Set = (partial: Partial<LessonState>) => void;
type Get = () => LessonState;

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function navigationActions(set: Set, get: Get): NavigationActions {
  const count = () => timelineOf(get().lesson, get().granularity)?.steps.length ?? 0;
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
  const play = () => {
    if (get().cursor >= count() - 1) set({ cursor: 0 });
    set({ playing: true });
  };
  const pause = () => set({ playing: false });
  return {
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
    play,
    pause,
    togglePlay: () => (get().playing ? pause() : play()),
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
  };
}
