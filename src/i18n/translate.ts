import { problemLine } from '../engine';
import { formulaMessagesEn } from '../formulas/messages';
import { en } from './en';
import type { Locale, MessageKey, Params, ParamValue, PluralForm } from './keys';
import { problemText } from './problems';

export { LOCALES, type Locale, type MessageKey, type Params } from './keys';

type Table = Readonly<Partial<Record<string, string>>>;

/**
 * Each language's messages: the product's and the formula sentences (their keys never overlap, see keys.ts).
 * English comes with the page; Chinese is a chunk of its own, loaded when a visit opens in Chinese or once the
 * page is idle (loadLocale), so an English first visit does not wait for it.
 */
const TABLES: Record<Locale, Table | null> = {
  en: { ...en, ...formulaMessagesEn },
  'zh-CN': null,
};

const loading: Partial<Record<Locale, Promise<void>>> = {};
const listeners = new Set<() => void>();

/** Whether `locale`'s messages are here (until then its messages are English). */
export const localeLoaded = (locale: Locale): boolean => TABLES[locale] !== null;

/** Loads `locale`'s messages (once); resolves when they are here. */
export function loadLocale(locale: Locale): Promise<void> {
  if (TABLES[locale]) return Promise.resolve();
  const chinese = () => Promise.all([import('./zh-CN'), import('../formulas/messages.zh-CN')]);
  return (loading[locale] ??= chinese().then(([app, formulas]) => {
    TABLES['zh-CN'] = { ...app.zhCN, ...formulas.zhCN };
    listeners.forEach((l) => l());
  }));
}

/** Calls `listener` whenever a language's messages arrive; returns an unsubscribe (for useSyncExternalStore). */
export function onLocaleLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/** The key of one plural form of a message: (`chain.paths`, `=1`) → `chain.paths#=1`. */
const pluralForm = (key: MessageKey, form: PluralForm): string => `${key}#${form}`;

/**
 * The key for a message with a `count`: `key#=n` (that exact count), else `key#<plural category>` (`one`,
 * `other`… by Intl.PluralRules of the locale), else `key` itself, the first that `locale`'s table holds.
 */
function pluralKey(locale: Locale, key: MessageKey, count: ParamValue | undefined): string {
  const n = Number(count);
  if (count === undefined || typeof count === 'object' || !Number.isFinite(n)) return key;
  const category = (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n);
  const forms = [pluralForm(key, `=${n}`), pluralForm(key, category)];
  return forms.find((k) => TABLES[locale]?.[k] !== undefined) ?? key;
}

/**
 * A parameter as text in `locale`: a nested message in the same language, a lesson problem as `path: problem`
 * in the same language (its English message when it has no known code), a value as it is.
 */
function paramText(locale: Locale, value: ParamValue): string {
  if (typeof value !== 'object') return String(value);
  if ('key' in value) return translate(locale, value.key, value.params);
  return problemLine(
    value.path,
    problemText((k, p) => translate(locale, k, p), value),
  );
}

/**
 * The message for `key` in `locale` with `{name}` placeholders filled (see paramText); English (also while
 * `locale`'s messages load), then the key, as fallbacks. A `count` param picks the plural form (see pluralKey).
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text =
    TABLES[locale]?.[pluralKey(locale, key, params?.count)] ??
    TABLES.en?.[pluralKey('en', key, params?.count)] ??
    key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? paramText(locale, params[name]) : m,
  );
}

/** The locale to start in: a saved choice, else the browser's language (Chinese → zh-CN), else English. */
export function pickLocale(saved: string | null, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
