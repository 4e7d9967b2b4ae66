import { defineConfig } from 'vitest/config';

// The explorer in headless Chromium: builds explorer/ with Vite, serves it on localhost and
// drives it with playwright-core (Debian's Chromium; no browser is downloaded).
export default defineConfig({
  test: {
    include: ['tests/explorer/**/*.test.ts'],
    setupFiles: ['tests/support/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
