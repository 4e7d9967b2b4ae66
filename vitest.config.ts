import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/consumers/**', 'tests/explorer/**'],
    setupFiles: ['tests/support/fail-on-console.ts'],
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The CLI's process entry point only wires argv and exit codes to `main`, which is tested.
      exclude: ['src/cli/bin.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 95, functions: 95, branches: 90, statements: 95 },
    },
  },
});
