import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The static import graph of src/ (relative `import … from` and `export … from`; dynamic `import()` is lazy and
// left out), and its cycles: modules that import each other, directly or around a loop.

const SRC = resolve(__dirname, '../src');
const STATEMENT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

interface Edge {
  to: string;
  /** `import type` / `export type`: erased from the built code, so no module waits on another for it. */
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  return (
    [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) =>
      existsSync(f),
    ) ?? null
  );
}

function importGraph(files: string[], read: (file: string) => string): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const file of files) {
    const edges: Edge[] = [];
    for (const m of read(file).matchAll(STATEMENT)) {
      const to = resolveImport(file, m[2]);
      if (to) edges.push({ to, typeOnly: m[1] !== undefined });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** The cycles of the graph: its strongly connected components of more than one module (Tarjan). */
function cycles(graph: Map<string, Edge[]>, follow: (e: Edge) => boolean): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v) ?? []) {
      if (!follow(e)) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const name = (file: string) => relative(SRC, file).replaceAll('\\', '/');

describe('import cycles', () => {
  const graph = importGraph(sources(SRC), (f) => readFileSync(f, 'utf8'));

  it('the walk finds a cycle where there is one (a → b → c → a), and none in a chain', () => {
    const edge = (to: string, typeOnly = false) => ({ to, typeOnly });
    const loop = new Map([
      ['a', [edge('b')]],
      ['b', [edge('c')]],
      ['c', [edge('a', true)]],
      ['d', [edge('a')]],
    ]);
    expect(cycles(loop, () => true)).toEqual([['a', 'b', 'c']]);
    expect(cycles(loop, (e) => !e.typeOnly)).toEqual([]);
  });

  it('the walk reads every kind of import statement the code uses', () => {
    const translate = graph.get(join(SRC, 'i18n/translate.ts'))!.map((e) => [name(e.to), e.typeOnly]);
    expect(translate).toContainEqual(['i18n/problems.ts', false]);
    expect(translate).toContainEqual(['i18n/keys.ts', true]);
    // a multi-line import list, and a folder's index
    expect(graph.get(join(SRC, 'i18n/problems.ts'))!.map((e) => name(e.to))).toContain('engine/index.ts');
  });

  it('no module of src/ waits for itself: no cycle of imports that remain in the built code', () => {
    expect(cycles(graph, (e) => !e.typeOnly).map((c) => c.map(name))).toEqual([]);
  });

  it('the messages (src/i18n) are in no cycle, type imports included', () => {
    const touching = cycles(graph, () => true).filter((c) => c.some((f) => name(f).startsWith('i18n/')));
    expect(touching.map((c) => c.map(name))).toEqual([]);
  });
});
