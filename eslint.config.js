// ESLint (flat config) for the whole project; `npm test` runs it before jest
// (scripts/lint.mjs). Layer rules and no swallowed errors are errors: see
// eslint/layers.rule.mjs and docs/architecture.md. Formatting is not checked
// here (see README: Prettier is configured but not enforced yet).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersRule } from './eslint/layers.rule.mjs';
import { noSwallowedCatchRule } from './eslint/swallowed-errors.rule.mjs';
import { tabResponseTypesRule } from './eslint/tab-response-types.rule.mjs';

const samraad = { rules: { layers: layersRule, 'no-swallowed-catch': noSwallowedCatchRule, 'tab-response-types': tabResponseTypesRule } };

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', '.data/**', '.data-*/**', 'appPackage/build/**', 'test-output/**', 'src/adapters/db/migrations/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks, samraad },
    rules: {
      'samraad/layers': 'error',
      'samraad/no-swallowed-catch': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-control-regex': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'src/tab/**/*.ts'],
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/tab/**/*.ts', 'src/tab/**/*.tsx'],
    rules: { 'samraad/tab-response-types': 'error' },
  },
  {
    // Tests wire real adapters on purpose; they are not a layer.
    files: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: { 'samraad/layers': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    plugins: { samraad },
    rules: { 'samraad/no-swallowed-catch': 'error' },
  },
);
