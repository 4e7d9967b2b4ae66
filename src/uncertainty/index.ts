/**
 * Uncertainty: the figures of a dataset that sources disagree on, and Monte Carlo of any analysis
 * or scenario over them, with bands (mean, quantiles) for every metric. Published as
 * `rare-earths/uncertainty`.
 *
 * @packageDocumentation
 */
export {
  type FigureEdition,
  scenarioFigures,
  type UncertainFigure,
  uncertainFigures,
} from './figures.js';
export {
  figureSobol,
  type ScenarioTornadoOptions,
  type SobolIndex,
  type SobolOptions,
  type SobolResult,
  scenarioTornado,
  sobolIndices,
  type Tornado,
  type TornadoBar,
  type TornadoOptions,
  tornado,
} from './sensitivity.js';
export {
  MAX_DRAWS,
  type MetricsSimulation,
  type ScenarioSimulation,
  type SimulatedRow,
  type SimulateOptions,
  type SimulationOptions,
  type SimulationSetup,
  simulate,
  simulateMetrics,
} from './simulate.js';
export type { Band, BandQuantile } from './summary.js';
