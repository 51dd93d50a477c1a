import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const electronImport = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronImport],
    },
  },
  {
    // The glue is the only place Electron may be imported.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The core imports nothing of the station, the glue or the renderer.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['**/station/**', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'core imports no other layer.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer may import from the core only the contract's types, and pure display helpers.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            {
              // Anything of the core except the contract and four pure, dependency-free helpers.
              regex: '(^|/)electron/core(/(index|api|db|testing)(/.*)?|/domain/(?!(digits|normalize|nationalId|hostAddress|eventsChannel)$)[^/]+)?$',
              message: 'The renderer reaches the core only through the contract (types) and pure display helpers.',
            },
            {
              group: ['**/electron/core/contract', '**/electron/core/contract/**'],
              allowTypeImports: true,
              message: 'Import only types from the contract (import type …).',
            },
          ],
        },
      ],
    },
  },
);
