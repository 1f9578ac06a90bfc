import { useRef, useState } from 'react';
import { textIn, type LocalText } from '../engine';
import { useT } from '../i18n';
import { useLessonStore } from '../store';
import { Dialog } from './lazyPanels';
import './about.css';
import './toolButton.css';

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
  const close = () => setOpen(false);
  const button = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="tool-button about-lesson-open"
        aria-haspopup="dialog"
        aria-label={t('about.open')}
        title={t('about.open')}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">ⓘ</span>
      </button>
      {open && (
        <Dialog messages="about" onClose={close} returnFocus={button} className="about-lesson">
          {title && <h3>{textIn(title, locale)}</h3>}
          {notes ? noteParagraphs(notes[locale]).map((p, i) => <p key={i}>{p}</p>) : <p>{t('about.none')}</p>}
        </Dialog>
      )}
    </>
  );
}
