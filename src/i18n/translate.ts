import { en } from './en';
import { zhCN } from './zh-CN';
import { formulaMessages } from '../formulas/messages';
import { withProblemText } from './problems';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Every message key of the product (the English table is the reference; zh-CN has the same keys). */
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const extraTables: Record<Locale, Record<string, string>>[] = [formulaMessages];

/** Adds a module's message tables (e.g. the formula sentences) to the product's. */
export function registerMessages(tables: Record<Locale, Record<string, string>>): void {
  extraTables.push(tables);
}

const TABLES: Record<Locale, Record<string, string>> = { en, 'zh-CN': zhCN };

/**
 * The message for `key` in `locale` with `{name}` placeholders filled; English, then the key, as fallbacks.
 * A lesson problem packed in the params (problemNoticeParams) fills `{problem}` in the same language.
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  let text = TABLES[locale][key] ?? extraTables.find((t) => key in t[locale])?.[locale][key];
  text ??= TABLES.en[key] ?? extraTables.find((t) => key in t.en)?.en[key] ?? key;
  if (!params) return text;
  const filled = withProblemText((k, p) => translate(locale, k, p), params);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in filled ? String(filled[name]) : m));
}

/** The locale to start in: a saved choice, else the browser's language (Chinese → zh-CN), else English. */
export function pickLocale(saved: string | null, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
