import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3-e2e) and the sandbox panel.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two files at once (each its own Chromium, profile and sandbox on port 0): most of a file's time
    // is waiting on the panel's clock and the browser, so two share the CI machine's two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
