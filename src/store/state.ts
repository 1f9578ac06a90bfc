import type { EdgeId, Lesson, ValueId } from '../engine';
import { DEFAULT_PRACTICE, type PracticeState } from '../practice/progress';
import type { MessageRef } from '../formulas/types';
import type { Locale } from '../i18n/translate';
import { DEFAULT_LESSON } from '../lessons/builtIn';
import type { Granularity } from '../steps/types';
import { initialTraining, type RunMark, type TrainingState, type View } from './training';

// The store's state and where it starts; store.ts puts together the actions that change it.

/** The screen's colour themes. */
export type Theme = 'light' | 'dark' | 'projector';

/** What undo and redo restore: the lesson, the lesson it was opened as (for "reset"), and where training stands. */
export interface Snapshot {
  lesson: Lesson;
  origin: Lesson;
  priorUpdates: number;
  lossHistory: number[];
  /** The view and the run as they were (absent: left as they are); see RunMark. */
  run?: RunMark;
}

/** Work the student had on screen, restorable exactly (the autosave a share link replaced). */
export interface Work extends Snapshot {
  granularity: Granularity;
  cursor: number;
}

/** What a notice's one button does. */
export type NoticeAction =
  /** Next iteration was stopped: set η to `learningRate` and take the iteration. */
  | { kind: 'lowerRate'; learningRate: number }
  /** A share link replaced saved work: bring that work back. */
  | { kind: 'restoreWork'; work: Work };

/** A message for the user, with at most one action offered beside it. */
export interface Notice extends MessageRef {
  action?: NoticeAction;
}

/** Undo steps kept. */
export const HISTORY_LIMIT = 100;

/** The one store: the lesson, where the student is in its timeline, playback, and view settings. */
export interface LessonState {
  lesson: Lesson;
  granularity: Granularity;
  /** Index of the current step in the timeline at `granularity`. */
  cursor: number;
  playing: boolean;
  /** Playback speed, steps per second. */
  speed: number;
  locale: Locale;
  /** Significant digits numbers are shown with. */
  digits: number;
  /**
   * Weight updates the lesson had before the step view's own iterations (lossHistory): 0 for a lesson as opened,
   * a link's iteration − 1, or the run's update count at the last hand-over between the views. The iteration
   * shown is derived from it (selectIteration: priorUpdates + lossHistory.length + 1), never stored.
   */
  priorUpdates: number;
  /** Loss E of each of the step view's iterations since then; the current one's is the trace's. */
  lossHistory: number[];
  /** A message for the user (a refused edit, a broken link, a stopped iteration), or null. */
  notice: Notice | null;
  /** Cursors to return to after following "where did this come from". */
  jumpStack: number[];
  /** The edge whose chain rule is open, e.g. `e:1:0:2`. */
  selectedEdge: EdgeId | null;
  matrixView: boolean;
  /** Whether a long "where the numbers come from" list is open (short ones always are). */
  longSourcesOpen: boolean;
  /** Whether a long sum shows every term (else its first and last terms around ⋯), for every step alike. */
  allTerms: boolean;
  theme: Theme;
  /** Presenter mode (full screen, large type, editing hidden) and its blanked screen (a clicker's B). */
  presenting: boolean;
  blanked: boolean;
  /** The value the student was on when the granularity last changed, so a round trip returns to it. */
  focus: ValueId | null;
  /** Earlier states for undo (most recent last) and undone ones for redo. */
  past: Snapshot[];
  future: Snapshot[];
  /** The lesson as it was opened, for "reset lesson". */
  origin: Lesson;
  /** The step-by-step view or the Train view, and the training run (src/store/training.ts). */
  view: View;
  training: TrainingState;
  /** Practice: predict each hidden result before it is shown (src/practice). */
  practice: PracticeState;
}

export const SPEED_RANGE = { min: 0.5, max: 10 } as const;

export function initialState(lesson: Lesson = DEFAULT_LESSON): LessonState {
  return {
    lesson,
    granularity: 'neuron',
    cursor: 0,
    playing: false,
    speed: 2,
    locale: 'en',
    digits: 4,
    priorUpdates: 0,
    lossHistory: [],
    notice: null,
    jumpStack: [],
    selectedEdge: null,
    matrixView: false,
    longSourcesOpen: false,
    allTerms: false,
    theme: 'light',
    presenting: false,
    blanked: false,
    focus: null,
    past: [],
    future: [],
    origin: lesson,
    view: 'step',
    training: initialTraining(lesson),
    practice: DEFAULT_PRACTICE,
  };
}
