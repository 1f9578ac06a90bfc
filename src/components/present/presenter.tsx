import { useEffect } from 'react';
import { useT } from '../../i18n';
import { lessonStore, useLessonStore } from '../../store';
import './present.css';

/**
 * Presenter mode's screen: full screen while it is on (asked for when it starts; a browser that refuses, or has
 * no Fullscreen API, presents in the window), `is-presenting` on the page's root for its styles, and leaving
 * full screen by the browser's own means (its Esc, which the page does not see) leaves presenter mode too.
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
    let owned = false;
    const onChange = () => {
      if (document.fullscreenElement) owned = true;
      else if (owned) lessonStore.getState().setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    if (!document.fullscreenElement && typeof root.requestFullscreen === 'function')
      root.requestFullscreen().catch(() => {}); // refused: present in the window
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [presenting]);
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
