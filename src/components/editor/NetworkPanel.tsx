import { useEffect, useId, useRef, useState } from 'react';
import { isValidPair, LOSS_NAMES, type ActivationName, type LossName } from '../../engine';
import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';
import { useLessonStore, type LessonEdit } from '../../store';
import { CloseButton } from '../CloseButton';
import { LayerTable } from './LayerTable';
import { applyLessonEdit, LessonValueField } from './LessonValueField';
import { ReinitForm, useInitChoice } from './ReinitForm';
import './network-panel.css';

/**
 * Architecture and settings: layers and their sizes and activations, loss, biases, learning rate, and new
 * weights from an initialiser and seed. Every change goes through the store's `edit` (validated, undoable); the
 * controls always show the lesson as it is, so a refused change leaves them as they were, with the reason.
 */
export function NetworkPanelBody({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const lesson = useLessonStore((s) => s.lesson);
  const [message, setMessage] = useState<MessageRef | null>(null);
  const choice = useInitChoice(lesson.seed);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const outAct = lesson.layers[lesson.layers.length - 1].activation ?? 'identity';
  const apply = (edit: LessonEdit) => {
    const m = applyLessonEdit(edit);
    setMessage(m);
    return m;
  };
  /** A change of layers draws new weights with the chosen initialiser and seed. */
  const reshape = (sizes: number[], activations: ActivationName[]): MessageRef | null => {
    const scheme = choice.resolve();
    if (!scheme) return { key: 'network.fixInit' };
    const refused = applyLessonEdit({ kind: 'architecture', sizes, activations, ...scheme });
    if (!refused) choice.settle();
    return refused;
  };
  const reinit = () => {
    const refused = reshape(
      lesson.layers.map((spec) => spec.size),
      lesson.layers.map((spec) => spec.activation ?? 'identity'),
    );
    // a bad range or seed is already explained beside its field
    setMessage(refused?.key === 'network.fixInit' ? null : refused);
  };

  return (
    <section
      id={id}
      className="network-panel"
      aria-labelledby={headingId}
      data-testid="network-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <header>
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('network.title')}
        </h2>
        <CloseButton className="network-panel__close" onClick={onClose} label={t('network.close')} />
      </header>
      <p className="network-panel__message" role="alert">
        {message && `⚠ ${t(message.key, message.params)}`}
      </p>
      <LayerTable
        lesson={lesson}
        reshape={reshape}
        setActivation={(layer, activation) => applyLessonEdit({ kind: 'activation', layer, activation })}
        report={setMessage}
      />
      <div className="network-settings">
        <label className="value-field">
          <span className="value-field__label">{t('network.loss')}</span>
          <select
            value={lesson.loss}
            onChange={(e) => apply({ kind: 'loss', loss: e.target.value as LossName })}
          >
            {LOSS_NAMES.map((loss) => {
              const ok = isValidPair(outAct, loss);
              return (
                <option key={loss} value={loss} disabled={!ok}>
                  {t(`loss.${loss}`)}
                  {!ok && ` — ${t('network.notWith', { other: t(`activation.${outAct}`) })}`}
                </option>
              );
            })}
          </select>
        </label>
        <label className="value-field">
          <input
            type="checkbox"
            checked={lesson.useBias}
            onChange={(e) => apply({ kind: 'useBias', value: e.target.checked })}
          />
          <span>{t('network.useBias')}</span>
        </label>
        <LessonValueField target={{ kind: 'learningRate' }} />
      </div>
      <ReinitForm choice={choice} onReinit={reinit} />
      <p className="network-panel__hint">{t('network.hint')}</p>
    </section>
  );
}
