import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Vitest settings for the React packages: jsdom, and one setup file per package. */
export function jsdomTestConfig(setupFile) {
  return defineConfig({
    plugins: [react()],
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: [setupFile],
      css: false,
      // A page renders the whole Mantine tree in jsdom; on two cores shared with the other
      // packages' suites that takes seconds, not the 5 s default's comfortable margin.
      testTimeout: 20_000,
      // Vitest's default leaves one of the two cores idle (CPUs − 1); packages run one at a
      // time, so both are ours.
      maxWorkers: 2,
    },
  });
}
