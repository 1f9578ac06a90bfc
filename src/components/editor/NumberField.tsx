import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';
import { formatForInput, parseNumberInput, type ParseOptions } from './parseNumberInput';
import './fields.css';

export interface NumberFieldProps {
  /** The visible label, e.g. "Weight w¹₁₁"; with `hideLabel` it only names the field for screen readers. */
  label: ReactNode;
  hideLabel?: boolean;
  /** The value in the lesson (what the field shows when not being typed in). */
  value: number;
  /** Applies a new value: returns null when applied, or the message of a refusal (the value stays). */
  onCommit: (value: number) => MessageRef | null;
  parse?: ParseOptions;
  /** A small cell (matrix grids, layer sizes): the message floats below instead of taking a line. */
  compact?: boolean;
  className?: string;
  testId?: string;
}

/**
 * A number typed in place. Enter applies it (after validation), and so does leaving the field (a click elsewhere,
 * Tab): a typed value is never dropped silently. Escape restores the shown value. A bad or refused number shows
 * why beside the field and stays in it to be corrected, and the lesson's value stays as it was.
 */
export function NumberField({
  label,
  hideLabel,
  value,
  onCommit,
  parse,
  compact,
  className,
  testId,
}: NumberFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);
  const shown = formatForInput(value);
  const text = draft ?? shown;
  const errorId = `${id}-error`;
  const errorRef = useRef<HTMLSpanElement>(null);
  // a message below a cell near the bottom of a scrolling panel would go unseen
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);

  const reset = () => {
    setDraft(null);
    setError(null);
  };
  const commit = () => {
    if (draft === null || draft === shown) return reset();
    const parsed = parseNumberInput(draft, parse);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.value === value) return reset();
    const refused = onCommit(parsed.value);
    if (refused) setError(refused);
    else reset();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && (draft !== null || error !== null)) {
      // the first Escape cancels the typing; a second one is left to the panel (to close it)
      e.preventDefault();
      e.stopPropagation();
      reset();
    }
  };

  const classes = ['value-field', compact && 'value-field--compact', error && 'has-error', className];
  return (
    <span className={classes.filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'value-field__label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        size={compact ? 6 : 10}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <span id={errorId} ref={errorRef} className="value-field__error" role="alert">
        {error && (
          <>
            <span aria-hidden="true">⚠ </span>
            {t('editor.kept', { reason: t(error.key, error.params), value: shown })}
          </>
        )}
      </span>
    </span>
  );
}
