import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@panoramix/contracts',
              allowTypeImports: true,
              message:
                "the contracts' values bring Zod along (about 50 KB gzip in the tab that imports them): take constants and routes from 'virtual:panoramix/contracts' (vite/contracts-plugin.ts), types from here",
            },
          ],
        },
      ],
    },
  },
  {
    // Test support reads the contracts' schemas themselves.
    files: ['frontend/src/**/*.test.{ts,tsx}', 'frontend/src/api/server-messages.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
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
    // Web client layers, bottom up: lib/ ← api/ ← ui/ ← features/ ← app/ (the shell), wired by main.tsx.
    files: ['frontend/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: `${import.meta.dirname}/frontend/src`,
          zones: [
            {
              target: 'lib',
              from: ['api', 'ui', 'app', 'features', 'platform'],
              message: 'lib/ (stores, the location, ranks, dates) is the bottom layer every other one uses: it uses none of them',
            },
            {
              target: 'platform',
              from: ['api', 'ui', 'app', 'features'],
              message:
                'platform/ (browser or desktop app: the API address, native powers) is under the data layer, which asks it where the server is: it uses only lib/',
            },
            ...['ui', 'app', 'features'].map((from) => ({
              target: 'api',
              from,
              message:
                'api/ (client, cache, socket) is the data layer under every screen: it shows nothing (a failure goes to lib/toasts.ts) and knows no feature (features register their event appliers)',
            })),
            ...['app', 'features'].map((from) => ({
              target: 'ui',
              from,
              message:
                'ui/ is the design system every feature builds on: a component that needs a feature or the shell belongs to that feature or the shell',
            })),
            {
              target: 'app',
              from: 'features',
              message:
                'app/ is the shell: it renders what the registry holds (FeatureDefinition: component, commands, paletteSection, preferencesPanels…), so a new feature adds one line to features/index.ts and nothing in app/; main.tsx hands that list to the app',
            },
            ...readdirSync(new URL('frontend/src/features', import.meta.url), { withFileTypes: true })
              .filter((entry) => entry.isDirectory())
              .map(({ name }) => ({
                target: `features/${name}`,
                from: 'features',
                except: [name],
                message:
                  'one feature does not import another, so each can change, load lazily and be removed alone: share through ui/ (components), api/ (data) or a registry slot',
              })),
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely typed JSON answers; `any` there keeps assertions readable.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
