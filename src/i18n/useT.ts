import { useCallback, useSyncExternalStore } from 'react';
import { useLessonStore } from '../store/store';
import type { Locale, MessageKey, Params, Translator } from './keys';
import { loadLocale, localeLoaded, onLocaleLoaded, translate } from './translate';

/** Whether `locale`'s messages are here; loads them (and renders again once they arrive) when they are not. */
function useLocaleLoaded(locale: Locale): boolean {
  const loaded = useSyncExternalStore(
    onLocaleLoaded,
    () => localeLoaded(locale),
    () => localeLoaded(locale),
  );
  if (!loaded) void loadLocale(locale);
  return loaded;
}

/** The translator for the current locale: t('controls.next') → "Next step" / "下一步". */
export function useT(): Translator {
  const locale = useLessonStore((s) => s.locale);
  const loaded = useLocaleLoaded(locale);
  // English until the language's messages arrive; a new translator then, so what uses it renders again
  const shown = loaded ? locale : 'en';
  return useCallback((key: MessageKey, params?: Params) => translate(shown, key, params), [shown]);
}
