import type { RefObject } from 'react';
import { textIn } from '../engine';
import { useT } from '../i18n';
import { PRESETS, type Preset } from '../lessons';
import { lessonStore, useLessonStore } from '../store';
import { sameLesson } from '../store/persist';
import { Dialog } from './Dialog';

/** The lesson picker's dialog: the presets with their one-line summaries (open while it is rendered). */
export function LessonPickerDialog(props: { onClose: () => void; opener?: RefObject<HTMLElement | null> }) {
  const { onClose, opener } = props;
  const t = useT();
  const locale = useLessonStore((s) => s.locale);
  const origin = useLessonStore((s) => s.origin);
  const choose = (p: Preset) => {
    const loaded = lessonStore.getState().loadLesson(p.lesson, { cursor: 0 });
    // the Iris lesson (lesson 002's project) opens in the Train view, ready to train
    const data = p.lesson.dataset;
    if (loaded.ok && data?.kind === 'builtin' && data.name === 'iris')
      lessonStore.getState().setView('train');
    onClose();
  };

  return (
    <Dialog
      messages="picker"
      onClose={onClose}
      returnFocus={opener}
      className="lesson-picker"
      initialFocus={['.preset[aria-current="true"]', '.preset']}
    >
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
    </Dialog>
  );
}
