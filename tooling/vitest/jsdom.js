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
      // A page renders the whole Mantine tree in jsdom; on two busy cores the longest form
      // tests take 8–12 s, so the timeout leaves them three times that.
      testTimeout: 40_000,
      // Vitest's default leaves one of the two cores idle (CPUs − 1); packages run one at a
      // time, so both are ours.
      maxWorkers: 2,
    },
  });
}
