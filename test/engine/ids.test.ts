import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asEdgeId,
  asGraphId,
  asNodeId,
  asValueId,
  gid,
  isEdgeId,
  isNodeId,
  parseEdgeId,
  parseNodeId,
  parseValueId,
  sampleOf,
  scopeId,
  unscoped,
  valueIndices,
  valueKind,
  vid,
  type ValueId,
  type ValueKind,
} from '../../src/engine';

const index = fc.nat({ max: 2000 });

/** Each builder of a value id with the kind and count of indices it takes (written out here, not read back). */
const BUILDERS: Array<[ValueKind, (...i: number[]) => ValueId, number]> = [
  ['x', (k) => vid.x(k), 1],
  ['t', (j) => vid.t(j), 1],
  ['e', (j) => vid.e(j), 1],
  ['b', (l, j) => vid.b(l, j), 2],
  ['z', (l, j) => vid.z(l, j), 2],
  ['a', (l, j) => vid.a(l, j), 2],
  ['fp', (l, j) => vid.fp(l, j), 2],
  ['dA', (l, j) => vid.dA(l, j), 2],
  ['d', (l, j) => vid.d(l, j), 2],
  ['db', (l, j) => vid.db(l, j), 2],
  ['b+', (l, j) => vid.bNew(l, j), 2],
  ['w', (l, j, k) => vid.w(l, j, k), 3],
  ['dW', (l, j, k) => vid.dW(l, j, k), 3],
  ['w+', (l, j, k) => vid.wNew(l, j, k), 3],
  ['eta', () => vid.eta, 0],
  ['E', () => vid.E, 0],
];
const PER_SAMPLE = new Set<ValueKind>(['x', 't', 'z', 'a', 'fp', 'e', 'E', 'dA', 'd', 'dW', 'db']);

describe('value ids', () => {
  it('spell the scheme: w:l:j:k, b+:l:j, E, and z:1:0@1 for sample 2', () => {
    expect(vid.w(2, 0, 1)).toBe('w:2:0:1');
    expect(vid.bNew(1, 3)).toBe('b+:1:3');
    expect(vid.x(4)).toBe('x:4');
    expect(vid.E).toBe('E');
    expect(vid.input(1, 2)).toBe('x:2');
    expect(vid.input(3, 2)).toBe('a:2:2');
    expect(vid.param(2, 1, -1)).toBe('b:2:1');
    expect(vid.grad(2, 1, 0)).toBe('dW:2:1:0');
    expect(vid.paramNew(2, 1, -1)).toBe('b+:2:1');
    expect(scopeId(vid.z(1, 0), 1)).toBe('z:1:0@1');
  });

  it('build → parse gives back the kind, the indices and the sample (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUILDERS),
        fc.tuple(index, index, index),
        fc.option(fc.nat({ max: 300 }), { nil: undefined }),
        ([kind, build, arity], ijk, sample) => {
          const indices = ijk.slice(0, arity);
          const plain = build(...indices);
          expect(vid.of(kind, indices)).toBe(plain);
          const id = sample === undefined ? plain : scopeId(plain, sample);
          const scoped = sample !== undefined && PER_SAMPLE.has(kind);
          expect(id === plain).toBe(!scoped);
          expect(valueKind(id)).toBe(kind);
          expect(valueIndices(id)).toEqual(indices);
          expect(sampleOf(id)).toBe(scoped ? sample : undefined);
          expect(unscoped(id)).toBe(plain);
          expect(parseValueId(id)).toEqual(scoped ? { kind, indices, sample } : { kind, indices });
          expect(asValueId(id)).toBe(id);
          // a scoped id keeps its sample; a given (w, b, η, w+, b+) belongs to none
          expect(scopeId(id, 7)).toBe(scoped ? id : PER_SAMPLE.has(kind) ? `${plain}@7` : plain);
        },
      ),
    );
  });

  it('builds each id once: the same id is the same string', () => {
    expect(vid.dW(3, 2, 1)).toBe(vid.dW(3, 2, 1));
    expect(gid.edge(3, 2, 1)).toBe(gid.edge(3, 2, 1));
  });

  it('refuses text that is no value id', () => {
    for (const text of [
      '',
      'q:1',
      'z:1',
      'z:1:2:3',
      'w:1:0',
      'x',
      'x:-1',
      'x:1.5',
      'x:1:',
      'eta:1',
      'E:0',
      'w:1:0:0@1', // a given weight belongs to no sample
      'z:1:0@',
      'z:1:0@1@2',
      'z:1:0@x',
      'n:1:0',
      'toString',
      '__proto__',
    ]) {
      expect(parseValueId(text), text).toBeNull();
      expect(asValueId(text), text).toBeNull();
    }
  });
});

describe('graph ids', () => {
  it('build → parse round-trips nodes, bias nodes, edges and bias edges (property)', () => {
    fc.assert(
      fc.property(index, index, index, (l, j, k) => {
        expect(parseNodeId(gid.node(l, j))).toEqual({ layer: l, index: j, bias: false });
        expect(parseNodeId(gid.biasNode(l))).toEqual({ layer: l, index: -1, bias: true });
        expect(parseEdgeId(gid.edge(l, j, k))).toEqual({ layer: l, to: j, from: k });
        expect(parseEdgeId(gid.biasEdge(l, j))).toEqual({ layer: l, to: j, from: -1 });
        expect(gid.edgeOf(l, j, -1)).toBe(gid.biasEdge(l, j));
        expect(gid.edgeOf(l, j, k)).toBe(gid.edge(l, j, k));
        for (const id of [gid.node(l, j), gid.biasNode(l)]) {
          expect(asNodeId(id)).toBe(id);
          expect(asGraphId(id)).toBe(id);
          expect(isNodeId(id) && !isEdgeId(id)).toBe(true);
          expect(parseEdgeId(id)).toBeNull();
        }
        for (const id of [gid.edge(l, j, k), gid.biasEdge(l, j)]) {
          expect(asEdgeId(id)).toBe(id);
          expect(asGraphId(id)).toBe(id);
          expect(isEdgeId(id) && !isNodeId(id)).toBe(true);
          expect(parseNodeId(id)).toBeNull();
        }
      }),
    );
  });

  it('spell the scheme: n:l:j, bn:l, e:l:j:k, eb:l:j', () => {
    expect([gid.node(0, 1), gid.biasNode(2), gid.edge(1, 0, 2), gid.biasEdge(2, 1)]).toEqual([
      'n:0:1',
      'bn:2',
      'e:1:0:2',
      'eb:2:1',
    ]);
  });

  it('refuses text that is no graph id (a DOM attribute may hold anything)', () => {
    for (const text of [
      '',
      'n',
      'n:1',
      'n:1:2:3',
      'bn:1:2',
      'e:1:2',
      'eb:1',
      'eb:1:2:3',
      'x:0',
      'n:a:1',
      'e:1:0:0 ',
    ]) {
      expect(asNodeId(text), text).toBeNull();
      expect(asEdgeId(text), text).toBeNull();
      expect(asGraphId(text), text).toBeNull();
    }
  });
});

/**
 * Every id is built and read in src/engine/ids/. These patterns catch an id built or taken apart by hand
 * anywhere else in src/: a template literal or string starting with an id's kind and a colon, a sample scoped
 * with `@${…}`, an id split on ':' or '@', a prefix test such as startsWith('n:'), or a regular expression of ids.
 */
const KINDS = String.raw`(?:x|t|w|b|z|a|fp|e|E|eta|dA|d|dW|db|w\+|b\+|n|bn|eb)`;
const HAND_BUILT: Array<[string, RegExp]> = [
  ['template literal of an id', new RegExp(String.raw`\`${KINDS}:\$\{`)],
  ['template literal of an id kind chosen at run time', /`\$\{(?:kind|prefix)\}:\$\{/],
  ['id concatenated from a string', new RegExp(String.raw`['"]${KINDS}:['"]\s*\+`)],
  ['sample scoped by hand', /`[^`]*\$\{[^}]+\}@\$\{/],
  ['id split on : or @', /\.split\(\s*['"][:@]['"]\s*\)/],
  ['id prefix tested by hand', new RegExp(String.raw`(?:startsWith|indexOf|includes)\(\s*['"]${KINDS}:`)],
  ['regular expression of ids', new RegExp(String.raw`/\^\(?${KINDS}(?:\|[^)]*)?\)?(?:\\\+)?:`)],
];
/** The id module: a folder (value ids, graph ids, the builders they share). */
const ID_MODULE = path.join('src', 'engine', 'ids') + path.sep;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('no id is built or parsed by hand outside src/engine/ids/', () => {
  it('the patterns catch each way ids used to be built by hand', () => {
    const examples = [
      'return `w:${l}:${j}:${k}`;',
      'row(`z:${at}`)',
      'get(at(`${prefix}:${l}:${j}`))',
      'covered.has(`${id}@${sample}`)',
      "const [kind, l, j] = nodeId.split(':');",
      "id.split('@')[0]",
      "else if (id.startsWith('n:')) select(id);",
      'const e = /^e:(\\d+):(\\d+):(\\d+)$/.exec(id);',
      'const VALUE_ID = /^(x|t|z|a|fp|e|dA|d|db|b|b\\+):\\d+(:\\d+)?$/;',
      "const id = 'w:' + l;",
    ];
    for (const line of examples)
      expect(
        HAND_BUILT.some(([, re]) => re.test(line)),
        line,
      ).toBe(true);
    // and not ordinary code
    for (const line of ['key={`${l}:${j}`}', "text.split(',')", '`${p}:${style.getPropertyValue(p)}`'])
      expect(
        HAND_BUILT.some(([, re]) => re.test(line)),
        line,
      ).toBe(false);
  });

  it('finds none in src/', () => {
    const found: string[] = [];
    for (const file of sourceFiles('src')) {
      if (file.startsWith(ID_MODULE)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [what, re] of HAND_BUILT)
            if (re.test(line)) found.push(`${file}:${i + 1} ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
