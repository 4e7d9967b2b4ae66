// Step 5, resilience: each stage's demand (its size, following the applications' net primary
// demand unless options.linkStageDemand is false), the share of it that supply outside the
// excluded countries covers, and the first year every stage is covered (the time to resilience).
import type { TimeToResilience } from '../types.js';
import { scenarioVariables as V } from '../variables.js';
import type { DemandTotals } from './demand.js';
import { rowCollector, type StepInput, type StepResult } from './shared.js';
import type { SupplyResult } from './supply.js';

/** The result of the resilience step. @internal */
export interface ResilienceResult extends StepResult {
  readonly resilience: TimeToResilience;
}

/**
 * The resilience step: stage demand = the stage's size + (net primary demand in the year − demand
 * in the first year), never below 0; coverage = supply outside ÷ stage demand (1 when there is no
 * demand); resilient in the first year when every stage's coverage reaches `options.resilience.share`.
 *
 * @internal
 */
export function resilienceStep(
  input: StepInput,
  outside: SupplyResult['outside'],
  totals: DemandTotals | undefined,
): ResilienceResult {
  const { inputs, years } = input;
  const { excluded, share, linkStageDemand } = inputs.options;
  const { rows, put } = rowCollector(input);
  const link = (k: number) =>
    linkStageDemand && totals !== undefined
      ? (totals.primary[k] as number) - (totals.demand[0] as number)
      : 0;
  const coverage = years.map(() => Number.POSITIVE_INFINITY);
  for (const { stage: base, values } of outside) {
    const stage = base.stage;
    years.forEach((year, k) => {
      const stageDemand = Math.max(0, base.throughput + link(k));
      put(V.stageDemand, 'World', year, stage, undefined, stageDemand);
      const covered = stageDemand === 0 ? 1 : (values[k] as number) / stageDemand;
      put(V.coverage, 'World', year, stage, undefined, covered);
      coverage[k] = Math.min(coverage[k] as number, covered);
    });
  }
  const reached = outside.length === 0 ? -1 : coverage.findIndex((c) => c >= share);
  return {
    rows,
    assumptions: [],
    resilience: { excluded, share, year: reached < 0 ? null : (years[reached] as number) },
  };
}
