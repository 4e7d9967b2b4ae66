export {
  type DemandApplication,
  type DemandTerms,
  type NetPrimaryDemand,
  type NetPrimaryDemandInput,
  netPrimaryDemand,
} from './net.js';
export {
  type RecyclingFlows,
  type RecyclingOffset,
  type RecyclingOffsetInput,
  recyclingOffset,
} from './recycling.js';
export type { ByElement, YearSeries } from './series.js';
export {
  adoptionShare,
  type SubstituteScore,
  type SubstitutionIndexInput,
  type SubstitutionIndices,
  type SubstitutionOffset,
  type SubstitutionOffsetInput,
  type SubstitutionUptake,
  substitutionIndices,
  substitutionOffset,
} from './substitution.js';
