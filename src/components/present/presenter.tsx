import { useEffect } from 'react';
import { useT } from '../../i18n';
import { lessonStore, useLessonStore } from '../../store';
import './present.css';

/**
 * Presenter mode's screen: full screen while it is on (asked for when it starts; a browser that refuses, or has
 * no Fullscreen API, presents in the window), `is-presenting` on the page's root for its styles, and leaving
 * full screen by the browser's own means (its Esc, which the page does not see, F11, a window manager) leaves
 * presenter mode too — once presenter mode did enter full screen, never because a refusal left it in the window.
 */
export function usePresenterScreen(): void {
  const presenting = useLessonStore((s) => s.presenting);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('is-presenting', presenting);
    if (!presenting) {
      if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
      return;
    }
    if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
    return watchFullScreen(root, () => lessonStore.getState().setPresenting(false));
  }, [presenting]);
}

/**
 * Asks for full screen on `root` and calls `onLeft` once the browser has left it again. The browser may tell
 * late or not at all: a `fullscreenchange` can arrive only after the full screen was already left (both changes
 * in one frame: the first event then sees no full-screen element either), and a headless or busy browser may
 * drop it. So entering is known from the request's promise or from any change event, and leaving is checked on
 * each change, on resize (leaving full screen resizes the viewport) and when the page is shown again. Returns
 * the function that stops watching.
 */
export function watchFullScreen(root: HTMLElement, onLeft: () => void): () => void {
  let entered = false;
  let watching = true;
  const check = () => {
    if (!watching) return;
    if (document.fullscreenElement) entered = true;
    else if (entered) {
      stop();
      onLeft();
    }
  };
  const onChange = () => {
    entered = true; // the first change after the request is its entry, however late it is told
    check();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') check();
  };
  document.addEventListener('fullscreenchange', onChange);
  window.addEventListener('resize', check);
  document.addEventListener('visibilitychange', onVisibility);
  function stop() {
    watching = false;
    document.removeEventListener('fullscreenchange', onChange);
    window.removeEventListener('resize', check);
    document.removeEventListener('visibilitychange', onVisibility);
  }
  root.requestFullscreen().then(
    () => {
      if (!watching) return;
      entered = true;
      check();
    },
    () => stop(), // refused: present in the window, and no full screen to leave
  );
  return stop;
}

/** The header's "Present" button (key P). */
export function PresentButton() {
  const t = useT();
  const setPresenting = useLessonStore((s) => s.setPresenting);
  return (
    <button
      type="button"
      className="present-button"
      onClick={() => setPresenting(true)}
      aria-keyshortcuts="P"
      title={t('present.hint')}
    >
      <span aria-hidden="true">▶ </span>
      {t('present.start')}
    </button>
  );
}

/** While presenting: the way out for a mouse (Esc for the keyboard), and the black screen B puts up. */
export function PresenterOverlay() {
  const t = useT();
  const presenting = useLessonStore((s) => s.presenting);
  const blanked = useLessonStore((s) => s.blanked);
  const { setPresenting, setBlanked } = lessonStore.getState();
  if (!presenting) return null;
  return (
    <>
      <button
        type="button"
        className="present-leave"
        onClick={() => setPresenting(false)}
        aria-keyshortcuts="Escape"
        title={t('present.leaveHint')}
      >
        {t('present.leave')}
      </button>
      {blanked && (
        <section
          className="present-blank"
          data-testid="blank-screen"
          aria-label={t('present.blankScreen')}
          onClick={() => setBlanked(false)}
        >
          <p className="sr-only">{t('present.blanked')}</p>
        </section>
      )}
    </>
  );
}
