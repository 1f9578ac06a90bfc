import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import { LessonPicker } from '../LessonPicker';
import { FileControls } from './FileControls';
import { ToolIcon } from './ToolIcon';
import './files.css';

/** The header's lesson tools: pick a preset, undo / redo / reset, save, open and share. */
export function LessonToolbar() {
  const t = useT();
  const s = useLessonStore(
    useShallow((s) => ({
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
      edited: s.lesson !== s.origin,
      undo: s.undo,
      redo: s.redo,
      resetLesson: s.resetLesson,
    })),
  );
  return (
    <div className="lesson-toolbar" role="group" aria-label={t('files.toolbar')}>
      <LessonPicker />
      <span className="toolbar-group">
        <button
          type="button"
          onClick={s.undo}
          disabled={!s.canUndo}
          aria-label={t('files.undo')}
          title={t('files.undoHint')}
        >
          <ToolIcon name="undo" />
        </button>
        <button
          type="button"
          onClick={s.redo}
          disabled={!s.canRedo}
          aria-label={t('files.redo')}
          title={t('files.redoHint')}
        >
          <ToolIcon name="redo" />
        </button>
        <button
          type="button"
          onClick={s.resetLesson}
          disabled={!s.edited}
          aria-label={t('files.reset')}
          title={t('files.reset')}
        >
          <ToolIcon name="reset" />
        </button>
      </span>
      <FileControls />
    </div>
  );
}
