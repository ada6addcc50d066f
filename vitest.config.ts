import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships ESM and CJS builds; Pothos and Yoga must see the same realm as our code.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    reporters: ['default', './tests/reporters/summary-line.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.test.ts'],
          globalSetup: ['tests/setup/global-neo4j.ts', 'tests/setup/global-corenlp.ts'],
          setupFiles: ['tests/setup/isolate-file.ts'],
          // One database for the run, wiped before each file, so files go one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          globalSetup: ['tests/setup/global-neo4j.ts', 'tests/setup/global-corenlp.ts'],
          // The explorer in headless Chromium against the real server; one file at a time,
          // after unit and int (group 0), so it never competes with timing-sensitive int tests for the CPU.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
