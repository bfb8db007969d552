// ESLint: typescript-eslint's recommended rules, zero warnings allowed, and the layering
// of design.md as import rules (a test checks the same, so neither can drift alone).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'tmp/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/feeds/**',
      'tests/fixtures/edge/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', '../electron/*', '../renderer/*'],
              message: 'shared/ is pure: no Node, DOM, Electron or React',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only electron/shell/ imports 'electron'" }] },
      ],
    },
  },
  {
    // The engine knows nothing of how it is reached or started (docs/architecture.md).
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "Only electron/shell/ imports 'electron'" }],
          patterns: [
            {
              group: ['**/app/*', '**/doors/*', '**/cli/*', '**/shell/*', '**/launcher/*'],
              message:
                'electron/engine/ imports neither the composition root, the doors, the CLI, the launcher nor the shell',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/electron/**'],
              message: 'The renderer talks to the main side only through the ReaderApi',
            },
          ],
        },
      ],
    },
  },
);
