// The public registry of an evaluation's variables: the names, units and steps of ./variables.ts
// with what each variable means, in words, and what its rows' region, stage and element hold. The
// variables table of docs/scenarios.md is generated from it (scripts/scenario-variables.mjs).
import { scenarioVariables as core, type ScenarioStep, type ScenarioUnit } from './variables.js';

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
    ...core.supply,
    region: 'country or `other`',
    stage: '✓',
    element: '',
    description: 'supply of the stage by the country',
  },
  supplyWithheld: {
    ...core.supplyWithheld,
    region: 'restricting country',
    stage: '✓',
    element: '',
    description: 'supply withheld by restrictions on every partner (not in `Supply`)',
  },
  supplyTotal: {
    ...core.supplyTotal,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'world supply of the stage',
  },
  supplyOutside: {
    ...core.supplyOutside,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'supply outside the excluded countries',
  },
  hhi: {
    ...core.hhi,
    region: 'World',
    stage: '✓',
    element: '',
    description: 'HHI, lower bound (residual as many producers)',
  },
  stageDemand: {
    ...core.stageDemand,
    region: 'World',
    stage: '✓',
    element: '',
    description: "the stage's demand (its size + change in net primary demand)",
  },
  coverage: {
    ...core.coverage,
    region: 'World',
    stage: '✓',
    element: '',
    description: '`Supply|Outside` ÷ `Demand|Stage`',
  },
  demand: {
    ...core.demand,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand, in total and by application',
  },
  recycling: {
    ...core.recycling,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'secondary supply from end-of-life products',
  },
  substitution: {
    ...core.substitution,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand avoided by substitutes',
  },
  primaryDemand: {
    ...core.primaryDemand,
    region: 'World',
    stage: '',
    element: 'scope of the demand',
    description: 'demand − recycling − substitution',
  },
  imports: {
    ...core.imports,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: "the line's imports (when known)",
  },
  restrictedShare: {
    ...core.restrictedShare,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: "share of the line's imports withheld (absent: composition unknown)",
  },
  restricted: {
    ...core.restricted,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'imports withheld (when known)',
  },
  capacityAdditions: {
    ...core.capacityAdditions,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'capacity added that counts towards the line',
  },
  stockRelease: {
    ...core.stockRelease,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'stock released into the line',
  },
  balance: {
    ...core.balance,
    region: 'importer',
    stage: "line's",
    element: "line's",
    description: 'additions + release − restricted (negative: shortfall)',
  },
  stockLevel: {
    ...core.stockLevel,
    region: 'holder',
    stage: "stockpile's",
    element: "stockpile's",
    description: 'stock at the end of the year',
  },
  monthsOfCover: {
    ...core.monthsOfCover,
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

export type { ScenarioStep, ScenarioUnit };
