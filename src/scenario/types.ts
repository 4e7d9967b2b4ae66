import type { ElementSymbol } from '../elements/index.js';
import type { Scenario, Stage } from '../model/index.js';
import type { Schedule } from '../numeric/index.js';
import type { Timing } from '../stocks/index.js';
import type { ScenarioVariable } from './variables.js';

/**
 * How a stage without tonnages of its own is sized (see {@link EvaluateOptions.stageSize}):
 * `'mining'`, by the world mine production (t REO); `{ application }`, by that application's
 * demand in the reference year.
 *
 * @category Scenario
 */
export type StageSizeRule =
  | 'mining'
  | {
      /** The id of the application whose demand sizes the stage. */
      readonly application: string;
    };

/**
 * Options of {@link evaluate} (and {@link createEvaluator}, {@link applyScenario},
 * {@link attribute}). Every assumption of the evaluation model is one of these, with its default
 * stated; `docs/scenarios.md` explains the model.
 *
 * @category Scenario
 */
export interface EvaluateOptions {
  /**
   * The set of scenarios a scenario's `parent` is looked up in (see {@link resolveScenario});
   * needed only for a scenario with a parent.
   */
  readonly scenarios?: readonly Scenario[];
  /**
   * The year whose tables seed the evaluation: each stage's latest table at or before it, the
   * latest import sourcing covering a year at or before it, and the latest import quantities at or
   * before it. Default: the first year of the horizon.
   */
  readonly referenceYear?: number;
  /**
   * Each stage's world throughput (t/yr), given: the stage's shares are multiplied by it. It
   * overrides {@link EvaluateOptions.stageSize} for the stage. Default none: each stage is sized as
   * `stageSize` says.
   */
  readonly throughput?: Readonly<Partial<Record<Stage, number>>>;
  /**
   * How a stage whose reference table has no tonnages is sized (a table with tonnages is sized by
   * its own world total). `'mining'`: by the world mine production of the reference mining table
   * (t REO), a stated conversion (all mined rare earths pass through the stage); `{ application }`:
   * by that application's demand in the reference year, read off its demand path (production of
   * the stage taken equal to the demand it serves). Default `{ separation: 'mining', magnet:
   * { application: 'permanent-magnets' } }`; a stage with no table tonnages and no rule (metal) is
   * not evaluated, and says so. The result's `stages` and `assumptions` say how each stage was sized.
   */
  readonly stageSize?: Readonly<Partial<Record<Stage, StageSizeRule>>>;
  /**
   * Import quantities (t/yr) by import-line id (e.g. `'USA/all'`, `'EU27/separation/Y+Yb'`),
   * for lines whose quantity the dataset lacks or to override it. Default: the dataset's import
   * balance rows (see `docs/scenarios.md`).
   */
  readonly imports?: Readonly<Record<string, number>>;
  /**
   * Mass share of each element in the traded products and the stage outputs a restriction or a
   * capacity covers only in part (any scale; normalised over the elements concerned). Default
   * none, and the dataset holds no sourced composition of traded products: where a restriction
   * or a capacity names some but not all of a line's (or a stage's) elements, the split is
   * reported as unknown (kind `'composition-unknown'` in `assumptions`; no restricted-share,
   * restricted or balance rows for the line in those years, no withheld supply for the stage)
   * rather than counted by number of elements or skipped.
   */
  readonly composition?: Readonly<Partial<Record<ElementSymbol, number>>>;
  /**
   * Whose capacity additions count towards an importer's balance, by importer code. Default: the
   * importer itself (a region: its members).
   */
  readonly capacityFor?: Readonly<Record<string, readonly string[]>>;
  /**
   * Demand paths (t/yr) by application id, replacing the dataset's demand records. Default: the
   * dataset's records of the application, interpolated linearly between their years and held at
   * the first and last values outside them.
   */
  readonly demand?: Readonly<Record<string, Schedule>>;
  /**
   * How many years of sales before the horizon the recycling model may count as products already
   * in use; default 30. Which of them are counted is {@link EvaluateOptions.salesHistory}'s rule.
   */
  readonly historyYears?: number;
  /**
   * Sales before the horizon in the recycling model. `'recorded'` (default): the demand path from
   * the application's first record on (the dataset's records, linear between them; a table or
   * ramp of `options.demand` from its first year), and no sales before it, so that end-of-life
   * flows are a lower bound until the first recorded sales reach end of life. `'hold-first'`
   * (opt-in): every one of the `historyYears`, holding the first record's value before it (decades
   * of demand that no source gives). Either way the evaluation lists the history it used.
   */
  readonly salesHistory?: 'recorded' | 'hold-first';
  /** Where in its year a sale arrives in the recycling model; default `'middle'`. */
  readonly timing?: Timing;
  /**
   * Recycling rates used when neither the dataset nor a policy gives one: default collection 0,
   * pre-processing yield 1, processing yield 1 (fractions).
   */
  readonly recyclingDefaults?: {
    /** Collection rate (fraction); default 0. */
    readonly collectionRate?: number;
    /** Pre-processing yield (fraction); default 1. */
    readonly preprocessingYield?: number;
    /** Processing yield (fraction); default 1. */
    readonly processingYield?: number;
  };
  /**
   * Whether each stage's demand follows the applications' net primary demand: stage demand =
   * throughput + (net primary demand in the year − demand in the first year). Default `true`;
   * `false` holds stage demand at the throughput.
   */
  readonly linkStageDemand?: boolean;
  /** What "resilient" means for the time to resilience. */
  readonly resilience?: {
    /** The countries outside which supply is counted; default `['CHN']`. */
    readonly excluded?: readonly string[];
    /**
     * The share of each stage's demand that supply outside them must cover (fraction); default
     * 0.35, the complement of the 65% benchmark of the EU Critical Raw Materials Act (Regulation
     * (EU) 2024/1252) for the EU's reliance on any single third country at any stage of
     * processing, borrowed here as a reference level for world supply, not as the Act's test.
     */
    readonly share?: number;
  };
}

/**
 * One row of an evaluation, in the long format of the IAMC (pyam): one value per scenario, year,
 * region, variable and, where they apply, stage and element.
 *
 * @category Scenario
 */
export interface ScenarioRow {
  /** The scenario's id. */
  readonly scenario: string;
  /** The calendar year. */
  readonly year: number;
  /**
   * `'World'`, a country code (a supplier or an importer), a region code (`'EU27'`), or
   * `'other'` for the residual "other countries" of a stage table.
   */
  readonly region: string;
  /** The stage, for rows of one stage. */
  readonly stage?: Stage;
  /** The elements the row covers: a symbol, or symbols joined by `+`; absent for all rare earths. */
  readonly element?: string;
  /**
   * The variable: a name of {@link scenarioVariables} (e.g. `Concentration|HHI`), by application
   * for some (`Demand|permanent-magnets`); `docs/scenarios.md` lists them.
   */
  readonly variable: ScenarioVariable;
  /** The unit: `'t/yr'`, `'t'`, `'points'`, `'fraction'` or `'months'`. */
  readonly unit: string;
  /** The value, in `unit`. */
  readonly value: number;
}

/**
 * What an assumption is about, machine-readable: `'stage-table'` (a stage's reference shares, with
 * the year and source they come from), `'stage-size'` (a stage's size and what it rests on),
 * `'stage-missing'` (a stage not evaluated, and why), `'import-line'` (an import line's sourcing
 * and quantity), `'demand-path'` (an application's demand path), `'sales-history'` (the sales
 * before the horizon that the recycling model counts), `'recycling-default'` (a recycling rate
 * taken from `recyclingDefaults` in some year), `'restrictions'` (how export restrictions are
 * applied), `'composition'` (a mass composition used to split a line, a stage or a capacity),
 * `'composition-unknown'` (a split that needed a composition nobody gave), `'withheld-supply'`
 * (stage supply withheld by a restriction on every partner), `'capacity-basis'` (a capacity change
 * on a basis other than REO), `'capacity-ignored'` (a capacity change at a stage not evaluated),
 * `'stockpile'` (where a stockpile is released), `'resilience'` (the time-to-resilience rule).
 *
 * @category Scenario
 */
export type ScenarioAssumptionKind =
  | 'stage-table'
  | 'stage-size'
  | 'stage-missing'
  | 'import-line'
  | 'demand-path'
  | 'sales-history'
  | 'recycling-default'
  | 'restrictions'
  | 'composition'
  | 'composition-unknown'
  | 'withheld-supply'
  | 'capacity-basis'
  | 'capacity-ignored'
  | 'stockpile'
  | 'resilience';

/**
 * A statement of how an evaluation read the data or what it assumed, so that every number can be
 * traced. An evaluation lists an assumption only when it applied it.
 *
 * @category Scenario
 */
export interface ScenarioAssumption {
  /** A stable id, e.g. `'size:magnet'`, `'stage:separation'`, `'imports:USA/all'`. */
  readonly id: string;
  /** What the assumption is about. */
  readonly kind: ScenarioAssumptionKind;
  /** The statement, in words. */
  readonly text: string;
}

/**
 * How an evaluated stage was sized: its world throughput and what the figure rests on.
 *
 * @category Scenario
 */
export interface StageSize {
  /** The stage. */
  readonly stage: Stage;
  /** World throughput, t/yr, on the basis of `unit`. */
  readonly throughput: number;
  /**
   * `'table'`: the stage's own reference table (its tonnages); `'option'`: `options.throughput`;
   * `'mining'`: the world mine production (a stated conversion: all mined rare earths pass through
   * the stage); `'demand'`: the demand of `application` in the reference year.
   */
  readonly sizedBy: 'table' | 'option' | 'mining' | 'demand';
  /** For `'demand'`: the application. */
  readonly application?: string;
  /** The year of the figure (the reference table's, or the reference year for `'demand'`). */
  readonly year: number;
  /** Ids of the sources the figure rests on (none for `'option'`). */
  readonly sources: readonly string[];
}

/**
 * When supply outside some countries first covers a share of demand at every stage.
 *
 * @category Scenario
 */
export interface TimeToResilience {
  /** The countries left out. */
  readonly excluded: readonly string[];
  /** The share of demand to cover (fraction). */
  readonly share: number;
  /** The first year of the horizon when every stage with data is covered; `null` when none is. */
  readonly year: number | null;
}

/**
 * The result of {@link evaluate}.
 *
 * @category Scenario
 */
export interface ScenarioEvaluation {
  /** The scenario evaluated, resolved: no parent, its inherited interventions included, sorted by id. */
  readonly scenario: Scenario;
  /** The scenario's id and its ancestors' ids, the scenario first. */
  readonly lineage: readonly string[];
  /** The reference year of the tables. */
  readonly referenceYear: number;
  /** The rows, sorted by variable, region, stage, element and year. */
  readonly rows: readonly ScenarioRow[];
  /** How each evaluated stage was sized, in stage order. */
  readonly stages: readonly StageSize[];
  /** How the data were read and what was assumed, sorted by id. */
  readonly assumptions: readonly ScenarioAssumption[];
  /** The time to resilience. */
  readonly resilience: TimeToResilience;
}
