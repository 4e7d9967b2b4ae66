export { type StockBalance, type StockBalanceOptions, stockBalance } from './balance.js';
export {
  type DynamicStock,
  type InflowDrivenStockInput,
  type InitialStock,
  type InitialStockFate,
  inflowDrivenStock,
  type NegativeInflow,
  type StockDrivenStockInput,
  stockDrivenStock,
} from './dsm.js';
export { type Lifetime, type SurvivalOptions, survival, type Timing } from './lifetime.js';
