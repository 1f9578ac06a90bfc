import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { COMPILE_ALL, chunksNamed, compileEagerly } from '../../scripts/compileHints-plugin';

/** A bundle as Vite hands it to the last generateBundle hooks: the entry's facade is gone by then. */
const bundle = () => ({
  'assets/index-a.js': {
    type: 'chunk',
    name: 'index',
    isEntry: false,
    imports: ['assets/runtime-b.js'],
    code: 'const x=1;',
  },
  'assets/runtime-b.js': {
    type: 'chunk',
    name: 'rolldown-runtime',
    isEntry: false,
    imports: [],
    code: 'var r;',
  },
  'assets/katex-c.js': {
    type: 'chunk',
    name: 'katex',
    isEntry: false,
    imports: ['assets/runtime-b.js'],
    code: 'var k;',
  },
  'assets/index-d.css': { type: 'asset', name: 'index', source: 'a{}' },
});

/** The plugin's generateBundle, called as Vite calls it. */
function generate(plugin: Plugin, b: ReturnType<typeof bundle>) {
  const hook = plugin.generateBundle as { order: string; handler: (o: unknown, b: unknown) => void };
  expect(hook.order).toBe('post'); // after Vite's own additions to the chunks' code
  hook.handler({}, b);
}

describe('the compile hint of the first load and KaTeX', () => {
  it('finds the first-load chunk and its static imports, not the chunks loaded later', () => {
    expect([...chunksNamed(bundle(), ['index'])].sort()).toEqual([
      'assets/index-a.js',
      'assets/runtime-b.js',
    ]);
    const withEntry = {
      ...bundle(),
      'assets/main-e.js': { type: 'chunk', isEntry: true, imports: ['assets/katex-c.js'] },
    };
    expect(chunksNamed(withEntry, [])).toEqual(
      new Set(['assets/main-e.js', 'assets/katex-c.js', 'assets/runtime-b.js']),
    );
  });

  it('opens each of them with the hint, once', () => {
    const b = bundle();
    const plugin = compileEagerly(['index']);
    generate(plugin, b);
    generate(plugin, b);
    expect(b['assets/index-a.js'].code).toBe(`${COMPILE_ALL}\nconst x=1;`);
    expect(b['assets/runtime-b.js'].code).toBe(`${COMPILE_ALL}\nvar r;`);
    expect(b['assets/katex-c.js'].code).toBe('var k;');
    expect(b['assets/index-d.css']).toEqual({ type: 'asset', name: 'index', source: 'a{}' });
  });

  it('marks a lazily loaded chunk by its name', () => {
    const b = bundle();
    generate(compileEagerly(['index', 'katex']), b);
    expect(b['assets/katex-c.js'].code).toBe(`${COMPILE_ALL}\nvar k;`);
    expect(b['assets/runtime-b.js'].code).toBe(`${COMPILE_ALL}\nvar r;`); // once, though two import it
  });
});
