export { type ApplyOptions, applyScenario } from './apply.js';
export {
  type AttributeOptions,
  type Attribution,
  type AttributionMetric,
  attribute,
  type Contribution,
} from './attribute.js';
export {
  type DiffOptions,
  diffScenarios,
  type InputChange,
  type MetricDelta,
  reverseDiff,
  type ScenarioDiff,
} from './diff.js';
export { createEvaluator, evaluate, type ScenarioEvaluator } from './evaluate.js';
export {
  type ScenarioStep,
  type ScenarioUnit,
  type ScenarioVariable,
  type ScenarioVariableInfo,
  type ScenarioVariableKey,
  type ScenarioVariableRegistry,
  scenarioVariables,
} from './registry.js';
export { resolveScenario } from './resolve.js';
export type {
  EvaluateOptions,
  ScenarioAssumption,
  ScenarioAssumptionKind,
  ScenarioEvaluation,
  ScenarioRow,
  StageSize,
  StageSizeRule,
  TimeToResilience,
} from './types.js';
