import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'e2e/artifacts/**',
      'frontend/src-tauri/**',
      'android/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['frontend/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Backend layers, on resolved import paths: each zone forbids `target` files to import `from` ones.
    files: ['backend/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: 'backend/src/lib',
              from: 'backend/src',
              except: ['lib'],
              message:
                'lib/ is the bottom layer (logging, dates, pagination, text): anything may use it, so it may use nothing of the app (http/, modules/, …), or every layer would depend on every other',
            },
            ...['backend/src/cli/!(args).ts', 'backend/src/@(main).ts'].map((entryPoint) => ({
              target: 'backend/src/**',
              from: entryPoint,
              message:
                'an entry point runs when imported; entry points are cli/*.ts (the command-line tools) and main.ts (the server, kept at the root because npm start, the image and the bundle start it), and nothing imports them',
            })),
            {
              target: 'backend/src/modules/files',
              from: 'backend/src/modules/chat',
              message:
                'chat depends on files (a message carries attachments), so files must not depend on chat: the rooms a user reaches come in through createFileService({ rooms })',
            },
          ],
        },
      ],
      // A cycle between files makes one of them see the other half-initialised at start.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Tests read loosely typed JSON answers; `any` there keeps assertions readable.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
