import type { LessonState } from './state';

/** How a lesson put in view (work brought back, a sample's step opened) starts: no jumps, nothing selected or playing, no message. */
export const FRESH_VIEW: Pick<LessonState, 'jumpStack' | 'selectedEdge' | 'playing' | 'notice'> = {
  jumpStack: [],
  selectedEdge: null,
  playing: false,
  notice: null,
};
