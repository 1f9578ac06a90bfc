import { useEffect, useId, useRef } from 'react';
import { textIn } from '../engine';
import { useT } from '../i18n';
import { PRESETS, type Preset } from '../lessons';
import { lessonStore, useLessonStore } from '../store';
import { sameLesson } from '../store/persist';

/** The lesson picker's dialog: the presets with their one-line summaries (open while it is rendered). */
export function LessonPickerDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useLessonStore((s) => s.locale);
  const origin = useLessonStore((s) => s.origin);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', ''); // environments without <dialog> support
    (
      d.querySelector<HTMLButtonElement>('.preset[aria-current="true"]') ??
      d.querySelector<HTMLButtonElement>('.preset')
    )?.focus();
  }, []);

  const close = () => {
    const d = dialog.current;
    if (d?.open && typeof d.close === 'function') d.close();
    onClose();
  };
  const choose = (p: Preset) => {
    const loaded = lessonStore.getState().loadLesson(p.lesson, { cursor: 0 });
    // the Iris lesson (lesson 002's project) opens in the Train view, ready to train
    const data = p.lesson.dataset;
    if (loaded.ok && data?.kind === 'builtin' && data.name === 'iris')
      lessonStore.getState().setView('train');
    close();
  };

  return (
    <dialog
      ref={dialog}
      className="lesson-picker"
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
        // a click on the backdrop (outside the box) closes; one on the dialog's own padding does not
        const r = dialog.current?.getBoundingClientRect();
        const outside =
          r && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom);
        if (e.target === dialog.current && outside) close();
      }}
    >
      <div className="lesson-picker-head">
        <h2 id={titleId}>{t('picker.title')}</h2>
        <button type="button" onClick={close} aria-label={t('picker.close')}>
          ×
        </button>
      </div>
      <ul>
        {PRESETS.map((p) => {
          const current = sameLesson(origin, p.lesson);
          return (
            <li key={p.id}>
              <button
                type="button"
                className="preset"
                aria-current={current ? 'true' : undefined}
                onClick={() => choose(p)}
              >
                <strong>{p.lesson.title ? textIn(p.lesson.title, locale) : p.id}</strong>
                {current && <span className="preset-current"> · {t('picker.current')}</span>}
                <span className="preset-summary">{p.summary[locale]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}
