// ESLint: promises must be handled everywhere, and workflow code stays deterministic (see eslint-rules/).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import deterministicImports from './eslint-rules/deterministic-imports.mjs';

const root = import.meta.dirname;

/**
 * The modules the interpreter core reaches; workflows/ may import them for real, not only as types. They are held
 * to the same rule, so nothing impure enters a workflow through them.
 */
const PURE_MODULES = [
  'workflows',
  'definitions/generated',
  'engine/dsl/interpreter',
  'engine/dsl/logic',
  'engine/dsl/time',
  'engine/dsl/pointer',
  'engine/dsl/semantics/step-lists',
];

const ledgerflow = { rules: { 'deterministic-imports': deterministicImports } };

export default defineConfig(
  { ignores: ['node_modules/**', 'studio/**', '.ledgerflow/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, ledgerflow },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // The type generator writes a blanket eslint-disable banner; nothing there is ours to lint.
  { files: ['definitions/generated/**'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'ledgerflow/deterministic-imports': ['error', { root, packages: ['@temporalio/workflow'], pureModules: PURE_MODULES }] },
  },
  {
    files: ['engine/dsl/interpreter/**/*.ts', 'engine/dsl/logic/**/*.ts', 'engine/dsl/time/**/*.ts', 'engine/dsl/pointer.ts', 'engine/dsl/semantics/step-lists.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'ledgerflow/deterministic-imports': ['error', { root, packages: ['json-logic-js'], pureModules: PURE_MODULES }] },
  },
);
