import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure layers: no DOM, React, KaTeX, zustand or d3-selection (../shared/STYLE.md, habit 1).
const pureLayers = [
  'src/engine/**',
  'src/steps/**',
  'src/formulas/**',
  'src/layout/**',
  'src/lessons/**',
  'src/data/**',
  'src/documents/**',
  'src/practice/**',
];
const impureModules = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'katex',
  'katex/*',
  'd3-selection',
  'd3',
];
const impureImports = {
  paths: impureModules.filter((m) => !m.includes('*')),
  patterns: [{ group: impureModules.filter((m) => m.includes('*')) }],
};
const browserGlobals = ['window', 'document', 'localStorage', 'navigator', 'location', 'history'];

/*
 * The layers, each a folder of src/: engine -> steps -> formulas -> store -> components (../shared/STYLE.md).
 * A pure layer imports only the layers named here (engine none), so no layer reaches up or sideways. Import
 * paths are relative, so the rule is written once per folder depth: from src/<layer>/a/b.ts, `../../x` is src/x.
 */
const layerAllows = {
  engine: [],
  steps: ['engine'],
  formulas: ['engine', 'steps'],
  layout: ['engine', 'steps'],
};
/** Type-only modules of another layer a pure layer may name in its types (the message keys are data to it). */
const typeOnlyAllows = { formulas: ['i18n/keys'] };
const DEPTHS = [1, 2, 3];
const up = (depth) => `^(\\.\\./){${depth}}`;
const filesAt = (folder, depth) => [`${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`];

function layerRules(layer, allowed) {
  const typeOnly = typeOnlyAllows[layer] ?? [];
  const skip = [...allowed.map((a) => `${a}(/|$)`), ...typeOnly.map((m) => `${m}$`)];
  return DEPTHS.map((depth) => ({
    files: filesAt(`src/${layer}`, depth),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...impureImports,
          patterns: [
            ...impureImports.patterns,
            ...typeOnly.map((m) => ({
              regex: `${up(depth)}${m}$`,
              allowTypeImports: true,
              message: `The ${layer} layer names ${m} in its types only.`,
            })),
            {
              regex: skip.length ? `${up(depth)}(?!(${skip.join('|')}))` : up(depth),
              message: allowed.length
                ? `The ${layer} layer imports only ${allowed.join(', ')} from other layers.`
                : `The ${layer} layer imports no other layer.`,
            },
          ],
        },
      ],
    },
  }));
}

/*
 * Components (and hooks) reach a layer through its index, its public surface, never a file inside it:
 * `../../engine`, not `../../engine/trace`. store/persist and engine/training are entries of their own.
 */
const indexedLayers = [
  'engine',
  'steps',
  'formulas',
  'layout',
  'store',
  'i18n',
  'lessons',
  'data',
  'documents',
  'practice',
  'training',
  'hooks',
];
function throughIndex(folder) {
  return DEPTHS.map((depth) => ({
    files: filesAt(folder, depth),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `${up(depth)}(?!store/persist$|engine/training$)(${indexedLayers.join('|')})/`,
              message: 'Import a layer through its index (its public surface), not a file inside it.',
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'bench/node_modules', 'coverage', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/components/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: pureLayers,
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', impureImports],
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator instead.' },
      ],
    },
  },
  ...Object.entries(layerAllows).flatMap(([layer, allowed]) => layerRules(layer, allowed)),
  // Persistence is pure too: parse and serialise, with the browser's storage, URL and history passed in
  // (src/main.tsx hands it `window`). It may name the store's types, not run the store or touch the page.
  {
    files: ['src/store/persist/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: impureModules.filter((m) => !m.includes('*')),
          patterns: [
            { group: impureModules.filter((m) => m.includes('*') && m !== 'zustand/*') },
            { group: ['zustand/*'], allowTypeImports: true },
            {
              regex: '^\\.\\.(/(index|store))?$',
              allowTypeImports: true,
              message: "Persistence names the store's types only.",
            },
            {
              regex: '^\\.\\./\\.\\./(components|hooks)(/|$)',
              message: 'Persistence knows nothing of the page.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  ...throughIndex('src/components'),
  ...throughIndex('src/hooks'),
);
