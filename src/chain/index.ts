export {
  type ChainConcentration,
  type MissingStage,
  type StageConcentration,
  type StageConcentrationOptions,
  stageConcentration,
} from './concentration.js';
export {
  type ControlAbroad,
  type ControlledFacility,
  type ControlOptions,
  type ControlVsLocation,
  type CountedStake,
  controlAbroad,
  controlVsLocation,
  type UncountedFacility,
} from './control.js';
export {
  type ConvertedPrice,
  type ConvertPriceRecordOptions,
  convertPriceRecord,
} from './prices.js';
export { type ImportReliance, type ImportRelianceOptions, importReliance } from './reliance.js';
export { type ImportSourcesOptions, importSources, type SourcingTable } from './sources.js';
export {
  type LeftOutReason,
  type LeftOutTable,
  type ShareDenominator,
  type StageRow,
  type StageTable,
  type StageTableOptions,
  stageShares,
  stageTable,
  type TableChoice,
  type TableDenominator,
  type TableEvidence,
  type TableRef,
  type YearMatch,
} from './tables.js';
export {
  type ChainNode,
  type OriginLink,
  type OriginTrace,
  type StageOrigin,
  type TraceOriginsOptions,
  traceOrigins,
  type UsedLink,
} from './trace.js';
export { type SupplyWithout, type SupplyWithoutOptions, supplyWithout } from './without.js';
