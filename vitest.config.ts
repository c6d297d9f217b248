import { defineConfig } from 'vitest/config';

// Unit tests are pure and run in parallel; integration and browser tests share one throwaway
// Neo4j started by the global set-up, so they run one file at a time after the unit tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Some analysis tests run real algorithms on real networks; on a busy 2-core machine
          // they can take tens of seconds, which is slow but not wrong.
          testTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
