import { defineConfig } from 'vitest/config';

/** Shared Vitest settings for the Node packages (domain, db, api, server). Plain JS: config files load it untranspiled. */
export const nodeTestConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: PGlite instances are heavy, so keep a couple of workers.
    maxWorkers: 2,
  },
});
