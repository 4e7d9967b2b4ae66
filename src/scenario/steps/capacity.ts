// Step 1, capacity: the scenario's capacity changes resolved against the dataset (a facility's
// country and stage, the change in t/yr), and what they add to each importer's import lines year
// by year (Balance|Capacity additions). The supply step adds the same changes to the stages.
import { invalidArgument } from '../../errors/index.js';
import type { CapacityChange, Intervention, Stage } from '../../model/index.js';
import { type EvaluationInputs, type ImportLine, massShareWithin, tonnesOf } from '../context.js';
import type { ScenarioAssumption } from '../types.js';
import { scenarioVariables as V } from '../variables.js';
import { byKind, type Path, rowCollector, type StepInput, type StepResult } from './shared.js';

/** A capacity change with its country, stage and amount (t/yr) resolved. @internal */
export interface ResolvedChange {
  readonly intervention: CapacityChange;
  readonly country: string;
  readonly stage: Stage;
  readonly amount: number;
}

/** What capacity adds to one import line, by year of the horizon (t/yr). @internal */
export interface LineCapacity {
  readonly line: ImportLine;
  readonly additions: readonly number[];
  /** Whether a change covering some of the line's elements was split by the composition. */
  readonly composed: boolean;
}

/** The result of the capacity step. @internal */
export interface CapacityResult extends StepResult {
  readonly changes: readonly ResolvedChange[];
  /** One per import line of the inputs, in their order. */
  readonly lines: readonly LineCapacity[];
}

/** The share of a change in force in a year: 0 up to `ramp.from`, 1 from `ramp.to`, linear between. @internal */
export function ramp(change: CapacityChange, year: number): number {
  const { from, to } = change.ramp;
  if (year >= to) return 1;
  if (year <= from) return 0;
  return (year - from) / (to - from);
}

function capacityTarget(
  fn: string,
  inputs: EvaluationInputs,
  change: CapacityChange,
  path: Path,
): { country: string; stage: Stage } {
  if (change.facility !== undefined) {
    const facility = inputs.facilities.get(change.facility);
    if (facility === undefined) {
      invalidArgument(fn, [...path, 'facility'], 'a facility of the dataset', change.facility);
    }
    return facility;
  }
  if (change.country === undefined || change.stage === undefined) {
    invalidArgument(fn, path, 'either facility, or both country and stage', change);
  }
  return { country: change.country, stage: change.stage };
}

/**
 * The capacity changes of a scenario, resolved against the dataset, and the statement of each
 * given on a basis other than REO.
 *
 * @internal
 */
export function resolveCapacityChanges(
  fn: string,
  inputs: EvaluationInputs,
  interventions: readonly Intervention[],
): { changes: ResolvedChange[]; assumptions: ScenarioAssumption[] } {
  const assumptions: ScenarioAssumption[] = [];
  const changes = byKind(interventions, 'capacityChange').map(({ intervention, index }) => {
    const path: Path = ['scenario', 'interventions', index];
    const target = capacityTarget(fn, inputs, intervention, path);
    const amount = tonnesOf(fn, [...path, 'change'], intervention.change);
    if (intervention.change.basis !== 'REO') {
      assumptions.push({
        id: `basis:${intervention.id}`,
        kind: 'capacity-basis',
        text: `${intervention.id}: the change is given on a ${intervention.change.basis} basis and is added to the stage's t REO as given.`,
      });
    }
    return { intervention, ...target, amount };
  });
  return { changes, assumptions };
}

/** The countries whose capacity counts towards an importer's balance. */
function importerCountries(inputs: EvaluationInputs, importer: string): readonly string[] {
  return inputs.options.capacityFor[importer] ?? inputs.regions.get(importer) ?? [importer];
}

/**
 * What the changes add to one line each year: those in the importer's countries at the line's
 * stages, each for the part of its elements that lies in the line's (by the composition where
 * they overlap in part; not counted, and said so, where that needs a composition nobody gave).
 */
function lineCapacity(
  input: StepInput,
  line: ImportLine,
  changes: readonly ResolvedChange[],
  assumptions: ScenarioAssumption[],
): LineCapacity {
  const { composition } = input.inputs.options;
  const evaluated = new Set(input.inputs.stages.map((s) => s.stage));
  const countries = importerCountries(input.inputs, line.importer);
  const adding = changes
    .filter(
      (c) =>
        countries.includes(c.country) && line.stages.includes(c.stage) && evaluated.has(c.stage),
    )
    .map((c) => ({
      change: c,
      part: massShareWithin(c.intervention.elements, line.elements, composition),
      composed:
        composition !== undefined &&
        massShareWithin(c.intervention.elements, line.elements, undefined) === undefined,
    }));
  const unknown = adding.filter((a) => a.part === undefined).map((a) => a.change.intervention.id);
  if (unknown.length > 0) {
    assumptions.push({
      id: `composition-unknown:capacity:${line.id}`,
      kind: 'composition-unknown',
      text: `${line.id}: composition unknown: the capacity changes ${unknown.join(', ')} cover ${line.scope === undefined ? 'some elements' : 'other elements than'} the line's ${line.scope ?? 'all rare earths'} in part, and no composition by mass is given, so they are not counted towards it; give options.composition.`,
    });
  }
  const counted = adding.flatMap((a) => (a.part === undefined ? [] : [{ ...a, part: a.part }]));
  const additions = input.years.map((year) => {
    let sum = 0;
    for (const a of counted) sum += a.change.amount * ramp(a.change.intervention, year) * a.part;
    return sum;
  });
  return { line, additions, composed: counted.some((a) => a.composed) };
}

/**
 * The capacity step: the changes resolved (a change at a stage that is not evaluated is ignored,
 * and said so), and what they add to each import line in each year.
 *
 * @internal
 */
export function capacityStep(input: StepInput): CapacityResult {
  const { fn, inputs, scenario, years } = input;
  const { changes, assumptions } = resolveCapacityChanges(fn, inputs, scenario.interventions);
  const evaluated = new Set(inputs.stages.map((s) => s.stage));
  for (const change of changes) {
    if (!evaluated.has(change.stage)) {
      assumptions.push({
        id: `ignored:${change.intervention.id}`,
        kind: 'capacity-ignored',
        text: `${change.intervention.id}: the ${change.stage} stage is not evaluated, so this capacity change is ignored.`,
      });
    }
  }
  const lines = inputs.lines.map((line) => lineCapacity(input, line, changes, assumptions));
  const { rows, add } = rowCollector(input);
  for (const { line, additions } of lines) {
    years.forEach((year, k) => {
      const key = { region: line.importer, year, stage: line.stage, element: line.scope };
      add({ variable: V.capacityAdditions, ...key }, additions[k] as number);
    });
  }
  return { rows, assumptions, changes, lines };
}

/**
 * A capacity step computed before, on inputs whose import lines are the same lines (by id, in
 * order) and whose stages are the same: its lines re-pointed at the inputs' lines (a Monte Carlo
 * draw changes their quantities and shares, not what capacity adds to them); `undefined` when the
 * lines or stages differ.
 *
 * @internal
 */
export function capacityOnLines(
  capacity: CapacityResult,
  inputs: EvaluationInputs,
): CapacityResult | undefined {
  const { lines } = inputs;
  if (
    lines.length !== capacity.lines.length ||
    lines.some((line, i) => line.id !== capacity.lines[i]?.line.id)
  )
    return undefined;
  return {
    ...capacity,
    lines: capacity.lines.map((c, i) => ({ ...c, line: lines[i] as ImportLine })),
  };
}
