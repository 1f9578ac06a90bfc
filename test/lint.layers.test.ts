import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run through ESLint itself on snippets placed (by file name) inside each
 * layer: a cross-layer import must fail the lint, so that a rule cannot vanish from the config unnoticed.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The messages of the rules that guard imports and globals, for `code` linted as if it were `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result.messages
    .filter(
      (m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals',
    )
    .map((m) => m.message);
}

const use = (what: string) => `${what}\nexport const used = [x];\n`;

describe('layer rules in eslint.config.js', () => {
  it('the engine imports no other layer, from any depth', async () => {
    expect(await layerProblems('src/engine/probe.ts', use("import { x } from '../steps';"))).toEqual([
      expect.stringContaining('imports no other layer'),
    ]);
    expect(
      await layerProblems('src/engine/training/probe.ts', use("import { x } from '../../formulas';")),
    ).toEqual([expect.stringContaining('imports no other layer')]);
    // a type is an import too
    expect(
      await layerProblems('src/engine/probe.ts', use("import type { x } from '../store';")),
    ).toHaveLength(1);
    // inside the engine is fine
    expect(await layerProblems('src/engine/training/probe.ts', use("import { x } from '../trace';"))).toEqual(
      [],
    );
    expect(await layerProblems('src/engine/probe.ts', use("import { x } from './trace';"))).toEqual([]);
  });

  it('steps import only the engine; formulas and layout only the engine and steps', async () => {
    expect(await layerProblems('src/steps/probe.ts', use("import { x } from '../engine';"))).toEqual([]);
    for (const layer of ['formulas', 'store', 'components/App', 'layout'])
      expect(await layerProblems('src/steps/probe.ts', use(`import { x } from '../${layer}';`))).toEqual([
        expect.stringContaining('imports only engine'),
      ]);
    expect(await layerProblems('src/formulas/probe.ts', use("import { x } from '../steps/types';"))).toEqual(
      [],
    );
    expect(await layerProblems('src/formulas/probe.ts', use("import { x } from '../store';"))).toHaveLength(
      1,
    );
    expect(
      await layerProblems('src/formulas/probe.ts', use("import { x } from '../components/Tex';")),
    ).toHaveLength(1);
    expect(await layerProblems('src/layout/probe.ts', use("import { x } from '../formulas';"))).toHaveLength(
      1,
    );
    expect(await layerProblems('src/layout/probe.ts', use("import { x } from 'react';"))).toHaveLength(1);
  });

  it('persistence is pure: the store by type only, no React, no page', async () => {
    const file = 'src/store/persist/probe.ts';
    expect(await layerProblems(file, use("import type { x } from '../store';"))).toEqual([]);
    expect(await layerProblems(file, use("import type { StoreApi as x } from 'zustand/vanilla';"))).toEqual(
      [],
    );
    expect(await layerProblems(file, use("import { x } from '../store';"))).toHaveLength(1);
    expect(
      await layerProblems(file, use("import { createStore as x } from 'zustand/vanilla';")),
    ).toHaveLength(1);
    expect(await layerProblems(file, use("import { useState as x } from 'react';"))).toHaveLength(1);
    expect(await layerProblems(file, use("import { x } from '../../components/App';"))).toHaveLength(1);
    expect(await layerProblems(file, 'export const x = () => localStorage.getItem("k");\n')).toHaveLength(1);
  });

  it('components reach a layer through its index only', async () => {
    const deep = await layerProblems(
      'src/components/graph/probe.tsx',
      use("import { x } from '../../engine/trace';"),
    );
    expect(deep).toEqual([expect.stringContaining('through its index')]);
    expect(
      await layerProblems('src/components/probe.tsx', use("import { x } from '../formulas/symbols';")),
    ).toHaveLength(1);
    expect(
      await layerProblems('src/hooks/probe.ts', use("import { x } from '../store/derived';")),
    ).toHaveLength(1);
    // practice, training and hooks too (each has an index)
    for (const deepFile of [
      'practice/session',
      'training/client',
      'training/protocol',
      'hooks/useFormatNumber',
    ])
      expect(
        await layerProblems('src/components/train/probe.tsx', use(`import { x } from '../../${deepFile}';`)),
      ).toEqual([expect.stringContaining('through its index')]);
    expect(
      await layerProblems('src/components/probe.tsx', use("import { x } from '../hooks/useKeyboard';")),
    ).toHaveLength(1);
    expect(
      await layerProblems('src/hooks/probe.ts', use("import type { x } from '../training/protocol';")),
    ).toHaveLength(1);
    // a folder of components named like a layer is not that layer
    expect(
      await layerProblems(
        'src/components/formula/probe.tsx',
        use("import { x } from '../practice/PracticeBar';"),
      ),
    ).toEqual([]);
    for (const entry of [
      '../../engine',
      '../../practice',
      '../../training',
      '../../hooks',
      '../../store',
      '../../store/persist',
      '../../engine/training',
      '../graph/views',
    ])
      expect(
        await layerProblems('src/components/graph/probe.tsx', use(`import { x } from '${entry}';`)),
      ).toEqual([]);
  });
});
