// One flat config: strict rules, size limits and the dependency rule of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns, message) => ({ group: patterns, message });

const nodeBuiltins = restrict(['node:*'], 'This workspace runs in the browser or is pure: no node built-ins.');
const appImports = restrict(
  ['@kangyang/server', '@kangyang/server/*', '@kangyang/web', '@kangyang/web/*', '@kangyang/cli', '@kangyang/cli/*'],
  'Packages never import apps.',
);
const servicesImport = restrict(
  ['@kangyang/services', '@kangyang/services/*'],
  'Only server, cli, test-kit, e2e and bench use services.',
);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'data/**',
      'artifacts/**',
      'apps/web/dist/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-depth': ['error', 4],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals, not enum.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'packages/test-kit/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': ['error', { max: 600 }] },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [nodeBuiltins, restrict(['@kangyang/*', 'zod', 'zod/*'], 'The domain imports nothing but itself.')],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals, not enum.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain reads no clock: pass today in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain reads no clock: pass today in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The domain has no randomness: pass a seeded generator in.',
        },
        { selector: "Identifier[name='process']", message: 'The domain reads no environment.' },
        { selector: "CallExpression[callee.object.name='console']", message: 'The domain does not log.' },
        {
          selector: 'CallExpression[callee.name=/^(fetch|setTimeout|setInterval)$/]',
          message: 'The domain does no I/O and sets no timers.',
        },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            appImports,
            servicesImport,
            restrict(['@kangyang/test-kit', '@kangyang/test-kit/*'], 'Contracts stay pure.'),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/services/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            appImports,
            restrict(
              ['fastify', 'fastify*', '@fastify/*', 'react', 'react-dom', '@kangyang/test-kit', '@kangyang/test-kit/*'],
              'Services know no HTTP, UI or test-kit.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/test-kit/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appImports] }] },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['@kangyang/web', '@kangyang/web/*', '@kangyang/cli', '@kangyang/cli/*'],
              'The server imports no other app.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['apps/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['@kangyang/server', '@kangyang/server/*', '@kangyang/web', '@kangyang/web/*'],
              'The CLI speaks HTTP to the server; it imports no app.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            servicesImport,
            restrict(
              [
                '@kangyang/server',
                '@kangyang/server/*',
                '@kangyang/cli',
                '@kangyang/cli/*',
                '@kangyang/test-kit',
                '@kangyang/test-kit/*',
              ],
              'The web app speaks HTTP.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: [
      'apps/*/src/**/config.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'packages/test-kit/**/*.ts',
      'vitest.config.ts',
    ],
    rules: {},
  },
  {
    files: ['packages/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx'],
    ignores: ['apps/*/src/config.ts', '**/*.test.ts', '**/*.test.tsx', 'packages/test-kit/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration only in config.ts and pass it down.' },
      ],
    },
  },
);
