import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: happy-dom, fake browser APIs, the sandbox panel on 127.0.0.1.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    // Resets the fake browser (storage, alarms, listeners) before each test.
    setupFiles: ['tests/fakes/setup.ts'],
    testTimeout: 15_000,
  },
});
