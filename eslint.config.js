// Lint, including the one rule the architecture depends on: imports flow one way,
// renderer → shared ← core ← main (and preload → shared).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RENDERER = ['**/electron/**', 'electron', 'electron/*', 'node:*', 'better-sqlite3-multiple-ciphers'];
const layer = (message, groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group].flat(), message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer('shared/ is the contract both sides import: no Node, no DOM, no Electron, no app layer.', [
      ['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'react', 'react-dom'],
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: layer('electron/core is plain Node: it may import shared/ only (no electron, no main, no renderer).', [
      ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**', '**/preview-web/**', '**/tools/**'],
    ]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preview-web/**/*.ts', 'electron/tools/**/*.ts'],
    rules: layer('The shells may import core and shared only.', [['**/renderer/**', '**/preload/**']]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer('preload may import shared only.', [['**/core/**', '**/main/**', '**/renderer/**']]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer('The renderer talks to the main process only through the API in shared/: it may import shared only.', [RENDERER]),
    },
  },
);
