import { useId, useState } from 'react';
import { INIT_KINDS, type InitScheme } from '../../engine';
import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';
import { parseNumberInput } from './parseNumberInput';

type InitKind = InitScheme['kind'];
const MAX_SEED = 2 ** 32 - 1;

/** The initialiser and seed new weights are drawn with, as typed (drafts until a change of layers uses them). */
export function useInitChoice(lessonSeed: number | undefined) {
  const [kind, setKind] = useState<InitKind>('xavier');
  const [range, setRange] = useState('0.5');
  const [seedText, setSeedText] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ range?: MessageRef; seed?: MessageRef }>({});
  const seed = seedText ?? String(lessonSeed ?? 1);

  /** The scheme and seed, or null (with the reasons shown beside the fields) while a field is invalid. */
  const resolve = (): { init: InitScheme; seed: number } | null => {
    const s = parseNumberInput(seed, {
      integer: { min: 0, max: MAX_SEED, message: { key: 'network.seedRange', params: { max: MAX_SEED } } },
    });
    const r =
      kind === 'uniform'
        ? parseNumberInput(range, { positive: { message: { key: 'network.rangePositive' } } })
        : null;
    setErrors({ seed: s.ok ? undefined : s.message, range: r && !r.ok ? r.message : undefined });
    if (!s.ok) return null;
    if (kind !== 'uniform') return { init: { kind }, seed: s.value };
    return r?.ok ? { init: { kind, range: r.value }, seed: s.value } : null;
  };
  /** After the lesson took the seed, show the lesson's own again. */
  const settle = () => setSeedText(null);
  const edit = {
    kind: (k: InitKind) => setKind(k),
    range: (text: string) => {
      setRange(text);
      setErrors((e) => ({ ...e, range: undefined }));
    },
    seed: (text: string) => {
      setSeedText(text);
      setErrors((e) => ({ ...e, seed: undefined }));
    },
  };
  return { kind, range, seed, errors, edit, resolve, settle };
}

export type InitChoice = ReturnType<typeof useInitChoice>;

interface DraftFieldProps {
  label: string;
  value: string;
  error?: MessageRef;
  onChange: (text: string) => void;
}

/** A typed value the form reads when it is used (Enter submits the form). */
function DraftField({ label, value, error, onChange }: DraftFieldProps) {
  const t = useT();
  const id = useId();
  return (
    <span className={`value-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="value-field__label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={8}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-error`} className="value-field__error" role="alert">
        {error && `⚠ ${t(error.key, error.params)}`}
      </span>
    </span>
  );
}

/** "Re-initialise": new weights from an initialiser (uniform [0, 1), uniform ±r, Xavier, He) and a seed. */
export function ReinitForm({ choice, onReinit }: { choice: InitChoice; onReinit: () => void }) {
  const t = useT();
  const selectId = useId();
  return (
    <form
      className="reinit"
      aria-label={t('network.reinit')}
      onSubmit={(e) => {
        e.preventDefault();
        onReinit();
      }}
    >
      <span className="value-field">
        <label htmlFor={selectId} className="value-field__label">
          {t('network.init')}
        </label>
        <select
          id={selectId}
          value={choice.kind}
          onChange={(e) => choice.edit.kind(e.target.value as InitKind)}
        >
          {INIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`init.${k}`)}
            </option>
          ))}
        </select>
      </span>
      {choice.kind === 'uniform' && (
        <DraftField
          label={t('network.range')}
          value={choice.range}
          error={choice.errors.range}
          onChange={choice.edit.range}
        />
      )}
      <DraftField
        label={t('network.seed')}
        value={choice.seed}
        error={choice.errors.seed}
        onChange={choice.edit.seed}
      />
      <button type="submit">{t('network.reinit')}</button>
    </form>
  );
}
