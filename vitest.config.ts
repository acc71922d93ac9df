import { defineConfig } from 'vitest/config';

const PGLITE_TEMPLATE = './packages/test-kit/src/pglite-global-setup.ts';
const PG_CLUSTER = './packages/test-kit/src/pg-global-setup.ts';

// eslint-disable-next-line no-restricted-syntax -- vitest reads the default export of its config file
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.pg.test.ts', '**/node_modules/**'],
          // property tests run thousands of cases: seconds of CPU that a loaded 2-core machine stretches
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./apps/web/src/test-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['packages/*/src/**/*.db.test.ts', 'apps/*/src/**/*.db.test.ts'],
          globalSetup: [PGLITE_TEMPLATE],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'pg',
          include: ['packages/*/src/**/*.db.test.ts', 'packages/*/src/**/*.pg.test.ts'],
          globalSetup: [PG_CLUSTER],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
