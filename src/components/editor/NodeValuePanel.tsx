import { useT } from '../../i18n';
import { useLessonStore } from '../../store';
import { CloseButton } from '../CloseButton';
import { symbolOf, labelKeyOf, type EditTarget } from './editTargets';
import { LessonValueField } from './LessonValueField';
import './value-panel.css';

interface NodeValuePanelProps {
  /** The input x_k or target t_j of the node that was selected. */
  target: EditTarget;
  onClose: () => void;
}

/** The value of a selected input or output node (x_k or t_j), to type over; floats over the graph. */
export function NodeValuePanel({ target, onClose }: NodeValuePanelProps) {
  const t = useT();
  const symbol = useLessonStore((s) => symbolOf(s.lesson, target));
  const name = t(labelKeyOf(target), { name: symbol });
  return (
    <aside
      className="value-panel"
      aria-label={t('editor.valuePanel', { name })}
      data-testid="value-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <LessonValueField target={target} />
      <CloseButton className="value-panel__close" onClick={onClose} label={t('editor.closeValue')} />
      <p className="value-panel__hint">{t('editor.hint')}</p>
    </aside>
  );
}
