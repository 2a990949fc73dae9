import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files wait on PostgreSQL (another process) much of the time, so one worker per core, not
 * Vitest's default of one fewer: on a 2-core machine that is 2 workers instead of 1, and the
 * PostgreSQL 15 run takes about 4 minutes instead of 7.
 */
export const testWorkers = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: testWorkers,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
