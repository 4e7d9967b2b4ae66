export {
  type CriticalityAssessment,
  type CriticalityInput,
  type CriticalityStage,
  criticalityAssessment,
  type DataQuality,
  type StageInput,
  type StageSupplyRisk,
  type SupplyDataScope,
  type SupplyMixInput,
  type SupplyMixResult,
  type SupplyMixTerm,
} from './assessment.js';
export {
  type CriticalityInputsFromDataset,
  type CriticalityInputsOptions,
  criticalityInputs,
} from './dataset.js';
export {
  type EconomicImportanceInput,
  type EndUse,
  type EndUseTerm,
  economicImportance,
} from './economic-importance.js';
export { scaledGovernance } from './governance.js';
export { type SupplyRiskInput, supplyRisk } from './supply-risk.js';
