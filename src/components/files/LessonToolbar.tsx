import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { runMoved, useLessonStore } from '../../store';
import { LessonPicker } from '../LessonPicker';
import { FileControls } from './FileControls';
import { ToolIcon } from './ToolIcon';
import '../toolButton.css';
import './files.css';

/** The header's lesson tools: pick a preset, undo / redo / reset, save, open and share. */
export function LessonToolbar() {
  const t = useT();
  const s = useLessonStore(
    useShallow((s) => ({
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
      edited: s.lesson !== s.origin || runMoved(s.training),
      undo: s.undo,
      redo: s.redo,
      resetLesson: s.resetLesson,
    })),
  );
  return (
    <div className="lesson-toolbar" role="group" aria-label={t('files.toolbar')}>
      <LessonPicker />
      <span className="toolbar-group">
        {(
          [
            { icon: 'undo', run: s.undo, enabled: s.canUndo, label: 'files.undo', hint: 'files.undoHint' },
            { icon: 'redo', run: s.redo, enabled: s.canRedo, label: 'files.redo', hint: 'files.redoHint' },
            {
              icon: 'reset',
              run: s.resetLesson,
              enabled: s.edited,
              label: 'files.reset',
              hint: 'files.reset',
            },
          ] as const
        ).map((b) => (
          <button
            key={b.icon}
            type="button"
            onClick={b.run}
            disabled={!b.enabled}
            aria-label={t(b.label)}
            title={t(b.hint)}
          >
            <ToolIcon name={b.icon} />
          </button>
        ))}
      </span>
      <FileControls />
    </div>
  );
}
