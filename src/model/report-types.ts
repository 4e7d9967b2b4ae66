/**
 * The stage report as data: what `stageReport` (in `rare-earths/report`) returns and what
 * `rare-earths report --format json` prints. Plain types; the schema is in `./report-schema.ts`.
 *
 * @packageDocumentation
 */
import type { ElementSymbol } from '../elements/index.js';
import type { Stage } from './types.js';

/**
 * A country (or the residual `'other'`) and its share.
 *
 * @category Model
 */
export interface CountryShare {
  /** ISO alpha-3 code, or `'other'`. */
  readonly country: string;
  /** Share, a fraction (0–1). */
  readonly share: number;
}

/**
 * A table of a stage as a report names it: source, year, scope and size.
 *
 * @category Model
 */
export interface ReportTableRef {
  /** The source id. */
  readonly source: string;
  /** The table's year. */
  readonly year: number;
  /** The elements it covers; absent for all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** How many rows it has. */
  readonly rows: number;
}

/**
 * A mass in a report: exact decimal string, unit and basis.
 *
 * @category Model
 */
export interface ReportMass {
  /** Exact decimal string. */
  readonly amount: string;
  /** `'t'` or `'kg'`. */
  readonly unit: 't' | 'kg';
  /** `'REO'`, `'metal'` or `'product'`. */
  readonly basis: 'REO' | 'metal' | 'product';
}

/**
 * One stage of a {@link StageReportData}.
 *
 * @category Model
 */
export interface ReportStage {
  /** The stage. */
  readonly stage: Stage;
  /** The year of the table used. */
  readonly year: number;
  /** The id of the table's source. */
  readonly source: string;
  /** `'quantities'` or `'shares'`: how the source published the stage. */
  readonly basis: 'quantities' | 'shares';
  /** The total of a quantity table, t per year (exact decimal string), and its basis. */
  readonly total?: {
    /** Exact decimal string. */
    readonly amount: string;
    /** `'t'` or `'kg'`. */
    readonly unit: 't' | 'kg';
    /** `'REO'`, `'metal'` or `'product'`. */
    readonly basis: 'REO' | 'metal' | 'product';
  };
  /** The leading country. */
  readonly leader: CountryShare;
  /** The largest countries (up to five), then the residual if any. */
  readonly top: readonly CountryShare[];
  /** HHI, fraction, the residual counted as many small producers (lower bound). */
  readonly hhi: number;
  /** HHI, fraction, the residual counted as one producer (upper bound). */
  readonly hhiUpper: number;
  /** `hhi` in points (0–10 000). */
  readonly hhiPoints: number;
  /** DOJ/FTC 2023 band of `hhiPoints`. */
  readonly band: string;
  /** Share of the largest identified country. */
  readonly cr1: number;
  /** Shares of the three largest identified countries. */
  readonly cr3: number;
  /** 1 / `hhi`. */
  readonly effectiveSuppliers: number;
  /** The residual's share. */
  readonly residualShare: number;
  /**
   * Which table the figures come from, the fallback year if it is older than asked, and the
   * tables left out and why (always written by `stageReport`; absent in reports written before
   * it was added).
   */
  readonly tableChoice?: {
    /** The table used. */
    readonly used: ReportTableRef;
    /** When the table is of an earlier year than asked: the assumption, stated. */
    readonly fallbackYear?: {
      /** The year asked for. */
      readonly requested: number;
      /** The year of the table used. */
      readonly used: number;
      /** The assumption in words. */
      readonly why: string;
    };
    /** Tables that could have answered and were not used. */
    readonly leftOut: readonly (ReportTableRef & {
      /** `'older-source'`, `'not-requested-source'`, `'total-not-element'` or `'other-scope'`. */
      readonly reason: string;
      /** The reason in words. */
      readonly why: string;
    })[];
  };
  /**
   * What the shares are shares of (always written by `stageReport`; absent in reports written
   * before it was added).
   */
  readonly denominator?: {
    /** `'rowSum'`, `'publishedWorldTotal'` or `'publishedShares'`. */
    readonly used: 'rowSum' | 'publishedWorldTotal' | 'publishedShares';
    /** The denominator, for quantity tables. */
    readonly total?: ReportMass;
    /** The published world total, when the dataset has one for the table (the other choice). */
    readonly publishedWorldTotal?: ReportMass & {
      /** Whether the source says it is rounded. */
      readonly rounded: boolean;
    };
    /** The sum of the rows' shares under this denominator. */
    readonly shareSum: number;
    /** The denominator in words. */
    readonly note: string;
  };
}

/**
 * One sourcing table of an importer, in a {@link StageReportData}.
 *
 * @category Model
 */
export interface ReportSourcing {
  /** The commodity as the source describes it. */
  readonly commodity: string;
  /** The stage whose product it is, when known. */
  readonly stage?: Stage;
  /** The elements covered; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** First and last year the shares cover. */
  readonly period: {
    /** First year. */
    readonly from: number;
    /** Last year (inclusive). */
    readonly to: number;
  };
  /** Shares by exporter, largest first. */
  readonly shares: readonly CountryShare[];
  /** HHI of the exporters (fraction). */
  readonly hhi: number;
  /** The id of the source. */
  readonly source: string;
}

/**
 * The stage-by-stage picture of a dataset in a year: concentration by stage, the chokepoint,
 * the chain without China, US import reliance, sourcing of the US, the EU and Japan, and the
 * sources cited.
 *
 * @category Model
 */
export interface StageReportData {
  /** Discriminant. */
  readonly kind: 'stage-report';
  /** Version of this shape; 1. */
  readonly version: 1;
  /** The dataset's name. */
  readonly dataset: string;
  /** The year asked for. */
  readonly year: number;
  /** The element, when the report is for one. */
  readonly element?: ElementSymbol;
  /** Stages with data, upstream first. */
  readonly stages: readonly ReportStage[];
  /** Stages without data, and why. */
  readonly missingStages: readonly {
    /** The stage. */
    readonly stage: Stage;
    /** Why it is missing. */
    readonly reason: string;
  }[];
  /** The most concentrated stage. */
  readonly chokepoint?: {
    /** The stage. */
    readonly stage: Stage;
    /** Its HHI (fraction). */
    readonly hhi: number;
    /** The next stage and the margin to it. */
    readonly next?: {
      /** The next most concentrated stage. */
      readonly stage: Stage;
      /** HHI difference (fraction). */
      readonly margin: number;
    };
  };
  /** The chain without the excluded countries. */
  readonly without: {
    /** The countries left out. */
    readonly excluded: readonly string[];
    /** Share of each stage outside them. */
    readonly stages: readonly {
      /** The stage. */
      readonly stage: Stage;
      /** Year of the table used. */
      readonly year: number;
      /** Share outside the excluded countries. */
      readonly shareOutside: number;
    }[];
    /** The limiting stage. */
    readonly limiting?: {
      /** The stage. */
      readonly stage: Stage;
      /** Its share outside. */
      readonly shareOutside: number;
    };
  };
  /** Net import reliance of the countries reported. */
  readonly reliance: readonly {
    /** The country. */
    readonly country: string;
    /** The commodity. */
    readonly commodity: string;
    /** The id of the source. */
    readonly source: string;
    /** Computed net import reliance (fraction), when the rows allow it. */
    readonly computed?: number;
    /** How it was computed. */
    readonly method: string;
    /** The published figure (fraction), when given. */
    readonly published?: number;
  }[];
  /** Sourcing tables by importer; an importer without data has none. */
  readonly sourcing: readonly {
    /** Country or region code. */
    readonly importer: string;
    /** Its sourcing tables covering the year. */
    readonly tables: readonly ReportSourcing[];
  }[];
  /**
   * Every assumption the figures rest on, in words: fallback years, denominators, tables left
   * out (always written by `stageReport`; absent in reports written before it was added).
   */
  readonly assumptions?: readonly string[];
  /**
   * The headline figures with their bands, when the report was written with them
   * (`rare-earths report --uncertainty --format json`).
   */
  readonly uncertainty?: StageReportUncertainty;
  /** Every source cited by the report. */
  readonly sources: readonly {
    /** Source id. */
    readonly id: string;
    /** Title. */
    readonly title: string;
    /** Publisher. */
    readonly publisher: string;
    /** Year of publication. */
    readonly year: number;
    /** Edition. */
    readonly edition?: string;
    /** Version. */
    readonly version?: string;
    /** Web address. */
    readonly url?: string;
  }[];
}

/**
 * The bands of a stage report's headline figures over draws of the dataset's uncertain figures
 * (`rare-earths report --uncertainty`, from `simulateMetrics` of `rare-earths/uncertainty`).
 *
 * @category Model
 */
export interface StageReportUncertainty {
  /** The number of draws. */
  readonly draws: number;
  /** The generator's seed. */
  readonly seed: number;
  /** The quantiles reported (fractions). */
  readonly quantiles: readonly number[];
  /** How many uncertain figures were drawn. */
  readonly figures: number;
  /** How many correlation groups they form (one draw per group). */
  readonly groups: number;
  /** What the bands rest on, in words. */
  readonly assumptions: readonly string[];
  /** Each stage's leader share and HHI with its band. */
  readonly bands: readonly StageReportBand[];
}

/**
 * One headline figure of a stage report with its band.
 *
 * @category Model
 */
export interface StageReportBand {
  /** The stage. */
  readonly stage: Stage;
  /** The year of the stage's table. */
  readonly year: number;
  /** The leader's country code for a share; `'all'` for the HHI. */
  readonly subject: string;
  /** `'share'` (the leader's share) or `'hhiPoints'` (the stage's HHI in points). */
  readonly metric: 'share' | 'hhiPoints';
  /** `'fraction'` or `'points'`. */
  readonly unit: 'fraction' | 'points';
  /** The id of the table's source. */
  readonly source: string;
  /** The figure over the draws. */
  readonly band: StageReportBandValues;
}

/**
 * A figure over the draws, in the figure's unit.
 *
 * @category Model
 */
export interface StageReportBandValues {
  /** On the dataset as is. */
  readonly value: number;
  /** Mean over the draws. */
  readonly mean: number;
  /** Smallest draw. */
  readonly min: number;
  /** Largest draw. */
  readonly max: number;
  /** The quantiles asked for. */
  readonly quantiles: readonly StageReportQuantile[];
}

/**
 * A quantile of a band.
 *
 * @category Model
 */
export interface StageReportQuantile {
  /** The probability, a fraction. */
  readonly p: number;
  /** The value at it. */
  readonly value: number;
}
