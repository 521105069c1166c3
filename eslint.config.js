// Lint, including the layering rules: which folder may import what. A wrong import
// fails `npm run lint`, and so `npm test` (scripts/layering.test.ts proves each rule bites).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { regex: `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?)$` };

/** A no-restricted-imports rule from named groups, each with the message an author sees. */
function forbid(groups) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: groups.map(({ message, ...pattern }) => ({ ...pattern, message })) },
    ],
  };
}

const notNode = (layer) => ({ ...nodeBuiltins, message: `${layer} must not use Node built-ins.` });
const notElectron = (layer) => ({ regex: '^electron(/.*)?$', message: `${layer} must not import electron.` });
const notRenderer = (layer) => ({ regex: '(^|/)renderer/', message: `${layer} must not import the renderer.` });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tooling scripts and configs run in Node.
    files: ['scripts/**/*.{js,mjs}', '*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid([
      notNode('shared/ is pure TypeScript: it'),
      notElectron('shared/'),
      { regex: '^(react|react-dom|lowdb)(/.*)?$', message: 'shared/ is pure TypeScript: no React, no lowdb.' },
      { regex: '(^|/)(electron|renderer)/', message: 'shared/ must not import from electron/ or renderer/.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/test/**'],
    rules: forbid([
      notElectron('The renderer'),
      notNode('The renderer runs in a sandboxed page: it'),
      { regex: '(^|/)electron/', message: 'The renderer must not import from electron/: use window.factcheck and shared/.' },
      { regex: '^lowdb(/.*)?$', message: 'The renderer must not use lowdb: data goes through the API.' },
    ]),
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/main/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid([
      notElectron('Services and the CLI are plain Node modules: they'),
      { regex: '(^|/)shell/', message: 'Services must not depend on the Electron shell.' },
      notRenderer('Services'),
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid([
      notNode('A sandboxed preload'),
      { regex: '(^|/)main/', message: 'The preload must not import the main process.' },
      notRenderer('The preload'),
    ]),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['**/*.test.ts', 'electron/main/services/**', 'electron/main/cli/**'],
    rules: forbid([notRenderer('The main process')]),
  },
);
