import type { Plugin } from 'vite';

/** React DOM's production client, the module whose evaluation the plugin below changes. */
export const REACT_DOM_CLIENT = /react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;

/**
 * The errors React DOM makes once, when its module is evaluated: markers it throws and catches to suspend or
 * to leave a hydration (compared by identity, never shown with a stack).
 */
export const REACT_MARKER_ERRORS = [
  'HydrationMismatchException',
  'SuspenseException',
  'SuspenseyCommitException',
  'SuspenseActionException',
  'SelectiveHydrationException',
] as const;

/** The function that makes the markers in place of `Error(…)`: an Error without a captured stack. */
const HELPER = 'stacklessMarkerError$';
const HELPER_SOURCE =
  `\nfunction ${HELPER}(message) {\n  var error = Object.create(Error.prototype);\n` +
  `  error.message = message;\n  return error;\n}\n`;

/**
 * `source` (React DOM's production client) with its marker errors made without capturing a stack, and how many
 * were replaced.
 */
export function stacklessMarkers(source: string): { code: string; replaced: number } {
  let replaced = 0;
  const names = REACT_MARKER_ERRORS.join('|');
  const code = source.replace(
    new RegExp(`\\b(${names}) = Error\\((formatProdErrorMessage\\(\\d+\\))\\)`, 'g'),
    (_, name: string, message: string) => {
      replaced++;
      return `${name} = ${HELPER}(${message})`;
    },
  );
  return { code: replaced > 0 ? code + HELPER_SOURCE : source, replaced };
}

/**
 * Makes React DOM's marker errors without a stack. Each `Error()` captures the stack it was made in; with a
 * debugger or a profiler attached (Lighthouse, DevTools, a trace) Chromium then reads every function on that
 * stack again for its source positions. Made while the entry chunk is evaluated, that stack holds React DOM's
 * whole module and the chunk's top level: about 40 ms of parsing on this machine, which made the entry's
 * evaluation the page's longest task (about 170 ms under Lighthouse's 4× slowdown). Without a stack nothing
 * is parsed again. Build only; warns if React DOM no longer has them (a new version: look again).
 */
export function stacklessReactMarkers(): Plugin {
  return {
    name: 'backprop:stackless-react-markers',
    apply: 'build',
    transform(source, id) {
      if (!REACT_DOM_CLIENT.test(id)) return null;
      const { code, replaced } = stacklessMarkers(source);
      if (replaced !== REACT_MARKER_ERRORS.length)
        this.warn(`replaced ${replaced} of React DOM's ${REACT_MARKER_ERRORS.length} marker errors`);
      return { code, map: null };
    },
  };
}
