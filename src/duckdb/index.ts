/**
 * Trade files of any size, out of core: the trade analysis of `rare-earths/trade` with the
 * scanning, filtering and grouping pushed into DuckDB SQL. Published as `rare-earths/duckdb`;
 * needs the optional peer dependency `@duckdb/node-api`.
 *
 * @packageDocumentation
 */
export {
  type DuckdbConnectionLike,
  type DuckdbReaderLike,
  type DuckdbTradeOptions,
  duckdbTradeConcentration,
} from './concentration.js';
export { type TradeSqlOptions, tradeSql } from './sql.js';
