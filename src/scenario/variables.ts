// The vocabulary of an evaluation's rows: every variable `evaluate` writes, with its unit, what it
// means and which step of the evaluation produces it. The evaluator, the diff, the attribution and
// the reports read the names from here; the variables table of docs/scenarios.md is generated from
// it (scripts/scenario-variables.mjs). No other module spells a variable's name.

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
 * What the registry says of one variable; see {@link scenarioVariables}. `Name` is the name's
 * literal type, `ByApplication` whether it also comes by application.
 *
 * @category Scenario
 */
export interface ScenarioVariableInfo<
  Name extends string = string,
  ByApplication extends boolean = boolean,
> {
  /** The variable's name, as in {@link ScenarioRow.variable}. */
  readonly name: Name;
  /** The unit of its values. */
  readonly unit: ScenarioUnit;
  /** The step of the evaluation that produces its rows. */
  readonly step: ScenarioStep;
  /**
   * Whether the variable also comes by application: `Demand` in total, and `Demand|<application
   * id>` for each application.
   */
  readonly byApplication: ByApplication;
  /** What its rows' `region` holds, in words. */
  readonly region: string;
  /** What its rows' `stage` holds, in words; empty when the rows have none. */
  readonly stage: string;
  /** What its rows' `element` holds, in words; empty when the rows have none. */
  readonly element: string;
  /** What the variable means. */
  readonly description: string;
}

/**
 * The type of {@link scenarioVariables}: each variable's identifier, with its name's literal type.
 *
 * @category Scenario
 */
export interface ScenarioVariableRegistry {
  /** `Supply`. */
  readonly supply: ScenarioVariableInfo<'Supply', false>;
  /** `Supply|Withheld`. */
  readonly supplyWithheld: ScenarioVariableInfo<'Supply|Withheld', false>;
  /** `Supply|Total`. */
  readonly supplyTotal: ScenarioVariableInfo<'Supply|Total', false>;
  /** `Supply|Outside`. */
  readonly supplyOutside: ScenarioVariableInfo<'Supply|Outside', false>;
  /** `Concentration|HHI`. */
  readonly hhi: ScenarioVariableInfo<'Concentration|HHI', false>;
  /** `Demand|Stage`. */
  readonly stageDemand: ScenarioVariableInfo<'Demand|Stage', false>;
  /** `Resilience|Coverage`. */
  readonly coverage: ScenarioVariableInfo<'Resilience|Coverage', false>;
  /** `Demand` (and by application). */
  readonly demand: ScenarioVariableInfo<'Demand', true>;
  /** `Recycling` (and by application). */
  readonly recycling: ScenarioVariableInfo<'Recycling', true>;
  /** `Substitution` (and by application). */
  readonly substitution: ScenarioVariableInfo<'Substitution', true>;
  /** `Primary demand` (and by application). */
  readonly primaryDemand: ScenarioVariableInfo<'Primary demand', true>;
  /** `Imports`. */
  readonly imports: ScenarioVariableInfo<'Imports', false>;
  /** `Imports|Restricted|Share`. */
  readonly restrictedShare: ScenarioVariableInfo<'Imports|Restricted|Share', false>;
  /** `Imports|Restricted`. */
  readonly restricted: ScenarioVariableInfo<'Imports|Restricted', false>;
  /** `Balance|Capacity additions`. */
  readonly capacityAdditions: ScenarioVariableInfo<'Balance|Capacity additions', false>;
  /** `Balance|Stock release`. */
  readonly stockRelease: ScenarioVariableInfo<'Balance|Stock release', false>;
  /** `Balance`. */
  readonly balance: ScenarioVariableInfo<'Balance', false>;
  /** `Stockpile|Level`. */
  readonly stockLevel: ScenarioVariableInfo<'Stockpile|Level', false>;
  /** `Stockpile|Months of cover`. */
  readonly monthsOfCover: ScenarioVariableInfo<'Stockpile|Months of cover', false>;
}

/**
 * Every variable of an evaluation's rows, keyed by a short identifier, with its name, unit,
 * meaning and producing step: the one place the names are spelled. {@link ScenarioVariable} is
 * derived from it; `docs/scenarios.md` lists it (generated, and checked current by the tests).
 * Units: t/yr and t on the basis of the dataset's figures (t REO in the baseline); points on the
 * HHI's 0–10,000 scale.
 *
 * @category Scenario
 * @example
 * ```ts
 * import { evaluate, scenarioVariables } from 'rare-earths';
 * import { baseline, presetsById } from 'rare-earths/data';
 *
 * const { balance } = scenarioVariables;
 * [balance.name, balance.unit, balance.step]; // => ['Balance', 't/yr', 'imports']
 * const rows = evaluate(baseline, presetsById['china-export-controls-2025']).rows;
 * rows.find((r) => r.variable === balance.name && r.region === 'USA' && r.element === 'Y')?.value; // => -210
 * ```
 */
export const scenarioVariables: ScenarioVariableRegistry = {
  supply: {
    name: 'Supply',
    unit: 't/yr',
    step: 'supply',
    byApplication: false,
    region: 'country or `other`',
    stage: '✓',
    element: '',
    description: 'supply of the stage by the country',
  },
  supplyWithheld: {
    name: 'Supply|Withheld',
    unit: 't/yr',
    step: 'supply',
    byApplication: false,
    region: 'restricting country',
    stage: '✓',
    element: '',
    description: 'supply withheld by restrictions on every partner (not in `Supply`)',
  },
  supplyTotal: {
    name: 'Supply|Total',
    unit: 't/yr',
    step: 'supply',
    byApplication: false,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'world supply of the stage',
  },
  supplyOutside: {
    name: 'Supply|Outside',
    unit: 't/yr',
    step: 'supply',
    byApplication: false,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'supply outside the excluded countries',
  },
  hhi: {
    name: 'Concentration|HHI',
    unit: 'points',
    step: 'supply',
    byApplication: false,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'HHI, lower bound (residual as many producers)',
  },
  stageDemand: {
    name: 'Demand|Stage',
    unit: 't/yr',
    step: 'resilience',
    byApplication: false,
    region: 'World',
    stage: '✓',
    element: '',
    description: "the stage's demand (its size + change in net primary demand)",
  },
  coverage: {
    name: 'Resilience|Coverage',
    unit: 'fraction',
    step: 'resilience',
    byApplication: false,
    region: 'World',
    stage: '✓',
    element: '',
    description: '`Supply|Outside` ÷ `Demand|Stage`',
  },
  demand: {
    name: 'Demand',
    unit: 't/yr',
    step: 'demand',
    byApplication: true,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand, in total and by application',
  },
  recycling: {
    name: 'Recycling',
    unit: 't/yr',
    step: 'demand',
    byApplication: true,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'secondary supply from end-of-life products',
  },
  substitution: {
    name: 'Substitution',
    unit: 't/yr',
    step: 'demand',
    byApplication: true,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand avoided by substitutes',
  },
  primaryDemand: {
    name: 'Primary demand',
    unit: 't/yr',
    step: 'demand',
    byApplication: true,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand − recycling − substitution',
  },
  imports: {
    name: 'Imports',
    unit: 't/yr',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: "the line's imports (when known)",
  },
  restrictedShare: {
    name: 'Imports|Restricted|Share',
    unit: 'fraction',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: "share of the line's imports withheld (absent: composition unknown)",
  },
  restricted: {
    name: 'Imports|Restricted',
    unit: 't/yr',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'imports withheld (when known)',
  },
  capacityAdditions: {
    name: 'Balance|Capacity additions',
    unit: 't/yr',
    step: 'capacity',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'capacity added that counts towards the line',
  },
  stockRelease: {
    name: 'Balance|Stock release',
    unit: 't/yr',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'stock released into the line',
  },
  balance: {
    name: 'Balance',
    unit: 't/yr',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'additions + release − restricted (negative: shortfall)',
  },
  stockLevel: {
    name: 'Stockpile|Level',
    unit: 't',
    step: 'imports',
    byApplication: false,
    region: 'holder',
    stage: "stockpile's",
    element: "stockpile's",
    description: 'stock at the end of the year',
  },
  monthsOfCover: {
    name: 'Stockpile|Months of cover',
    unit: 'months',
    step: 'imports',
    byApplication: false,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: "12 × stock ÷ the line's imports",
  },
};

/**
 * The identifier of a variable in {@link scenarioVariables} (`'balance'`, `'hhi'`, …).
 *
 * @category Scenario
 */
export type ScenarioVariableKey = keyof ScenarioVariableRegistry;

type Entry = ScenarioVariableRegistry[ScenarioVariableKey];

/**
 * The name of a variable of an evaluation's rows: a name of {@link scenarioVariables}, or, for a
 * variable that also comes by application (`Demand`, `Recycling`, `Substitution`, `Primary
 * demand`), that name, `|` and an application id (`'Demand|permanent-magnets'`).
 *
 * @category Scenario
 */
export type ScenarioVariable = {
  [K in ScenarioVariableKey]: ScenarioVariableRegistry[K] extends ScenarioVariableInfo<
    infer Name,
    infer ByApplication
  >
    ? ByApplication extends true
      ? Name | `${Name}|${string}`
      : Name
    : never;
}[ScenarioVariableKey];

/** A variable that also comes by application. @internal */
export type ApplicationVariableInfo = Extract<Entry, ScenarioVariableInfo<string, true>>;

/** The name of a by-application variable for one application (`'Demand|permanent-magnets'`). @internal */
export function applicationVariable(
  variable: ApplicationVariableInfo,
  application: string,
): ScenarioVariable {
  return `${variable.name}|${application}`;
}

/** One entry of {@link scenarioVariables}. @internal */
export type ScenarioVariableEntry = Entry;
