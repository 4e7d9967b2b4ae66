/**
 * Row lookup shared by the element functions.
 *
 * @internal
 * @packageDocumentation
 */
import { describeValue, RareEarthsError } from '../errors/index.js';
import { ELEMENT_ROWS, type ElementRow } from './table.js';

/**
 * The table row of an element symbol, or a clear error naming the function and the path.
 *
 * @internal
 */
export function rowOf(fn: string, path: readonly (string | number)[], symbol: unknown): ElementRow {
  for (const row of ELEMENT_ROWS) if (row.symbol === symbol) return row;
  const hint =
    typeof symbol === 'string'
      ? ELEMENT_ROWS.find((row) => row.symbol.toLowerCase() === symbol.trim().toLowerCase())
      : undefined;
  const symbols = ELEMENT_ROWS.map((row) => row.symbol).join(', ');
  const suggestion = hint === undefined ? '' : ` (did you mean "${hint.symbol}"?)`;
  throw new RareEarthsError(fn, 'invalid-argument', [
    {
      path,
      message: `expected a rare-earth element symbol (one of ${symbols}), got ${describeValue(symbol)}${suggestion}`,
    },
  ]);
}
