/**
 * Scenarios as data: a parent plus the interventions that differ from it. Plain types, no zod.
 *
 * @packageDocumentation
 */
import type { ElementSymbol } from '../elements/index.js';
import type { Schedule } from '../numeric/index.js';
import type {
  CountryCode,
  FigureUncertainty,
  LifetimeParameters,
  MassValue,
  Provenance,
  Stage,
} from './types.js';

/**
 * What every intervention has: an id (diffs and attributions key by it, never by position), and
 * optionally a label, a note and the source that motivates it.
 *
 * @category Model
 */
export interface InterventionBase {
  /** Stable id, unique within the scenario, e.g. `'china-heavy-ree-controls-2025'`. */
  readonly id: string;
  /** A human label for charts and tables. */
  readonly label?: string;
  /** Anything a reader should know. */
  readonly note?: string;
  /** The source that motivates the intervention (an id of the dataset's `sources`). */
  readonly provenance?: Provenance;
  /**
   * How uncertain some of the intervention's numbers are, by the number's path inside the
   * intervention written with dots: `'cut'` of an export restriction, `'change.amount'` of a
   * capacity change, `'rate'` or `'demand'` of a demand growth given as one number,
   * `'collectionRate'`, `'preprocessingYield'`, `'processingYield'` and `'lifetime.<parameter>'`
   * of a recycling policy, `'adoption'` (a share), `'adoption.rate'`, `'adoption.ceiling'`,
   * `'adoption.floor'` and `'intensityChange.<element>'` of a substitution,
   * `'initial.amount'`, `'build.perYear.amount'` and `'release.maxPerYear.amount'` of a
   * stockpile. The number itself stays the value every evaluation uses; `simulate` in
   * `rare-earths/uncertainty` draws it. A fraction takes a bounded distribution within [0, 1].
   */
  readonly uncertainty?: Readonly<Record<string, FigureUncertainty>>;
}

/**
 * A country stops or cuts exports of some elements or stage products, to everyone or to named
 * partners, from a year (e.g. China's April 2025 controls on Sm, Gd, Tb, Dy, Lu, Sc and Y).
 *
 * @category Model
 */
export interface ExportRestriction extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'exportRestriction';
  /** The restricting exporter. */
  readonly country: CountryCode;
  /** Elements restricted; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Stage products restricted (e.g. `['separation', 'metal', 'magnet']`); absent for all. */
  readonly stages?: readonly Stage[];
  /** Importers targeted (country or region codes); absent for all. */
  readonly partners?: readonly string[];
  /** Fraction of the exports withheld: 1 is a ban, 0.5 halves them. */
  readonly cut: number;
  /** First year in force. */
  readonly from: number;
  /** Last year in force (inclusive); absent for the rest of the horizon. */
  readonly to?: number;
}

/**
 * A facility, or a country's stage, gains or loses capacity, ramping linearly.
 *
 * @category Model
 */
export interface CapacityChange extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'capacityChange';
  /** The facility; give either `facility` or both `country` and `stage`. */
  readonly facility?: string;
  /** The country whose stage changes. */
  readonly country?: CountryCode;
  /** The stage that changes. */
  readonly stage?: Stage;
  /** Capacity added at full ramp, per year (negative to remove). */
  readonly change: MassValue;
  /** The elements the capacity covers (e.g. heavy rare earths); absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Zero before `from`, full from `to`, linear in between. */
  readonly ramp: {
    /** Last year with none of the change (the ramp starts after it). */
    readonly from: number;
    /** First year with all of the change. */
    readonly to: number;
  };
}

/**
 * An application's demand changes from a year: it grows at a rate (per year), or follows a
 * table of demand. Give exactly one of `rate` and `demand`.
 *
 * @category Model
 */
export interface DemandGrowth extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'demandGrowth';
  /** The application's id. */
  readonly application: string;
  /** Growth rate, a fraction per year (0.08 is +8% a year), constant or by year. */
  readonly rate?: Schedule;
  /**
   * Demand itself, in the unit of the application's demand path (t/yr), by year: a table is
   * read linearly between its years and held flat beyond them.
   */
  readonly demand?: Schedule;
  /** First year of the change. */
  readonly from: number;
}

/**
 * Collection and recovery of an application's end-of-life products change from a year.
 *
 * @category Model
 */
export interface RecyclingPolicy extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'recyclingPolicy';
  /** The application's id. */
  readonly application: string;
  /** First year of the policy. */
  readonly from: number;
  /** New collection rate (fraction), constant or by year. */
  readonly collectionRate?: Schedule;
  /** New pre-processing yield (fraction). */
  readonly preprocessingYield?: Schedule;
  /** New processing yield (fraction). */
  readonly processingYield?: Schedule;
  /**
   * The lifetime of the application's products in use (years), when the dataset has none for
   * the application: recycling needs it to know when products reach end of life.
   */
  readonly lifetime?: LifetimeParameters;
}

/**
 * How the share of demand that has switched to a substitute grows over the years: a logistic
 * curve `floor + (ceiling − floor) / (1 + exp(−rate · (year − midpoint)))`, or a schedule of
 * shares (fractions). The offsets (`adoptionShare`, `substitutionOffset`) and the scenarios'
 * substitution intervention read the same curve.
 *
 * @category Model
 */
export type AdoptionCurve =
  | Schedule
  | {
      /** An S-shaped uptake. */
      readonly kind: 'logistic';
      /** The year when the uptake is halfway from `floor` to `ceiling`. */
      readonly midpoint: number;
      /** Logistic growth rate per year (> 0); the uptake goes from 12% to 88% of its range in 4/rate years. */
      readonly rate: number;
      /** Eventual share, a fraction; default 1. */
      readonly ceiling?: number;
      /** Share long before the midpoint, a fraction; default 0. */
      readonly floor?: number;
    };

/**
 * A substitute is adopted in an application along an adoption curve.
 *
 * @category Model
 */
export interface SubstitutionIntervention extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'substitution';
  /** The application's id. */
  readonly application: string;
  /** What substitutes, e.g. `'rare-earth-free motor'`. */
  readonly substitute: string;
  /** Share of the application switched, by year. */
  readonly adoption: AdoptionCurve;
  /** Relative change of each element's intensity on switching: −1 removes it. */
  readonly intensityChange: Readonly<Partial<Record<ElementSymbol, number>>>;
}

/**
 * A holder builds or releases a stockpile of some elements or a stage's product.
 *
 * @category Model
 */
export interface Stockpile extends InterventionBase {
  /** Discriminant. */
  readonly kind: 'stockpile';
  /** The holder: a country or region code. */
  readonly holder: string;
  /** Elements stockpiled; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** The stage whose product is stockpiled (e.g. `'separation'` for oxides). */
  readonly stage?: Stage;
  /** The stockpile at the start of the horizon. */
  readonly initial?: MassValue;
  /** Building: this much per year between the years (inclusive). */
  readonly build?: {
    /** Added to the stockpile each year. */
    readonly perYear: MassValue;
    /** First year of building. */
    readonly from: number;
    /** Last year of building (inclusive). */
    readonly to: number;
  };
  /** Releasing: up to this much per year when the holder faces a shortfall. */
  readonly release?: {
    /** The most released in a year. */
    readonly maxPerYear: MassValue;
    /** When to release: in years of shortfall. */
    readonly trigger: 'shortfall';
    /** First year releases are allowed. */
    readonly from: number;
    /** Last year releases are allowed; absent for the rest of the horizon. */
    readonly to?: number;
  };
}

/**
 * One change a scenario makes to the baseline.
 *
 * @category Model
 */
export type Intervention =
  | ExportRestriction
  | CapacityChange
  | DemandGrowth
  | RecyclingPolicy
  | SubstitutionIntervention
  | Stockpile;

/**
 * A scenario: a parent (another scenario, or the baseline when absent) plus the interventions
 * that differ from it, over a horizon of years.
 *
 * @category Model
 */
export interface Scenario {
  /** Stable id, e.g. `'china-controls-2025'`. */
  readonly id: string;
  /** A human name. */
  readonly name: string;
  /** What the scenario represents. */
  readonly description?: string;
  /** The parent scenario's id; the scenario inherits its interventions. */
  readonly parent?: string;
  /** The years evaluated, inclusive. */
  readonly horizon: {
    /** First year evaluated. */
    readonly from: number;
    /** Last year evaluated (inclusive). */
    readonly to: number;
  };
  /** The changes, each with a unique id. */
  readonly interventions: readonly Intervention[];
}
