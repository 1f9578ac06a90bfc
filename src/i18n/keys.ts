import type { LessonProblem } from '../engine';
import type { formulaMessagesEn } from '../formulas/messages';
import type { en } from './en';

// The types of the message tables, in a leaf module (types only) that every layer may import.

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** The messages of a table whose keys (plural forms included) are K: `chain.paths#=1` → `chain.paths`. */
export type MessagesOf<K> = Exclude<K, `${string}#${string}`>;

/**
 * A plural form's suffix: `#=n` for that exact count, else `#<category>` by Intl.PluralRules (`one`,
 * `other`…). Which forms a message has is each language's own choice.
 */
export type PluralForm = Intl.LDMLPluralRule | `=${number}`;

/** A message of the product's tables (en.ts, zh-CN.ts). */
export type AppMessageKey = MessagesOf<keyof typeof en>;

/** A message: what `t(key)` accepts. The English tables define them; every language has exactly these. */
export type MessageKey = AppMessageKey | MessagesOf<keyof typeof formulaMessagesEn>;

/** A plural form of a message (`chain.paths#=1`), chosen by the `count` param, never asked for by name. */
export type PluralKey = `${MessageKey}#${PluralForm}`;

/** A language's table of messages K: every message, and the plural forms of them its grammar needs. */
export type MessageTable<K extends string> = Record<K, string> & { [P in `${K}#${PluralForm}`]?: string };

/** What a message's `{name}` placeholder may be filled with: a value, a nested message, or a lesson problem. */
export type ParamValue = string | number | MessageRef | LessonProblem;
export type Params = Record<string, ParamValue>;

/** A message with its parameters, as data (rendered in the reader's language by `t(ref.key, ref.params)`). */
export interface MessageRef {
  key: MessageKey;
  params?: Params;
}

/** Translates a message key with its parameters into the current language. */
export type Translator = (key: MessageKey, params?: Params) => string;
