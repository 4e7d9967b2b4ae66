export {
  type ConcentrationBand,
  type ConcentrationBandOptions,
  type ConcentrationGuidelines,
  concentrationBand,
} from './bands.js';
export { type HhiChange, hhiChange, hhiShiftDelta, type SupplyShift } from './change.js';
export { type GovernanceHhiOptions, governanceWeightedHhi } from './governance.js';
export {
  type GroupedHhi,
  type GroupedSupply,
  type HhiByGroupOptions,
  hhiByGroup,
} from './grouped.js';
export {
  concentrationRatio,
  effectiveSuppliers,
  type HhiBounds,
  hhi,
  hhiBounds,
  normalizedHhi,
} from './hhi.js';
export { gini, shannonEntropy, theil } from './inequality.js';
export { shares } from './shares.js';
export type {
  CountOptions,
  EntropyOptions,
  GiniOptions,
  HhiOptions,
  HhiScale,
  ResidualOptions,
  SupplierCount,
  SupplyValues,
} from './types.js';
