import type { Lesson } from '../../engine';
import { lessonFileName, serialiseLesson } from '../../store/persist';

/** Downloads the lesson as a pretty-printed `backprop-lesson` JSON file named after its title. */
export function downloadLesson(lesson: Lesson): void {
  const blob = new Blob([serialiseLesson(lesson)], { type: 'application/json' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = lessonFileName(lesson);
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The page's address with the given hash: what "copy share link" puts on the clipboard. */
export function shareUrl(hash: string): string {
  return `${window.location.href.split('#')[0]}${hash}`;
}
