import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REACT_DOM_CLIENT,
  REACT_MARKER_ERRORS,
  stacklessMarkers,
} from '../../scripts/stacklessErrors-plugin';

/** React DOM's production client as installed. */
const reactDomClient = () => {
  const root = dirname(createRequire(import.meta.url).resolve('react-dom/package.json'));
  const path = join(root, 'cjs', 'react-dom-client.production.js');
  return { path, source: readFileSync(path, 'utf8') };
};

describe('React DOM’s marker errors', () => {
  it('are all made without Error() in the installed React DOM, nothing else changed', () => {
    const { path, source } = reactDomClient();
    expect(REACT_DOM_CLIENT.test(path)).toBe(true);
    const { code, replaced } = stacklessMarkers(source);
    expect(replaced).toBe(REACT_MARKER_ERRORS.length);
    for (const name of REACT_MARKER_ERRORS) {
      expect(source).toMatch(new RegExp(`\\b${name} = Error\\(`));
      expect(code).not.toMatch(new RegExp(`\\b${name} = Error\\(`));
    }
    // every other Error() of React DOM is left as it was (real errors keep their stacks)
    const errors = (s: string) => s.match(/\bError\(/g)?.length ?? 0;
    expect(errors(code)).toBe(errors(source) - REACT_MARKER_ERRORS.length);
  });

  it('are still errors with React’s message, but capture no stack', () => {
    const { code } = stacklessMarkers(
      'var SuspenseException = Error(formatProdErrorMessage(460));\n' +
        'function formatProdErrorMessage(code) { return "Minified React error #" + code; }\n' +
        'module.exports = SuspenseException;',
    );
    const module = { exports: undefined as unknown };
    new Function('module', code)(module);
    const marker = module.exports as Error;
    expect(marker).toBeInstanceOf(Error);
    expect(marker.message).toBe('Minified React error #460');
    expect(String(marker)).toBe('Error: Minified React error #460');
    expect(Object.prototype.hasOwnProperty.call(marker, 'stack')).toBe(false);
    // a plain Error() has its own stack: what the marker no longer captures
    expect(Object.prototype.hasOwnProperty.call(Error('x'), 'stack')).toBe(true);
  });

  it('leaves a source without the markers as it was', () => {
    const source = 'var x = Error("other");';
    expect(stacklessMarkers(source)).toEqual({ code: source, replaced: 0 });
  });
});
