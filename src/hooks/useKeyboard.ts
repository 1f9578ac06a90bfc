import { useEffect } from 'react';
import { lessonStore } from '../store';

type Store = ReturnType<typeof lessonStore.getState>;

/** Keys that step the lesson from anywhere on the page (presenter clickers send PageUp/PageDown). */
const KEYS: Record<string, (s: Store) => void> = {
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

/**
 * A clicker's "blank screen" key (B or period): it does nothing here, and it must not reach a control either
 * (a focused list would jump to the option starting with "B").
 */
const CLICKER_ONLY = new Set(['b', 'B', '.']);

/** Keys that move the focus by keyboard: the control they land on counts as reached by keyboard. */
const NAV_KEYS = new Set(['Tab', 'ArrowUp', 'ArrowDown']);

/** Input types that take typed text (every key, including Space and the arrows, belongs to them). */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

function isTextField(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type);
}

/** Controls that Space (or a typed letter) operates: buttons, switches, check boxes, lists. */
function takesSpace(el: HTMLElement): boolean {
  if (['BUTTON', 'SUMMARY', 'SELECT'].includes(el.tagName)) return true;
  if (el.tagName === 'INPUT')
    return ['radio', 'checkbox', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
  return ['button', 'radio', 'checkbox', 'switch', 'tab', 'menuitem'].includes(el.getAttribute('role') ?? '');
}

/** What the hook knows about how the focused control was reached and whether it is being operated. */
export interface KeyContext {
  /** The element the keyboard last moved the focus to (Tab, or ↑/↓ within a group), if it still has it. */
  keyboardFocused: Element | null;
  /** A slider held down by the pointer (being dragged): it keeps its keys until released. */
  operated: Element | null;
}

/**
 * Who a key belongs to: the focused control, or the lesson (stepping). The rule, which lets a presenter
 * clicker and a keyboard user both work:
 * - a text field keeps every key, and so does an open modal dialog (the lesson picker);
 * - a slider keeps its keys while it is being dragged;
 * - Space (and a clicker's B or period) operates a button, switch, check box or list only when the keyboard
 *   moved the focus there (Tab); after a click, or when focus returned from a closed dialog, Space plays;
 * - every other stepping key (←/→, PageUp/PageDown, Home/End, [ ]) steps the lesson whatever is focused;
 *   ↑/↓ are left to the focused slider, switch or list, and Enter to the focused button.
 */
export function keyOwner(e: KeyboardEvent, ctx: KeyContext): 'control' | 'lesson' {
  const el = e.target as HTMLElement | null;
  if (!el || !el.tagName) return 'lesson';
  if (isTextField(el) || el.closest('dialog[open]')) return 'control';
  if (ctx.operated && ctx.operated === el) return 'control';
  if ((e.key === ' ' || CLICKER_ONLY.has(e.key)) && ctx.keyboardFocused === el && takesSpace(el))
    return 'control';
  // a list reached by keyboard keeps its letters (type-ahead); elsewhere P is presenter mode's
  if ((e.key === 'p' || e.key === 'P') && ctx.keyboardFocused === el && el.tagName === 'SELECT')
    return 'control';
  return 'lesson';
}

/**
 * Presenter mode's keys: P enters or leaves it; while presenting, B (or period, a clicker's "blank screen")
 * blanks the screen and Esc leaves; while the screen is blank, B or any stepping key brings it back (without
 * stepping, so the class sees the step it left). True if the key was presenter mode's.
 */
function presenterKey(e: KeyboardEvent, s: Store): boolean {
  if (e.key === 'p' || e.key === 'P') s.setPresenting(!s.presenting);
  else if (!s.presenting) return false;
  else if (e.key === 'Escape') s.setPresenting(false);
  else if (CLICKER_ONLY.has(e.key)) s.setBlanked(!s.blanked);
  else if (s.blanked && Object.hasOwn(KEYS, e.key)) s.setBlanked(false);
  else return false;
  return true;
}

export function useKeyboard(): void {
  useEffect(() => {
    const ctx: KeyContext = { keyboardFocused: null, operated: null };
    let navKeyDown = false;

    const onKey = (e: KeyboardEvent) => {
      if (NAV_KEYS.has(e.key)) navKeyDown = true;
      if (keyOwner(e, ctx) === 'control') return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && ['z', 'Z', 'y'].includes(e.key)) {
        // Ctrl+Z undo; Ctrl+Shift+Z or Ctrl+Y redo (typing fields keep their own undo)
        e.preventDefault();
        const s = lessonStore.getState();
        if (e.key === 'y' || e.shiftKey) s.redo();
        else s.undo();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (presenterKey(e, lessonStore.getState())) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      // the Train view has no steps: its controls keep their other keys
      if (lessonStore.getState().view === 'train') return;
      const action = KEYS[e.key];
      if (!action && !CLICKER_ONLY.has(e.key)) return;
      // the lesson takes the key: the focused control neither moves nor sees it
      e.preventDefault();
      e.stopPropagation();
      action?.(lessonStore.getState());
    };
    const onKeyUp = () => {
      navKeyDown = false;
    };
    const onFocusIn = (e: FocusEvent) => {
      ctx.keyboardFocused = navKeyDown ? (e.target as Element) : null;
    };
    const onPointerDown = (e: PointerEvent) => {
      navKeyDown = false;
      const el = e.target as HTMLInputElement | null;
      ctx.operated = el?.tagName === 'INPUT' && el.type === 'range' ? el : null;
    };
    const onPointerUp = () => {
      ctx.operated = null;
    };
    // capture: the lesson decides before any control (or React's handlers) sees the key
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointerup', onPointerUp, true);
    window.addEventListener('pointercancel', onPointerUp, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
    };
  }, []);
}
