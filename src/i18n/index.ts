export { translate, pickLocale, loadLocale, localeLoaded } from './translate';
export {
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageRef,
  type Params,
  type ParamValue,
  type Translator,
} from './keys';
export { useT } from './useT';
export { problemText } from './problems';
export { nonFiniteParams } from './quantities';
