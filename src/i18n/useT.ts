import { useCallback } from 'react';
import { useLessonStore } from '../store/store';
import type { MessageKey, Params, Translator } from './keys';
import { translate } from './translate';

/** The translator for the current locale: t('controls.next') → "Next step" / "下一步". */
export function useT(): Translator {
  const locale = useLessonStore((s) => s.locale);
  return useCallback((key: MessageKey, params?: Params) => translate(locale, key, params), [locale]);
}
