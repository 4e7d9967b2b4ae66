import { defineConfig } from 'vitest/config';

// Checks of the built package as users receive it: run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/consumers/**/*.test.ts'],
    setupFiles: ['tests/support/fail-on-console.ts'],
    globalSetup: ['tests/consumers/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
