import type { Plugin } from 'vite';

/** V8's explicit compile hint: every function of the file is compiled when the file is (Chrome 136 and later). */
export const COMPILE_ALL = '//# allFunctionsCalledOnLoad';

/**
 * The chunks of `bundle` that the page loads before it runs: the entries, the chunk named `first` (the entry's
 * static imports, see firstLoadChunk) and what they import statically.
 */
export function firstLoadFiles(
  bundle: Record<string, { type: string; name?: string; isEntry?: boolean; imports?: string[] }>,
  first: string,
): Set<string> {
  const files = new Set<string>();
  const queue = Object.keys(bundle).filter(
    (f) => bundle[f].type === 'chunk' && (bundle[f].isEntry || bundle[f].name === first),
  );
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file) || !bundle[file]) continue;
    files.add(file);
    queue.push(...(bundle[file].imports ?? []));
  }
  return files;
}

/**
 * Marks the JS of the first load for eager compilation. Left to its heuristics, V8 compiles most functions
 * lazily, on their first call: on the main thread, inside the start's tasks (the graph's first render, the
 * hydration's commit), which a phone's first seconds wait on. Marked, they are compiled with the file, on a
 * background thread while it streams in. Nearly every function of the first load runs in the first second (what
 * runs later is in chunks of its own), so little is compiled in vain. Other browsers read a comment.
 */
export function compileFirstLoadEagerly(first: string): Plugin {
  return {
    name: 'backprop:compile-first-load-eagerly',
    apply: 'build',
    // last: after minification, which would drop the comment, and after Vite's own additions (the hint
    // must open the file)
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const file of firstLoadFiles(bundle, first)) {
          const chunk = bundle[file];
          if (chunk.type === 'chunk' && !chunk.code.startsWith(COMPILE_ALL))
            chunk.code = `${COMPILE_ALL}\n${chunk.code}`;
        }
      },
    },
  };
}
