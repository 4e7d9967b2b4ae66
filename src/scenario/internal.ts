// The scenario room's face for the rooms above it (the simulation reads a dataset at each draw and
// evaluates a scenario resolved once). Nothing here is exported from the package.
export { readEvaluationInputs } from './context.js';
export { evaluateResolved, evaluateSteps, resolveChecked } from './evaluate.js';
export { redrawInputs, redrawPlan, redrawTargets } from './redraw.js';
export { compareRows, type RowSink, rowKey, stepMemo } from './steps/shared.js';
