import type { ElementSymbol } from '../elements/index.js';
import type { Scenario } from '../model/scenario-types.js';
import type { Stage } from '../model/types.js';
import type { Schedule } from '../numeric/schedule.js';
import type { Timing } from '../stocks/lifetime.js';

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
   * Each stage's world throughput (t/yr): the stage's shares are multiplied by it. Default, for
   * every stage: the world mine production of the reference mining table (t REO), since the
   * dataset has no tonnages after mining.
   */
  readonly throughput?: Readonly<Partial<Record<Stage, number>>>;
  /**
   * Import quantities (t/yr) by import-line id (e.g. `'USA/all'`, `'EU27/separation/Y+Yb'`),
   * for lines whose quantity the dataset lacks or to override it. Default: the dataset's import
   * balance rows (see `docs/scenarios.md`).
   */
  readonly imports?: Readonly<Record<string, number>>;
  /**
   * Mass share of each element in products covering all rare earths (any scale; normalised),
   * used to say which part of such a product an element-scoped restriction or capacity touches.
   * Default none: an element-scoped restriction does not touch an all-rare-earth import line, and
   * an all-rare-earth capacity does not count towards an element-scoped one.
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
   * Years of sales before the horizon that the recycling model counts as products already in use
   * (their sales read off the demand path); default 30.
   */
  readonly historyYears?: number;
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
  /** The variable, one of the names listed in `docs/scenarios.md` (e.g. `'Concentration|HHI'`). */
  readonly variable: string;
  /** The unit: `'t/yr'`, `'t'`, `'points'`, `'fraction'` or `'months'`. */
  readonly unit: string;
  /** The value, in `unit`. */
  readonly value: number;
}

/**
 * A statement of how an evaluation read the data or what it assumed, so that every number can be
 * traced.
 *
 * @category Scenario
 */
export interface ScenarioAssumption {
  /** A stable id, e.g. `'throughput'`, `'stage:separation'`, `'imports:USA/all'`. */
  readonly id: string;
  /** The statement, in words. */
  readonly text: string;
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
  /** How the data were read and what was assumed, sorted by id. */
  readonly assumptions: readonly ScenarioAssumption[];
  /** The time to resilience. */
  readonly resilience: TimeToResilience;
}
