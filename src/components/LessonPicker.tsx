import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { LessonPickerDialog } from './lazyPanels';
import { ToolIcon } from './files/ToolIcon';

/** The "Lessons" button; the dialog listing the presets (LessonPickerDialog) loads with the first open. */
export function LessonPicker() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={t('picker.open')}
      >
        <ToolIcon name="lessons" />
        <span>{t('picker.open')}</span>
      </button>
      {open && <LessonPickerDialog onClose={() => setOpen(false)} opener={button} />}
    </>
  );
}
