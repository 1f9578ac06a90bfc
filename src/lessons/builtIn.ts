import type { Lesson } from '../engine';
import { lesson004 } from './lesson004';

// The default lesson, and the built-in lessons known so far. The other built-in lessons are in the lesson
// picker's module (./index.ts), which registers them here when it loads: the first screen needs only the
// default one, and every way a built-in lesson can reach the store (the picker, a link, the autosave) imports
// that module first.

/** The lesson the app opens on when nothing else is asked for. */
export const DEFAULT_LESSON: Lesson = lesson004;

const builtIn: Lesson[] = [DEFAULT_LESSON];

/** Records built-in lessons (./index.ts calls it with every preset when it loads). */
export function registerBuiltIn(lessons: readonly Lesson[]): void {
  for (const lesson of lessons) if (!builtIn.includes(lesson)) builtIn.push(lesson);
}

/** The built-in lessons registered so far, the default one always among them. */
export function builtInLessons(): readonly Lesson[] {
  return builtIn;
}
