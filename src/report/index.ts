/**
 * Reports and charts: the stage report as data, rendered as Markdown, CSV or JSON, and SVG
 * charts as strings (no DOM, no Node built-ins), importable as `rare-earths/report` so that the
 * chart layout code stays out of the main entry's bundle.
 *
 * @packageDocumentation
 */

export {
  type FanChartData,
  type FanChartOptions,
  type FanSeries,
  fanChart,
  type TornadoChartBar,
  type TornadoChartData,
  type TornadoChartOptions,
  tornadoChart,
} from './bands.js';
export { type StageReportOptions, stageReport } from './build.js';
export {
  type ChartOptions,
  type ChartSeries,
  type SankeyChartOptions,
  stageSankeyChart,
  stageSharesChart,
  timeSeriesChart,
} from './charts.js';
export { type RenderOptions, renderStageReport } from './render.js';
export {
  type AttributionRenderOptions,
  renderAttribution,
  renderDiff,
  renderEvaluation,
  type ScenarioRenderOptions,
  scenarioDemandChart,
} from './scenario.js';
