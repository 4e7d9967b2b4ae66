// Without the optional peer dependency, the DuckDB entry says what to install instead of failing
// with a module-resolution error.
import { expect, test, vi } from 'vitest';
import { duckdbTradeConcentration } from '../../src/duckdb/index.js';

vi.mock('@duckdb/node-api', () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
});

test('a missing @duckdb/node-api is a named error that says how to install it', async () => {
  const run = duckdbTradeConcentration('trade.csv', { format: 'comtrade' });
  await expect(run).rejects.toThrow(
    'duckdbTradeConcentration: ["@duckdb/node-api"]: expected the optional peer dependency @duckdb/node-api to be installed (npm install @duckdb/node-api), got none',
  );
});
