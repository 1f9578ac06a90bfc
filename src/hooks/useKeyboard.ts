import { useEffect } from 'react';
import { lessonStore } from '../store';

/** Keys that step the lesson from anywhere on the page (presenter clickers send PageUp/PageDown). */
const KEYS: Record<string, (s: ReturnType<typeof lessonStore.getState>) => void> = {
  ArrowRight: (s) => s.next(),
  PageDown: (s) => s.next(),
  ArrowLeft: (s) => s.prev(),
  PageUp: (s) => s.prev(),
  Home: (s) => s.first(),
  End: (s) => s.last(),
  ' ': (s) => s.togglePlay(),
  ']': (s) => s.nextPhase(),
  '[': (s) => s.prevPhase(),
};

/** True when the key belongs to the focused element (typing in a field, a slider, a button's Space). */
function ownedByTarget(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  if (
    e.key === ' ' &&
    (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button' || el.tagName === 'SUMMARY')
  )
    return true;
  return false;
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ownedByTarget(e)) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && ['z', 'Z', 'y'].includes(e.key)) {
        // Ctrl+Z undo; Ctrl+Shift+Z or Ctrl+Y redo (typing fields keep their own undo)
        e.preventDefault();
        const s = lessonStore.getState();
        if (e.key === 'y' || e.shiftKey) s.redo();
        else s.undo();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const action = KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      action(lessonStore.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
