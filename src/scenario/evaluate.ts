// The evaluator: checks and resolves a scenario, then composes the steps of src/scenario/steps/
// (capacity; demand and offsets; supply and concentration; resilience; imports and stockpiles),
// each a pure function of the inputs read once from the dataset, into the rows and assumptions.
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Dataset, Scenario } from '../model/index.js';
import type { ScenarioContext } from '../model/internal.js';
import { scenarioIssues } from '../model/internal.js';
import { checkInteger } from '../numeric/internal.js';
import { type EvaluationInputs, readEvaluationInputs } from './context.js';
import { resolveWithLineage } from './resolve.js';
import { type CapacityResult, capacityOnLines, capacityStep } from './steps/capacity.js';
import { type DemandResult, demandStep } from './steps/demand.js';
import { importsStep } from './steps/imports.js';
import { resilienceStep } from './steps/resilience.js';
import { readRestrictions } from './steps/restrictions.js';
import {
  compareRows,
  compareText,
  type RowSink,
  type StepInput,
  type StepMemo,
} from './steps/shared.js';
import { supplyStep } from './steps/supply.js';
import type { EvaluateOptions, ScenarioEvaluation, ScenarioRow } from './types.js';

export { compareRows };

/**
 * Evaluate a resolved scenario on the inputs read from a dataset: the steps in order, each given
 * what the earlier ones found (the capacity changes, the demand totals, the supply outside the
 * excluded countries), their rows sorted by variable, region, stage, element and year, and their
 * assumptions (after the inputs' own) by id. A caller that already ran the steps passes them.
 * No validation of the scenario: callers do it.
 *
 * @internal
 */
export function evaluateResolved(
  fn: string,
  inputs: EvaluationInputs,
  scenario: Scenario,
  lineage: readonly string[],
  computed: EvaluatedSteps = evaluateSteps(fn, inputs, scenario),
): ScenarioEvaluation {
  const { capacity, demand, restrictions, supply, resilience, imports, rows } = computed;
  const steps = [capacity, demand, restrictions, supply, resilience, imports];
  const assumptions = [...inputs.assumptions, ...steps.flatMap((step) => step.assumptions)];
  return {
    scenario,
    lineage,
    referenceYear: inputs.referenceYear,
    // A copy: the steps' own order stays as it was for a caller that passed them in.
    rows: [...rows].sort(compareRows),
    stages: inputs.stages.map((base) => base.size),
    assumptions: assumptions.sort((a, b) => compareText(a.id, b.id)),
    resilience: resilience.resilience,
  };
}

/** What {@link evaluateSteps} gives: each step's result and their rows in step order. @internal */
export interface EvaluatedSteps {
  readonly capacity: ReturnType<typeof capacityStep>;
  readonly demand: DemandResult;
  readonly restrictions: ReturnType<typeof readRestrictions>;
  readonly supply: ReturnType<typeof supplyStep>;
  readonly resilience: ReturnType<typeof resilienceStep>;
  readonly imports: ReturnType<typeof importsStep>;
  readonly rows: readonly ScenarioRow[];
}

/**
 * What a caller that evaluates the same scenario again (a Monte Carlo draw) may pass to
 * {@link evaluateSteps}: steps it computed before whose inputs did not change, the plans it keeps
 * between evaluations, and a sink for the rows' values.
 *
 * @internal
 */
export interface StepReuse {
  /** The demand step of an evaluation whose demand inputs (applications, demand records, options) were the same. */
  readonly demand?: DemandResult;
  /** The capacity step of an evaluation of the same scenario numbers on the same stages and import lines (by id). */
  readonly capacity?: CapacityResult;
  /** Plans kept between evaluations of the same scenario numbers. */
  readonly memo?: StepMemo;
  /** Where the rows' values go instead of rows; the steps reused advance it by their rows. */
  readonly sink?: RowSink;
}

/**
 * The steps of an evaluation and their rows in step order, not sorted. A caller that evaluates
 * the same scenario again passes what it kept ({@link StepReuse}): the demand step when the
 * demand did not change (a Monte Carlo draw of supply figures), the capacity step, the plans.
 *
 * @internal
 */
export function evaluateSteps(
  fn: string,
  inputs: EvaluationInputs,
  scenario: Scenario,
  reuse: StepReuse = {},
): EvaluatedSteps {
  const { from, to } = scenario.horizon;
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const { memo, sink } = reuse;
  const input: StepInput = {
    fn,
    inputs,
    scenario,
    years,
    ...(memo === undefined ? {} : { memo }),
    ...(sink === undefined ? {} : { sink }),
  };
  // A step reused is not run: its rows' places in the sink keep what the caller put there.
  const skip = <T extends { readonly rows: readonly unknown[] }>(step: T): T => {
    if (sink !== undefined) sink.at += step.rows.length;
    return step;
  };
  const kept = reuse.capacity === undefined ? undefined : capacityOnLines(reuse.capacity, inputs);
  const capacity = kept === undefined ? capacityStep(input) : skip(kept);
  const demand = reuse.demand === undefined ? demandStep(input) : skip(reuse.demand);
  const restrictions = readRestrictions(input);
  const supply = supplyStep(input, capacity.changes, restrictions.restrictions);
  const resilience = resilienceStep(input, supply.outside, demand.totals);
  const imports = importsStep(input, restrictions.restrictions, capacity.lines);
  // With a sink the values are in it, not in rows.
  const rows =
    sink === undefined
      ? [capacity, demand, supply, resilience, imports].flatMap((step) => step.rows)
      : [];
  return { capacity, demand, restrictions, supply, resilience, imports, rows };
}

/**
 * Check a scenario (and its ancestors in `options.scenarios`) and resolve it.
 *
 * @internal
 */
export function resolveChecked(
  fn: string,
  dataset: Dataset,
  scenario: Scenario,
  options: EvaluateOptions,
  name = 'scenario',
): { resolved: Scenario; lineage: readonly string[] } {
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.interventions)) {
    invalidArgument(fn, [name], 'a scenario { id, name, horizon, interventions }', scenario);
  }
  checkInteger(fn, [name, 'horizon', 'from'], scenario.horizon?.from, 1900);
  checkInteger(fn, [name, 'horizon', 'to'], scenario.horizon?.to, 1900);
  const set = options.scenarios ?? [];
  if (!Array.isArray(set))
    invalidArgument(fn, ['options', 'scenarios'], 'an array of scenarios', set);
  const { scenario: resolved, lineage } = resolveWithLineage(fn, [scenario, ...set], scenario.id, [
    name,
  ]);
  const context: ScenarioContext = { dataset };
  const issues = lineage.flatMap((id, generation) => {
    const index = set.findIndex((s) => s.id === id);
    const prefix = generation === 0 ? [name] : ['options', 'scenarios', index];
    return scenarioIssues(generation === 0 ? scenario : (set[index] as Scenario), context, prefix);
  });
  if (issues.length > 0) throw new RareEarthsError(fn, 'invalid-input', issues);
  return { resolved, lineage };
}

/**
 * Evaluate a scenario over its horizon, year by year, on a dataset: supply by stage and country,
 * concentration by stage, demand and its offsets (recycling, substitution) and net primary
 * demand, the balance of each importer's import line after export restrictions (with capacity
 * additions and stock releases), months of cover from stockpiles, and the time to resilience.
 *
 * The model, in short (`docs/scenarios.md` has it in full, with every variable): each stage's
 * supply is its reference table's shares × the stage's size (its own tonnages where the table has
 * them; else a stated rule: separation by the world mine production, magnets by the magnet demand
 * of the reference year; see {@link EvaluateOptions.stageSize}), carried forward unchanged, plus
 * capacity changes ramping linearly, less what restrictions on every partner withhold; export
 * restrictions withhold `cut` of the restricting exporter's share of an importer's imports (USGS
 * import sources × US import balances; EU sourcing shares), split by mass where they name only
 * some of a line's elements, and reported as composition unknown when no composition is given;
 * demand follows the dataset's records (or `options.demand`) and the demand-growth
 * interventions, less recycling ({@link recyclingOffset}, with the recorded sales before the
 * horizon as products in use) and substitution ({@link substitutionOffset}), combined by
 * {@link netPrimaryDemand}. Concentration is the HHI lower bound of {@link hhiBounds} (the
 * residual "other" as many small producers), in points. Every assumption is an option with a
 * stated default; the result's `assumptions` lists each one the evaluation applied, with a
 * machine-readable `kind`, and `stages` says how each stage was sized. A scenario without
 * interventions gives the baseline rows. Float64; deterministic: the same inputs give the same
 * rows in the same order.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param scenario - the scenario; one with a `parent` needs `options.scenarios`
 * @param options - the model's parameters; see {@link EvaluateOptions}
 * @returns the resolved scenario, the rows (IAMC long format), the assumptions and the time to resilience
 * @throws {@link RareEarthsError} (`invalid-input`) when the scenario breaks a rule of
 *   `parseScenario` (unknown country, a year outside the horizon …), with its path;
 *   (`invalid-argument`) for a bad option, an application without a demand path, or a recycling
 *   policy without a lifetime; (`not-found`) for a parent not in `options.scenarios`
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const result = evaluate(baseline, {
 *   id: 'yttrium-ban',
 *   name: 'China stops yttrium exports',
 *   horizon: { from: 2025, to: 2026 },
 *   interventions: [
 *     { kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 1, from: 2026 },
 *   ],
 * });
 * const value = (variable: string, region: string, year: number, element?: string) =>
 *   result.rows.find(
 *     (r) => r.variable === variable && r.region === region && r.year === year && r.element === element,
 *   )?.value;
 * // US yttrium imports (USGS MCS 2026, 2025 estimate), 70% of them from China (2021–24):
 * value('Imports', 'USA', 2026, 'Y'); // => 300
 * value('Imports|Restricted|Share', 'USA', 2026, 'Y'); // => 0.7
 * value('Balance', 'USA', 2026, 'Y'); // => -210
 * value('Balance', 'USA', 2025, 'Y'); // => 0
 * ```
 */
export function evaluate(
  dataset: Dataset,
  scenario: Scenario,
  options: EvaluateOptions = {},
): ScenarioEvaluation {
  const fn = 'evaluate';
  const { resolved, lineage } = resolveChecked(fn, dataset, scenario, options);
  const referenceYear = checkInteger(
    fn,
    ['options', 'referenceYear'],
    options.referenceYear ?? resolved.horizon.from,
    1900,
  );
  return evaluateResolved(
    fn,
    readEvaluationInputs(fn, dataset, referenceYear, options),
    resolved,
    lineage,
  );
}

/**
 * A function that evaluates scenarios on one dataset with the same options; see
 * {@link createEvaluator}.
 *
 * @category Scenario
 */
export type ScenarioEvaluator = (scenario: Scenario) => ScenarioEvaluation;

/**
 * An evaluator for many scenarios on one dataset (a parameter sweep, an attribution): it reads
 * the dataset once per reference year and then evaluates each scenario exactly as
 * {@link evaluate} does, giving the same result.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - the model's parameters, shared by every evaluation; see {@link EvaluateOptions}
 * @returns a function from a scenario to its evaluation; it throws as {@link evaluate} does
 * @throws {@link RareEarthsError} (`invalid-argument`) for a bad option (checked on first use)
 * @example
 * ```ts
 * import { createEvaluator } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const run = createEvaluator(baseline);
 * const cuts = [0.25, 0.5, 1].map((cut) => {
 *   const result = run({
 *     id: `cut-${cut}`, name: `Cut ${cut}`, horizon: { from: 2025, to: 2025 },
 *     interventions: [{ kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut, from: 2025 }],
 *   });
 *   return result.rows.find((r) => r.variable === 'Balance' && r.element === 'Y')?.value;
 * });
 * cuts; // => [-52.5, -105, -210]
 * ```
 */
export function createEvaluator(
  dataset: Dataset,
  options: EvaluateOptions = {},
): ScenarioEvaluator {
  const fn = 'evaluate';
  const cache = new Map<number, EvaluationInputs>();
  return (scenario) => {
    const { resolved, lineage } = resolveChecked(fn, dataset, scenario, options);
    const referenceYear = checkInteger(
      fn,
      ['options', 'referenceYear'],
      options.referenceYear ?? resolved.horizon.from,
      1900,
    );
    let inputs = cache.get(referenceYear);
    if (inputs === undefined) {
      inputs = readEvaluationInputs(fn, dataset, referenceYear, options);
      cache.set(referenceYear, inputs);
    }
    return evaluateResolved(fn, inputs, resolved, lineage);
  };
}
