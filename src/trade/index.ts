/**
 * Bring your own trade data: streaming readers for UN Comtrade and CEPII BACI files, mirror-flow
 * reconciliation, import into a dataset, and import concentration by partner. Published as
 * `rare-earths/trade`; works in Node and in browsers. For files larger than memory, the
 * `rare-earths/duckdb` entry runs the same analysis out of core.
 *
 * @packageDocumentation
 */
export {
  type BaciCountries,
  type BaciCountry,
  type ReadBaciOptions,
  readBaci,
  readBaciCountries,
} from './baci.js';
export { RARE_EARTH_TRADE_CODES, type TradeCode } from './codes.js';
export {
  type ReadComtradeOptions,
  readComtrade,
  type TradeReadOptions,
  type TradeReadProgress,
  type YearRange,
} from './comtrade.js';
export {
  type TopPartner,
  type TradeConcentrationOptions,
  type TradeConcentrationRow,
  tradeConcentration,
} from './concentration.js';
export type {
  BlobLike,
  ByteReaderLike,
  ByteReadResult,
  ByteStreamLike,
  TradeSource,
} from './csv.js';
export {
  type ImportTradeOptions,
  importTrade,
  type MirrorGap,
  type MirrorPreference,
  type MirrorReport,
  mergeTrade,
  type ReconciledTrade,
  type ReconcileOptions,
  reconcileMirror,
  type TradeImport,
} from './import.js';
export type { TradeNames, TradeReadSummary, TradeRecord, TradeReporter } from './records.js';
