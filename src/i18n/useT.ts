import { useCallback } from 'react';
import { useLessonStore } from '../store/store';
import { translate, type Params } from './translate';

/** The translator for the current locale: t('controls.next') → "Next step" / "下一步". */
export function useT(): (key: string, params?: Params) => string {
  const locale = useLessonStore((s) => s.locale);
  return useCallback((key: string, params?: Params) => translate(locale, key, params), [locale]);
}
