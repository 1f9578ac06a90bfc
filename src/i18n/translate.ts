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

/** The table's text for `key` in `locale`, if any. */
const lookup = (locale: Locale, key: string): string | undefined =>
  TABLES[locale][key] ?? extraTables.find((t) => key in t[locale])?.[locale][key];

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/**
 * The key for a message with a `count`: `key#=n` (that exact count), else `key#<plural category>` (`one`,
 * `other`… by Intl.PluralRules of the locale), else `key` itself, the first that `locale`'s tables hold.
 */
function pluralKey(locale: Locale, key: string, count: string | number | undefined): string {
  const n = Number(count);
  if (count === undefined || !Number.isFinite(n)) return key;
  const category = (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n);
  return [`${key}#=${n}`, `${key}#${category}`].find((k) => lookup(locale, k) !== undefined) ?? key;
}

/**
 * Params with each nested message filled: `x.key` names a message whose params are the `x.*` entries, and
 * its text becomes param `x` (`quantity.key` = `quantity.delta`, `quantity.symbol` = `δ²₁` → `{quantity}`).
 */
function withNested(locale: Locale, params: Params): Params {
  const nested = Object.keys(params).filter((k) => k.endsWith('.key') && k.indexOf('.') === k.length - 4);
  if (nested.length === 0) return params;
  const out = { ...params };
  for (const k of nested) {
    const name = k.slice(0, -4);
    const sub: Params = {};
    for (const [p, v] of Object.entries(params))
      if (p.startsWith(`${name}.`) && p !== k) sub[p.slice(name.length + 1)] = v;
    out[name] = translate(locale, String(params[k]), sub);
  }
  return out;
}

/**
 * The message for `key` in `locale` with `{name}` placeholders filled; English, then the key, as fallbacks.
 * A `count` param picks the plural form (see pluralKey); nested messages (`x.key`) fill `{x}`; a lesson
 * problem packed in the params (problemNoticeParams) fills `{problem}` in the same language.
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const k = pluralKey(locale, key, params?.count);
  let text = lookup(locale, k);
  text ??= lookup('en', pluralKey('en', key, params?.count)) ?? key;
  if (!params) return text;
  const filled = withNested(
    locale,
    withProblemText((k2, p) => translate(locale, k2, p), params),
  );
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in filled ? String(filled[name]) : m));
}

/** The locale to start in: a saved choice, else the browser's language (Chinese → zh-CN), else English. */
export function pickLocale(saved: string | null, languages: readonly string[]): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
