import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR with the Firefox e2e build (.output/firefox-mv2-e2e) and the sandbox panel.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
