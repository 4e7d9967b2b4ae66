/**
 * What the `model` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export type { ScenarioContext } from './integrity.js';
export { numberAt, scenarioIssues, valueAt } from './integrity.js';
export { readStage, STAGES, stageList } from './stages.js';
