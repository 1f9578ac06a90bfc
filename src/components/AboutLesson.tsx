import { useEffect, useId, useRef, useState } from 'react';
import { textIn, type LocalText } from '../engine';
import { useT } from '../i18n';
import { useLessonStore } from '../store';
import './about.css';

/** A lesson's notes as paragraphs: the source, the body, and the errata each start a paragraph of their own. */
export function noteParagraphs(text: string): string[] {
  return text
    .split(/(?=Errata:|勘误：)|(?<=^Source:[^.]*\.)\s|(?<=^出处：[^。]*。)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The "About this lesson" button and the dialog with the lesson's notes: its source, conventions and errata. */
export function AboutLesson() {
  const t = useT();
  const locale = useLessonStore((s) => s.locale);
  const title = useLessonStore((s) => s.lesson.title);
  const notes: LocalText | undefined = useLessonStore((s) => s.lesson.notes);
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', ''); // environments without <dialog> support
    d.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  const close = () => {
    const d = dialog.current;
    if (d?.open && typeof d.close === 'function') d.close();
    setOpen(false);
    trigger.current?.focus();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="about-lesson-open"
        aria-haspopup="dialog"
        aria-label={t('about.open')}
        title={t('about.open')}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">ⓘ</span>
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="lesson-picker about-lesson"
          aria-labelledby={titleId}
          onCancel={(e) => {
            e.preventDefault();
            close();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            close();
          }}
          onClick={(e) => {
            const r = dialog.current?.getBoundingClientRect();
            const outside =
              r && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom);
            if (e.target === dialog.current && outside) close();
          }}
        >
          <div className="lesson-picker-head">
            <h2 id={titleId}>{t('about.title')}</h2>
            <button type="button" onClick={close} aria-label={t('about.close')}>
              ×
            </button>
          </div>
          {title && <h3>{textIn(title, locale)}</h3>}
          {notes ? noteParagraphs(notes[locale]).map((p, i) => <p key={i}>{p}</p>) : <p>{t('about.none')}</p>}
        </dialog>
      )}
    </>
  );
}
