// ESLint flat config: the recommended JavaScript and TypeScript rules, without type information
// (fast: no TypeScript program is built; `tsc --noEmit` does the type checking).
// `eslint .` covers src/, test/, infra/, scripts/ (when there is one) and the config files.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['src/generated/', 'cdk.out/', 'node_modules/', '.local/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      // `_`-prefixed names and the siblings of a rest element are deliberately unused
      // (`const { idempotencyKey: _key, ...form } = input`), as tsc's noUnused* options allow.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // CommonJS files (the codegen plugin is loaded by graphql-codegen with require()).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
