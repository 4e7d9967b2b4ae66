/**
 * What the `trade` room lends to the rooms above it (the DuckDB entry) and keeps out of the
 * public API.
 *
 * @internal
 * @packageDocumentation
 */
export { codeTable, hs6 } from './codes.js';
export { concentrationOfColumns, regionOf, type TradeColumns } from './concentration.js';
