export {
  translate,
  pickLocale,
  registerMessages,
  LOCALES,
  type Locale,
  type MessageKey,
  type Params,
} from './translate';
export { useT } from './useT';
export { problemText, problemNoticeParams, type Translator } from './problems';
export { nonFiniteParams } from './quantities';
