import { defineConfig } from 'vitest/config';
import { testWorkers } from './vitest.config.ts';

/**
 * Browser journeys in Debian's Chromium (playwright-core). Each file has its own app, database and
 * browser, so files run side by side like the other tests (on 2 cores: about 4½ minutes instead of 6½).
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: testWorkers,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
