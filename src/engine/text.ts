import type { LocalText } from './types';

/** A lesson's text in one of the app's languages: plain text (a title in one language) reads the same in both. */
export const textIn = (text: string | LocalText, locale: keyof LocalText): string =>
  typeof text === 'string' ? text : text[locale];
