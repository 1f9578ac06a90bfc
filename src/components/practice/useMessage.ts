import { useCallback } from 'react';
import type { ActivationName } from '../../engine';
import type { MessageRef } from '../../formulas';
import { useT } from '../../i18n';

/**
 * A practice message as text. A hint's `activation` and `own` parameters are activation names, shown as the
 * activation's translated name.
 */
export function useMessage(): (m: MessageRef) => string {
  const t = useT();
  return useCallback(
    (m: MessageRef) => {
      const p = m.params;
      if (p && 'own' in p)
        return t(m.key, {
          ...p,
          activation: t(`activation.${p.activation as ActivationName}`),
          own: t(`activation.${p.own as ActivationName}`),
        });
      return t(m.key, p);
    },
    [t],
  );
}
