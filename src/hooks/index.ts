/** The app's React hooks: number formatting, the keyboard, playback and reduced motion. */
export { useFormatNumber } from './useFormatNumber';
export { useKeyboard, keyOwner, type KeyContext } from './useKeyboard';
export { usePlayback } from './usePlayback';
export { useReducedMotion } from './useReducedMotion';
