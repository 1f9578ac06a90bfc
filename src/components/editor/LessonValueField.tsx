import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';
import { lessonStore, useLessonStore, type LessonEdit } from '../../store';
import { editOf, labelKeyOf, symbolOf, valueOf, type EditTarget } from './editTargets';
import { NumberField } from './NumberField';

/**
 * Applies an edit through the store. Returns null when applied, else the store's reason (which this returns
 * to be shown beside the field, so the page-wide notice is cleared rather than shown twice).
 */
export function applyLessonEdit(edit: LessonEdit): MessageRef | null {
  const store = lessonStore.getState();
  if (store.edit(edit)) return null;
  const notice = lessonStore.getState().notice;
  store.setNotice(null);
  return notice ?? { key: 'editor.refused' };
}

/** The learning rate must be greater than 0 (the engine's message). */
const PARSE_BY_KIND = {
  learningRate: { positive: { message: { key: 'edit.learningRatePositive' } } },
} as const;

interface LessonValueFieldProps {
  target: EditTarget;
  compact?: boolean;
  /** Only the symbol for screen readers (cells of a grid whose heading says what they are). */
  hideLabel?: boolean;
}

/** A number field bound to one value of the lesson in the store: "Weight w¹₁₁ = [0.9]". */
export function LessonValueField({ target, compact, hideLabel }: LessonValueFieldProps) {
  const t = useT();
  const value = useLessonStore((s) => valueOf(s.lesson, target));
  const name = useLessonStore((s) => symbolOf(s.lesson, target));
  if (value === undefined) return null;
  return (
    <NumberField
      label={
        <>
          {t(labelKeyOf(target), { name })}
          <span aria-hidden="true"> =</span>
        </>
      }
      hideLabel={hideLabel}
      value={value}
      compact={compact}
      parse={target.kind === 'learningRate' ? PARSE_BY_KIND.learningRate : undefined}
      onCommit={(v) => applyLessonEdit(editOf(target, v))}
    />
  );
}
