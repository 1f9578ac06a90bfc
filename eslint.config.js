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
      'no-restricted-imports': [
        'error',
        {
          paths: impureModules.filter((m) => !m.includes('*')),
          patterns: impureModules.filter((m) => m.includes('*')),
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'location',
        'history',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator instead.' },
      ],
    },
  },
);
