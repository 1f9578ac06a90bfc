import { ACTIVATION_NAMES, isValidPair, LIMITS, type ActivationName, type Lesson } from '../../engine';
import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';
import { NumberField } from './NumberField';

const HIDDEN_ACTIVATIONS = ACTIVATION_NAMES.filter((a) => a !== 'softmax');

interface LayerTableProps {
  lesson: Lesson;
  /** Applies new layer sizes and activations (drawing new weights); returns the refusal, or null. */
  reshape: (sizes: number[], activations: ActivationName[]) => MessageRef | null;
  /** Sets one layer's activation; returns the refusal, or null. */
  setActivation: (layer: number, activation: ActivationName) => MessageRef | null;
  /** Shows the outcome of a button or select (a typed size shows its own beside the field). */
  report: (message: MessageRef | null) => void;
}

/** The layers: each one's size (typed, or −/+) and activation; hidden layers can be added and removed. */
export function LayerTable({ lesson, reshape, setActivation, report }: LayerTableProps) {
  const t = useT();
  const sizes = lesson.layers.map((spec) => spec.size);
  // index 0 (the input layer) has no activation; the store reads activations[1 … L]
  const acts = lesson.layers.map((spec) => spec.activation ?? 'identity');
  const L = sizes.length - 1;
  const nameOf = (l: number) =>
    l === 0
      ? t('network.inputLayer')
      : l === L
        ? t('network.outputLayer')
        : t('network.hiddenLayer', { n: l });
  const withSize = (l: number, n: number) =>
    reshape(
      sizes.map((s, i) => (i === l ? n : s)),
      acts,
    );

  const addHidden = () => {
    const prev = L - 1; // the last hidden layer, or the input layer
    const size = sizes[prev];
    const act = prev > 0 ? acts[prev] : acts[L] === 'softmax' ? 'sigmoid' : acts[L];
    report(reshape([...sizes.slice(0, L), size, sizes[L]], [...acts.slice(0, L), act, acts[L]]));
  };
  const removeHidden = (l: number) =>
    report(
      reshape(
        sizes.filter((_, i) => i !== l),
        acts.filter((_, i) => i !== l),
      ),
    );

  return (
    <>
      <table className="layer-table">
        <thead>
          <tr>
            <th scope="col">{t('network.layer')}</th>
            <th scope="col">{t('network.neurons')}</th>
            <th scope="col">{t('network.activation')}</th>
            <th scope="col">
              <span className="sr-only">{t('network.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sizes.map((size, l) => (
            <tr key={`${l}/${sizes.length}`} data-testid={`layer-${l}`}>
              <th scope="row">{nameOf(l)}</th>
              <td>
                <div className="layer-size">
                  <button
                    type="button"
                    aria-label={t('network.fewer', { layer: nameOf(l) })}
                    disabled={size <= 1}
                    onClick={() => report(withSize(l, size - 1))}
                  >
                    −
                  </button>
                  <NumberField
                    label={t('network.sizeOf', { layer: nameOf(l) })}
                    hideLabel
                    compact
                    value={size}
                    parse={{
                      integer: {
                        min: 1,
                        max: LIMITS.maxNeurons,
                        message: { key: 'edit.neuronCount', params: { max: LIMITS.maxNeurons } },
                      },
                    }}
                    onCommit={(n) => withSize(l, n)}
                  />
                  <button
                    type="button"
                    aria-label={t('network.more', { layer: nameOf(l) })}
                    disabled={size >= LIMITS.maxNeurons}
                    onClick={() => report(withSize(l, size + 1))}
                  >
                    +
                  </button>
                </div>
              </td>
              <td>
                {l > 0 && (
                  <select
                    aria-label={t('network.activationOf', { layer: nameOf(l) })}
                    value={acts[l]}
                    onChange={(e) => report(setActivation(l, e.target.value as ActivationName))}
                  >
                    {(l === L ? ACTIVATION_NAMES : HIDDEN_ACTIVATIONS).map((a) => {
                      const ok = l < L || isValidPair(a, lesson.loss);
                      return (
                        <option key={a} value={a} disabled={!ok}>
                          {t(`activation.${a}`)}
                          {!ok && ` — ${t('network.notWith', { other: t(`loss.${lesson.loss}`) })}`}
                        </option>
                      );
                    })}
                  </select>
                )}
              </td>
              <td>
                {l > 0 && l < L && (
                  <button
                    type="button"
                    className="layer-remove"
                    aria-label={t('network.removeLayer', { layer: nameOf(l) })}
                    onClick={() => removeHidden(l)}
                  >
                    ×
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="layer-add"
        disabled={sizes.length >= LIMITS.maxLayers}
        onClick={addHidden}
      >
        <span aria-hidden="true">+ </span>
        {t('network.addLayer')}
      </button>
    </>
  );
}
