import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for everyone: Vite would otherwise give our code graphql's ESM build
    // while Apollo (loaded by Node) gets the CommonJS one, and instanceof checks fail across them.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/closingLine.ts'],
    // `vitest run` runs them all; `vitest run --project unit` only the fast ones, without Java.
    // Each project extends this root config (alias, timeouts, pool).
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Starts one in-memory DynamoDB Local (Java) for the run and stops it at the end.
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The public pages in Debian's Chromium (/usr/bin/chromium), against DynamoDB Local.
          globalSetup: ['test/support/globalSetup.ts'],
        },
      },
    ],
  },
});
