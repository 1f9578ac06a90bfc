import type { Plugin } from 'vite';

/** V8's explicit compile hint: every function of the file is compiled when the file is (Chrome 136 and later). */
export const COMPILE_ALL = '//# allFunctionsCalledOnLoad';

/** The chunks of `bundle` that are entries or named in `names`, and the chunks they import statically. */
export function chunksNamed(
  bundle: Record<string, { type: string; name?: string; isEntry?: boolean; imports?: string[] }>,
  names: readonly string[],
): Set<string> {
  const files = new Set<string>();
  const queue = Object.keys(bundle).filter(
    (f) => bundle[f].type === 'chunk' && (bundle[f].isEntry || names.includes(bundle[f].name ?? '')),
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
 * Marks the chunks named in `names` (and the entries, and what they import statically) for eager compilation.
 * Left to its heuristics, V8 compiles most functions lazily, on their first call: on the main thread, inside
 * the start's tasks (the graph's first render, the hydration's commit, KaTeX's first formulas), which a phone's
 * first seconds wait on. Marked, they are compiled with the file, on a background thread while it streams in.
 * Meant for chunks most of whose functions run as soon as they load: the first load's (what runs later is in
 * chunks of its own) and KaTeX's, which typesets the next page's formulas at once. Other browsers read a comment.
 */
export function compileEagerly(names: readonly string[]): Plugin {
  return {
    name: 'backprop:compile-eagerly',
    apply: 'build',
    // last: after minification, which would drop the comment, and after Vite's own additions (the hint must
    // open the file); by then the entry's facade chunk is gone, so the first load is found by its name
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const file of chunksNamed(bundle, names)) {
          const chunk = bundle[file];
          if (chunk.type === 'chunk' && !chunk.code.startsWith(COMPILE_ALL))
            chunk.code = `${COMPILE_ALL}\n${chunk.code}`;
        }
      },
    },
  };
}
