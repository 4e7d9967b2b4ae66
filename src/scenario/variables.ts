// The vocabulary of an evaluation's rows: every variable `evaluate` writes, with its unit and the
// step of the evaluation that produces it. The one place a variable's name is spelled: the
// evaluator, the diff and the attribution read the names from here. What each variable means, in
// words, is in ./registry.ts (the public `scenarioVariables`), so that an evaluation's bundle does
// not carry the descriptions that only the docs, the reports and the explorer show.

// A type-only import: the public name type is derived from the public registry's type.
import type { ScenarioVariable } from './registry.js';

export type { ScenarioVariable };

/**
 * The steps of an evaluation, each a module of `src/scenario/steps/`: `'capacity'` (capacity
 * changes resolved, and what they add to each import line), `'demand'` (demand and its offsets:
 * recycling, substitution, net primary demand), `'supply'` (supply by stage and country, less what
 * restrictions on every partner withhold, and its concentration), `'imports'` (import lines under
 * export restrictions, stockpiles, balances) and `'resilience'` (stage demand, coverage and the time
 * to resilience).
 *
 * @category Scenario
 */
export type ScenarioStep = 'capacity' | 'demand' | 'supply' | 'imports' | 'resilience';

/**
 * The unit of a row's value: `'t/yr'` (tonnes a year), `'t'` (tonnes), `'points'` (HHI on the
 * 0–10,000 scale), `'fraction'` (0–1) or `'months'`.
 *
 * @category Scenario
 */
export type ScenarioUnit = 't/yr' | 't' | 'points' | 'fraction' | 'months';

/**
 * The part of a variable's entry that an evaluation needs: its name, unit, step and whether it
 * comes by application. `Name` is the name's literal type. @internal
 */
export interface ScenarioVariableCore<
  Name extends string = string,
  ByApplication extends boolean = boolean,
> {
  readonly name: Name;
  readonly unit: ScenarioUnit;
  readonly step: ScenarioStep;
  readonly byApplication: ByApplication;
}

/** The names, units and steps of every variable, keyed by identifier. @internal */
export const scenarioVariables = {
  supply: { name: 'Supply', unit: 't/yr', step: 'supply', byApplication: false },
  supplyWithheld: { name: 'Supply|Withheld', unit: 't/yr', step: 'supply', byApplication: false },
  supplyTotal: { name: 'Supply|Total', unit: 't/yr', step: 'supply', byApplication: false },
  supplyOutside: { name: 'Supply|Outside', unit: 't/yr', step: 'supply', byApplication: false },
  hhi: { name: 'Concentration|HHI', unit: 'points', step: 'supply', byApplication: false },
  stageDemand: { name: 'Demand|Stage', unit: 't/yr', step: 'resilience', byApplication: false },
  coverage: {
    name: 'Resilience|Coverage',
    unit: 'fraction',
    step: 'resilience',
    byApplication: false,
  },
  demand: { name: 'Demand', unit: 't/yr', step: 'demand', byApplication: true },
  recycling: { name: 'Recycling', unit: 't/yr', step: 'demand', byApplication: true },
  substitution: { name: 'Substitution', unit: 't/yr', step: 'demand', byApplication: true },
  primaryDemand: { name: 'Primary demand', unit: 't/yr', step: 'demand', byApplication: true },
  imports: { name: 'Imports', unit: 't/yr', step: 'imports', byApplication: false },
  restrictedShare: {
    name: 'Imports|Restricted|Share',
    unit: 'fraction',
    step: 'imports',
    byApplication: false,
  },
  restricted: { name: 'Imports|Restricted', unit: 't/yr', step: 'imports', byApplication: false },
  capacityAdditions: {
    name: 'Balance|Capacity additions',
    unit: 't/yr',
    step: 'capacity',
    byApplication: false,
  },
  stockRelease: {
    name: 'Balance|Stock release',
    unit: 't/yr',
    step: 'imports',
    byApplication: false,
  },
  balance: { name: 'Balance', unit: 't/yr', step: 'imports', byApplication: false },
  stockLevel: { name: 'Stockpile|Level', unit: 't', step: 'imports', byApplication: false },
  monthsOfCover: {
    name: 'Stockpile|Months of cover',
    unit: 'months',
    step: 'imports',
    byApplication: false,
  },
} as const satisfies Record<string, ScenarioVariableCore>;

type Entry = (typeof scenarioVariables)[keyof typeof scenarioVariables];

/** A variable that also comes by application. @internal */
export type ApplicationVariableInfo = Extract<Entry, ScenarioVariableCore<string, true>>;

/** The name of a by-application variable for one application (`'Demand|permanent-magnets'`). @internal */
export function applicationVariable(
  variable: ApplicationVariableInfo,
  application: string,
): ScenarioVariable {
  return `${variable.name}|${application}`;
}

/** One entry of the registry. @internal */
export type ScenarioVariableEntry = Entry;
