/**
 * The domain vocabulary as plain TypeScript types. No zod here: analysis modules import these
 * types (erased at build) without pulling the schemas into a bundle. The zod schemas in
 * `./schema.ts` validate exactly these shapes (a type test keeps them identical).
 *
 * Conventions: shares, rates and grades are fractions (0–1), not percent; years are calendar
 * years (integers); masses carry their unit and basis; countries are ISO 3166-1 alpha-3 codes.
 *
 * @packageDocumentation
 */
import type { ElementSymbol } from '../elements/index.js';
import type { Numeric, Schedule } from '../numeric/index.js';
import type { Basis, MassUnit } from '../quantity/index.js';

/**
 * A stage of the supply chain, in order: mining (ore to concentrate), separation (concentrate to
 * separated oxides, including cracking and refining), metal (oxides to metals and alloys), magnet
 * (alloys to permanent magnets).
 *
 * @category Model
 */
export type Stage = 'mining' | 'separation' | 'metal' | 'magnet';

/**
 * A stage as a caller may name it: a {@link Stage}, or `'refining'`, the everyday word for
 * separation (IEA and press usage: "refining" covers cracking, separation and refining to
 * oxides), read as `'separation'` wherever a stage is accepted.
 *
 * @category Model
 */
export type StageName = Stage | 'refining';

/**
 * An ISO 3166-1 alpha-3 country code, e.g. `'CHN'`, `'USA'`, `'AUS'`, `'MMR'`.
 *
 * @category Model
 */
export type CountryCode = string;

/**
 * Who a figure is attributed to: a country, or `'other'` for a residual "other countries" row.
 * A residual row is many producers, not one, and the indices never treat it as one without
 * saying so.
 *
 * @category Model
 */
export type SupplierCode = CountryCode | 'other';

/**
 * How a figure came to be: `'reported'` as published, `'derived'` by arithmetic from reported
 * figures (the derivation is recorded), or `'estimate'` (who estimated it is recorded).
 *
 * @category Model
 */
export type EvidenceTag = 'reported' | 'derived' | 'estimate';

/**
 * Where a figure comes from.
 *
 * @category Model
 */
export interface Provenance {
  /** Id of an entry of the dataset's `sources`. */
  readonly source: string;
  /** Reported, derived or estimate. */
  readonly tag: EvidenceTag;
  /** Where in the source: table, page or section, e.g. `'p. 152, world mine production table'`. */
  readonly locator?: string;
  /** For a derived figure, how it was derived from reported ones. Required when `tag` is `'derived'`. */
  readonly derivation?: string;
  /** For an estimate, who estimated it. Required when `tag` is `'estimate'`. */
  readonly estimatedBy?: string;
  /** Anything a reader should know about this figure. */
  readonly note?: string;
}

/**
 * What every uncertainty of a figure says besides its distribution: why the figure is uncertain,
 * where the range comes from, and which figures move with it.
 *
 * @category Model
 */
export interface UncertaintyBasis {
  /**
   * Why the figure is uncertain and how the range was set, in words, e.g. `'published as a whole
   * percent (91%): any value from 90.5% to 91.5% rounds to it'`.
   */
  readonly basis: string;
  /** The source of the range (an id in the dataset's `sources`) when it is not the figure's own. */
  readonly source?: string;
  /**
   * The correlation group: figures of one group are drawn together (one draw moves all of them
   * to the same quantile of their distributions). Default: the figure's own source id, so that
   * figures of one source and edition move together.
   */
  readonly group?: string;
}

/**
 * A figure anywhere from `low` to `high` with equal likelihood (a range, a rounded value).
 *
 * @category Model
 */
export interface UniformUncertainty extends UncertaintyBasis {
  /** `'uniform'`. */
  readonly kind: 'uniform';
  /** The lowest value, in the figure's unit. */
  readonly low: number;
  /** The highest value, in the figure's unit; at least `low`. */
  readonly high: number;
}

/**
 * A triangular distribution from `low` to `high`, most likely at `mode`.
 *
 * @category Model
 */
export interface TriangularUncertainty extends UncertaintyBasis {
  /** `'triangular'`. */
  readonly kind: 'triangular';
  /** The lowest value, in the figure's unit. */
  readonly low: number;
  /** The most likely value, from `low` to `high`. */
  readonly mode: number;
  /** The highest value, in the figure's unit. */
  readonly high: number;
}

/**
 * A PERT distribution (a beta distribution on `low`–`high` with shape parameters
 * 1 + 4·(mode − low)/(high − low) and 1 + 4·(high − mode)/(high − low), mean (low + 4·mode +
 * high)/6; Malcolm et al. 1959, the form of Vose, Risk Analysis, 3rd ed., 2008).
 *
 * @category Model
 */
export interface PertUncertainty extends UncertaintyBasis {
  /** `'pert'`. */
  readonly kind: 'pert';
  /** The lowest value, in the figure's unit. */
  readonly low: number;
  /** The most likely value, from `low` to `high`. */
  readonly mode: number;
  /** The highest value, in the figure's unit. */
  readonly high: number;
}

/**
 * A normal distribution truncated at 0 (a quantity or share is never negative).
 *
 * @category Model
 */
export interface NormalUncertainty extends UncertaintyBasis {
  /** `'normal'`. */
  readonly kind: 'normal';
  /** The mean before truncation, in the figure's unit. */
  readonly mean: number;
  /** The standard deviation before truncation, in the figure's unit; not negative. */
  readonly sd: number;
}

/**
 * A lognormal distribution given by the mean and standard deviation of the figure itself (not of
 * its logarithm): σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
 *
 * @category Model
 */
export interface LognormalUncertainty extends UncertaintyBasis {
  /** `'lognormal'`. */
  readonly kind: 'lognormal';
  /** The mean, in the figure's unit; positive. */
  readonly mean: number;
  /** The standard deviation, in the figure's unit; not negative. */
  readonly sd: number;
}

/**
 * The values several sources give, each equally likely (an empirical distribution).
 *
 * @category Model
 */
export interface ValuesUncertainty extends UncertaintyBasis {
  /** `'values'`. */
  readonly kind: 'values';
  /** At least two values, in the figure's unit. */
  readonly values: readonly number[];
}

/**
 * How uncertain one figure of a record is: a distribution of the record's number (the quantity's
 * amount, or the share where the record gives a share), with why and from where. Read by
 * `rare-earths/uncertainty`; every other analysis uses the record's number as it is.
 *
 * @category Model
 */
export type FigureUncertainty =
  | UniformUncertainty
  | TriangularUncertainty
  | PertUncertainty
  | NormalUncertainty
  | LognormalUncertainty
  | ValuesUncertainty;

/**
 * A publication or data release that figures are taken from.
 *
 * @category Model
 */
export interface Source {
  /** Short stable id, e.g. `'usgs-mcs-2026'`. */
  readonly id: string;
  /** Title of the publication. */
  readonly title: string;
  /** Publisher or organisation, e.g. `'U.S. Geological Survey'`. */
  readonly publisher: string;
  /** Year of publication. */
  readonly year: number;
  /** Authors, as published. */
  readonly authors?: readonly string[];
  /** Edition, e.g. `'Mineral Commodity Summaries 2026'`. */
  readonly edition?: string;
  /** Version of the edition, e.g. `'v1.3 (2026-05-27)'`. */
  readonly version?: string;
  /** Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; orders editions (newest is the default view). */
  readonly published?: string;
  /** Web address of the publication. */
  readonly url?: string;
  /** Digital object identifier, e.g. `'10.5066/P1WKQ63T'`. */
  readonly doi?: string;
  /** Which copy was read: the primary document, or a faithful secondary copy (and which). */
  readonly copy?: {
    /** `'primary'` for the publication itself, `'secondary'` for a faithful copy. */
    readonly kind: 'primary' | 'secondary';
    /** Which copy, e.g. a repository and commit, or "the PDF from the publisher's site". */
    readonly description: string;
  };
  /** Anything a reader should know about this source. */
  readonly note?: string;
}

/**
 * World Bank Worldwide Governance Indicators for a country: the six estimates (each about
 * −2.5 to +2.5, higher is better governance), their mean, and the EU criticality method's scaled
 * value `(2.5 − mean) × 2` (0–10, higher is worse).
 *
 * @category Model
 */
export interface Governance {
  /** The six estimates, when recorded. */
  readonly estimates?: {
    /** Voice and Accountability. */
    readonly voiceAndAccountability: number;
    /** Political Stability and Absence of Violence/Terrorism. */
    readonly politicalStability: number;
    /** Government Effectiveness. */
    readonly governmentEffectiveness: number;
    /** Regulatory Quality. */
    readonly regulatoryQuality: number;
    /** Rule of Law. */
    readonly ruleOfLaw: number;
    /** Control of Corruption. */
    readonly controlOfCorruption: number;
  };
  /** Mean of the six estimates. */
  readonly mean: number;
  /** `(2.5 − mean) × 2`, on 0–10, higher is worse (EU CRM method). */
  readonly scaled: number;
  /** The year the estimates describe. */
  readonly year: number;
  /** Where the values come from (the WGI release). */
  readonly provenance: Provenance;
}

/**
 * A country that appears in the data.
 *
 * @category Model
 */
export interface Country {
  /** ISO 3166-1 alpha-3 code. */
  readonly code: CountryCode;
  /** English short name. */
  readonly name: string;
  /** Groupings the country belongs to, e.g. `['EU', 'G7', 'OECD']`. */
  readonly groups?: readonly string[];
  /** Governance indicators, for the EU criticality method. */
  readonly governance?: Governance;
}

/**
 * A group of countries that trades as one, e.g. the EU.
 *
 * @category Model
 */
export interface Region {
  /** A code that is not an ISO alpha-3 country code, e.g. `'EU27'`. */
  readonly code: string;
  /** English name. */
  readonly name: string;
  /** Member countries. */
  readonly members: readonly CountryCode[];
}

/**
 * A mass as stored in a dataset: the JSON form of the library's `Mass`, with the amount as a
 * number or an exact decimal string.
 *
 * @category Model
 */
export interface MassValue {
  /** The amount in `unit` (per year where the field says so). */
  readonly amount: Numeric;
  /** `'t'` or `'kg'`. */
  readonly unit: MassUnit;
  /** `'REO'`, `'metal'` or `'product'`. */
  readonly basis: Basis;
  /** The single element an REO or metal mass is of; absent for a total. */
  readonly element?: ElementSymbol;
  /** An alternative oxide formula for a single-element REO mass. */
  readonly oxide?: string;
  /** For product masses, the product, e.g. `'ore'`, `'mineral concentrate'`, `'NdFeB magnet'`. */
  readonly product?: string;
}

/**
 * Money as stored in a dataset.
 *
 * @category Model
 */
export interface MoneyValue {
  /** The amount in units of the currency, a number or an exact decimal string. */
  readonly amount: Numeric;
  /** ISO 4217 currency code. */
  readonly currency: string;
}

/**
 * One country's output of one stage in one year, as a quantity or as a share of the world total.
 * Sources that publish only shares (the EU's processing shares, the IEA's magnet shares) are
 * stored honestly as shares.
 *
 * @category Model
 */
export interface StageOutput {
  /** The stage. */
  readonly stage: Stage;
  /** The producing country, or `'other'` for the residual row of a table. */
  readonly country: SupplierCode;
  /** The calendar year the figure describes. */
  readonly year: number;
  /** The elements the figure covers; absent means all rare earths (a total). */
  readonly elements?: readonly ElementSymbol[];
  /** `'production'` (output in the year) or `'capacity'` (nameplate, per year). */
  readonly measure: 'production' | 'capacity';
  /** The quantity (t per year); give exactly one of `quantity` and `share`. */
  readonly quantity?: MassValue;
  /** The share of the world total (0–1) in the source's table; exactly one of `quantity` and `share`. */
  readonly share?: number;
  /** How uncertain the record's number is (its quantity's amount, or its share); absent: not stated. */
  readonly uncertainty?: FigureUncertainty;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * A published projection of one stage: a country's share (or tonnage) in a future year under a
 * publisher's case or scenario, e.g. the IEA's 2030 base case of refined rare-earth output (China
 * 77%, Malaysia 12%, Australia 3%). Outlooks are kept apart from {@link StageOutput}s so that no
 * analysis reads a projection as recorded output; {@link stageOutlook} reads them, and a scenario
 * can be set beside them.
 *
 * @category Model
 */
export interface StageOutlook {
  /** The stage. */
  readonly stage: Stage;
  /** The country, or `'other'` for a residual the publisher states. */
  readonly country: SupplierCode;
  /** The projected year. */
  readonly year: number;
  /** The publisher's case or scenario, e.g. `'base case'` or `'Announced Pledges Scenario'`. */
  readonly case: string;
  /** The elements the figure covers; absent means all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** `'production'` (projected output) or `'capacity'`. */
  readonly measure: 'production' | 'capacity';
  /** The quantity (t per year); give exactly one of `quantity` and `share`. */
  readonly quantity?: MassValue;
  /** The share of the world figure (0–1); exactly one of `quantity` and `share`. */
  readonly share?: number;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * A published world total of one stage's table, as the source prints it (USGS: "World total
 * (rounded)"). It is not the sum of the rows: the rows are rounded separately and the total is
 * rounded again, so the two differ (USGS MCS 2025, 2024: rows 393,950 t, world 390,000 t REO).
 * It belongs to the table of the same source, stage, measure, year and elements.
 *
 * @category Model
 */
export interface WorldTotal {
  /** The stage. */
  readonly stage: Stage;
  /** The calendar year the total describes. */
  readonly year: number;
  /** The elements it covers; absent means all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** `'production'` or `'capacity'`. */
  readonly measure: 'production' | 'capacity';
  /** The total (t per year). */
  readonly quantity: MassValue;
  /** `true` when the source says the total is rounded. */
  readonly rounded?: boolean;
  /** How uncertain the record's number is (its quantity's amount, or its share); absent: not stated. */
  readonly uncertainty?: FigureUncertainty;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * Known reserves of a country (USGS definition: the part of the identified resource that could be
 * economically extracted at the time of determination), in oxide equivalent.
 *
 * @category Model
 */
export interface Reserve {
  /** The country, or `'other'`. */
  readonly country: SupplierCode;
  /** The year of the estimate (USGS: the edition's data year). */
  readonly year: number;
  /** Reserves, REO basis. */
  readonly quantity: MassValue;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * The life-cycle status of a deposit or facility.
 *
 * @category Model
 */
export type ProjectStatus =
  | 'producing'
  | 'construction'
  | 'commissioning'
  | 'development'
  | 'feasibility'
  | 'exploration'
  | 'permitted'
  | 'care-and-maintenance'
  | 'stalled'
  | 'closed';

/**
 * An owner of a deposit or facility and its stake.
 *
 * @category Model
 */
export interface Owner {
  /** The owner's name. */
  readonly name: string;
  /** The country where the owner is headquartered (its "home"), for control-versus-location analysis. */
  readonly homeCountry: CountryCode;
  /**
   * The equity stake, a fraction (0–1); absent when a source names the owner but publishes no
   * stake (the stake then counts as unknown, never guessed). Direct stakes of one asset sum to at
   * most 1.
   */
  readonly stake?: number;
  /**
   * For an indirect stake: the name of the owner (another entry of the same list) through which it
   * is held, `stake` then being the fraction of that owner's equity, e.g. a shareholder of the
   * listed company that owns a mine. Absent for a direct stake in the asset.
   */
  readonly via?: string;
  /** Where the ownership figure comes from. */
  readonly provenance?: Provenance;
}

/**
 * A point on the earth.
 *
 * @category Model
 */
export interface Location {
  /** Degrees north (−90 to 90). */
  readonly latitude: number;
  /** Degrees east (−180 to 180). */
  readonly longitude: number;
}

/**
 * A capacity or output figure of a facility.
 *
 * @category Model
 */
export interface FacilityFigure {
  /** The year the figure describes; absent for a nameplate capacity without a date. */
  readonly year?: number;
  /** Tonnes per year, with basis and product. */
  readonly quantity: MassValue;
  /** The elements the figure covers (e.g. `['Nd', 'Pr']` for NdPr oxide); absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * Where a facility's feed comes from: another facility or a country (give exactly one).
 *
 * @category Model
 */
export interface FeedstockLink {
  /** Id of the upstream facility. */
  readonly facility?: string;
  /** The upstream country, when the supplier facility is not known. */
  readonly country?: CountryCode;
  /** Share of the facility's feed from this supplier (0–1), when known. */
  readonly share?: number;
  /** Where the link comes from. */
  readonly provenance?: Provenance;
}

/**
 * A mine, plant or factory at one stage of the chain.
 *
 * @category Model
 */
export interface Facility {
  /** Stable id, e.g. `'lynas-malaysia'`. */
  readonly id: string;
  /** Name, e.g. `'Lynas Malaysia (LAMP)'`. */
  readonly name: string;
  /** Where the facility is. */
  readonly country: CountryCode;
  /** The stage it performs. */
  readonly stage: Stage;
  /** The operating company. */
  readonly operator?: string;
  /** Owners and stakes. */
  readonly owners?: readonly Owner[];
  /** Life-cycle status. */
  readonly status: ProjectStatus;
  /** Year operations started or are planned to start. */
  readonly startYear?: number;
  /** Coordinates. */
  readonly location?: Location;
  /** Nameplate capacities, per year. */
  readonly capacity?: readonly FacilityFigure[];
  /** Actual outputs by year. */
  readonly output?: readonly FacilityFigure[];
  /** Where its feed comes from. */
  readonly feedstock?: readonly FeedstockLink[];
  /** Where the facility's description comes from. */
  readonly provenance: Provenance;
  /** Anything else a reader should know. */
  readonly note?: string;
}

/**
 * The geological type of a rare-earth deposit.
 *
 * @category Model
 */
export type DepositType =
  | 'carbonatite'
  | 'ion-adsorption-clay'
  | 'monazite-placer'
  | 'alkaline-igneous'
  | 'peralkaline-igneous'
  | 'hydrothermal'
  | 'iron-oxide'
  | 'phosphorite'
  | 'other';

/**
 * A mineral resource or ore reserve estimate.
 *
 * @category Model
 */
export interface ResourceEstimate {
  /** `'resource'` (mineral resource) or `'reserve'` (ore reserve). */
  readonly kind: 'resource' | 'reserve';
  /** Confidence category under the reporting code. */
  readonly category:
    | 'measured'
    | 'indicated'
    | 'inferred'
    | 'measured-indicated'
    | 'total'
    | 'proved'
    | 'probable'
    | 'proved-probable';
  /** Tonnage of ore (product basis, product `'ore'`). */
  readonly ore: MassValue;
  /** Grade: total rare-earth oxide (TREO) as a fraction of ore mass. */
  readonly grade: number;
  /** Contained TREO, when reported. */
  readonly contained?: MassValue;
  /** Cut-off grade (fraction TREO), when reported. */
  readonly cutOff?: number;
  /** Year of the estimate. */
  readonly year: number;
  /** Reporting code, e.g. `'JORC 2012'`, `'NI 43-101'`, `'S-K 1300'`. */
  readonly code?: string;
  /** Where the estimate comes from. */
  readonly provenance: Provenance;
}

/**
 * A rare-earth deposit.
 *
 * @category Model
 */
export interface Deposit {
  /** Stable id, e.g. `'mount-weld'`. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Where it is. */
  readonly country: CountryCode;
  /** Coordinates. */
  readonly location?: Location;
  /** Geological type. */
  readonly type: DepositType;
  /** Life-cycle status. */
  readonly status: ProjectStatus;
  /** The operating company. */
  readonly operator?: string;
  /** Owners and stakes. */
  readonly owners?: readonly Owner[];
  /** Resource and reserve estimates. */
  readonly estimates?: readonly ResourceEstimate[];
  /** Distribution of elements: each element's oxide as a fraction of TREO (summing to at most 1). */
  readonly distribution?: {
    /** Fractions of TREO by element. */
    readonly shares: Readonly<Partial<Record<ElementSymbol, number>>>;
    /** Where the distribution comes from. */
    readonly provenance: Provenance;
  };
  /** Ids of facilities that mine or process this deposit. */
  readonly facilities?: readonly string[];
  /** Where the deposit's description comes from. */
  readonly provenance: Provenance;
  /** Anything else a reader should know. */
  readonly note?: string;
}

/**
 * What a trade flow carries: a tariff code, a stage's product, or both.
 *
 * @category Model
 */
export interface Commodity {
  /** Harmonized System code (or a national extension), e.g. `'2846.90'`. */
  readonly hs?: string;
  /** The stage whose product this is, e.g. `'separation'` for separated oxides. */
  readonly stage?: Stage;
  /** Words, as the source describes it, e.g. `'rare-earth compounds and metals'`. */
  readonly description: string;
}

/**
 * A bilateral trade flow, or an importer's sourcing share from an exporter, over a year or a
 * period.
 *
 * @category Model
 */
export interface TradeFlow {
  /** The year; give exactly one of `year` and `period`. */
  readonly year?: number;
  /** A multi-year period the figure averages over (USGS import sources cover four years). */
  readonly period?: {
    /** First year of the period. */
    readonly from: number;
    /** Last year of the period (inclusive). */
    readonly to: number;
  };
  /** The exporting country, or `'other'`. */
  readonly exporter: SupplierCode;
  /** The importing country, or a region code (e.g. `'EU27'`). */
  readonly importer: string;
  /** What is traded. */
  readonly commodity: Commodity;
  /** The elements covered; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Quantity traded. */
  readonly quantity?: MassValue;
  /** Value traded. */
  readonly value?: MoneyValue;
  /** Share of the importer's imports of this commodity coming from the exporter (0–1). */
  readonly share?: number;
  /** How uncertain the record's number is (its quantity's amount, or its share); absent: not stated. */
  readonly uncertainty?: FigureUncertainty;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * An item of a country's supply balance (USGS "salient statistics").
 *
 * @category Model
 */
export type BalanceItem =
  | 'production'
  | 'imports'
  | 'exports'
  | 'apparent-consumption'
  | 'net-import-reliance';

/**
 * One row of a country's supply balance for a commodity and year, e.g. USGS's US imports of
 * rare-earth compounds and metals in 2024.
 *
 * @category Model
 */
export interface BalanceRecord {
  /** The country. */
  readonly country: CountryCode;
  /** The year. */
  readonly year: number;
  /** The commodity, e.g. `{ description: 'compounds and metals' }`. */
  readonly commodity: Commodity;
  /** The elements covered; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Which balance item. */
  readonly item: BalanceItem;
  /** The quantity, for every item but net import reliance. */
  readonly quantity?: MassValue;
  /** Net import reliance as a fraction of apparent consumption. */
  readonly share?: number;
  /** `'greater-than'` when the source gives only a bound (">95%"). */
  readonly bound?: 'greater-than' | 'less-than';
  /** `true` when the source reports the country as a net exporter (USGS "E"). */
  readonly netExporter?: boolean;
  /** How uncertain the record's number is (its quantity's amount, or its share); absent: not stated. */
  readonly uncertainty?: FigureUncertainty;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * The parameters of a product-lifetime distribution, in years except the Weibull shape; the stock
 * models read it as their `Lifetime` (see `survival` for the conventions of each kind).
 *
 * @category Model
 */
export type LifetimeParameters =
  | {
      /** Every item leaves at the same age. */
      readonly kind: 'fixed';
      /** The age at which items leave, in years (> 0). */
      readonly mean: number;
    }
  | {
      /** Normally distributed, not truncated at 0. */
      readonly kind: 'normal';
      /** Mean μ in years (> 0). */
      readonly mean: number;
      /** Standard deviation σ in years (> 0). */
      readonly sd: number;
    }
  | {
      /** The absolute value of a normal variable. */
      readonly kind: 'foldedNormal';
      /** Mean μ of the normal before folding, in years (≥ 0; 0 gives the half-normal). */
      readonly mean: number;
      /** Standard deviation σ of the normal before folding, in years (> 0). */
      readonly sd: number;
    }
  | {
      /** Lognormally distributed. */
      readonly kind: 'logNormal';
      /** Mean of the lifetime itself, in years (> 0). */
      readonly mean: number;
      /** Standard deviation of the lifetime itself, in years (> 0). */
      readonly sd: number;
    }
  | {
      /** Weibull distributed. */
      readonly kind: 'weibull';
      /** Shape k (> 0, no unit): below 1 early failures dominate, above 1 wear-out. */
      readonly shape: number;
      /** Scale λ in years (> 0): about 63% of items have left by this age. */
      readonly scale: number;
    };

/**
 * The broad end-use categories of rare earths.
 *
 * @category Model
 */
export type ApplicationCategory =
  | 'ev-traction-motors'
  | 'wind-turbines'
  | 'industrial-motors'
  | 'consumer-electronics'
  | 'catalysts'
  | 'glass-polishing'
  | 'metallurgy'
  | 'batteries'
  | 'ceramics'
  | 'other';

/**
 * How end-of-life products of an application are recycled. Each rate is a fraction, constant or
 * changing over the years.
 *
 * @category Model
 */
export interface RecyclingParameters {
  /** Share of end-of-life products collected for recycling. */
  readonly collectionRate: Schedule;
  /** Share of the element in collected products that reaches the recycling process (dismantling, magnet extraction). */
  readonly preprocessingYield: Schedule;
  /** Share of the element entering recycling that is recovered. */
  readonly processingYield: Schedule;
  /** Where the parameters come from. */
  readonly provenance: Provenance;
}

/**
 * A way to use less of some rare earths in an application (a substitute material or design).
 *
 * @category Model
 */
export interface SubstitutionOption {
  /** Stable id within the application, e.g. `'ferrite-motor'`. */
  readonly id: string;
  /** What substitutes, e.g. `'induction motor (no magnets)'`. */
  readonly substitute: string;
  /** The largest share of the application that can switch (0–1). */
  readonly shareSwitchable: number;
  /** Relative change of each element's intensity on switching: −1 removes it, −0.5 halves it. */
  readonly intensityChange: Readonly<Partial<Record<ElementSymbol, number>>>;
  /** Relative loss of performance on switching (0–1), when assessed. */
  readonly performancePenalty?: number;
  /** Relative cost increase on switching (fraction, may exceed 1), when assessed. */
  readonly costPenalty?: number;
  /** Where the option comes from. */
  readonly provenance: Provenance;
}

/**
 * An end use of rare earths with what the stock, recycling and substitution models need.
 *
 * @category Model
 */
export interface Application {
  /** Stable id, e.g. `'ev-traction-motor'`. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Broad category. */
  readonly category: ApplicationCategory;
  /** The product whose mass content fractions refer to, e.g. `'NdFeB magnet'`. */
  readonly product?: string;
  /** Element content of the product, mass fractions. */
  readonly content?: readonly {
    /** The element. */
    readonly element: ElementSymbol;
    /** Mass fraction of the element in the product (0–1). */
    readonly fraction: number;
    /** Where the figure comes from. */
    readonly provenance: Provenance;
  }[];
  /** Product lifetime in years. */
  readonly lifetime?: {
    /** The lifetime distribution. */
    readonly distribution: LifetimeParameters;
    /** Where it comes from. */
    readonly provenance: Provenance;
  };
  /** End-of-life recycling parameters. */
  readonly recycling?: RecyclingParameters;
  /** Known substitution options. */
  readonly substitutions?: readonly SubstitutionOption[];
  /** Anything else a reader should know. */
  readonly note?: string;
}

/**
 * Demand in one year, for an application or in total.
 *
 * @category Model
 */
export interface DemandRecord {
  /** The year. */
  readonly year: number;
  /** Application id; absent for total demand. */
  readonly application?: string;
  /** The elements covered; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** Demand, per year. */
  readonly quantity: MassValue;
  /** For projections, the scenario, e.g. `'IEA Announced Pledges Scenario'`. */
  readonly scenario?: string;
  /** How uncertain the record's number is (its quantity's amount, or its share); absent: not stated. */
  readonly uncertainty?: FigureUncertainty;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * The share of an element's use going to one end use, as the EU criticality method uses them
 * (with the NACE sector and its value added, for economic importance).
 *
 * @category Model
 */
export interface EndUseShare {
  /** The element. */
  readonly element: ElementSymbol;
  /** The end use in the source's words, e.g. `'magnets'`. */
  readonly use: string;
  /** Application id, when the use maps to one. */
  readonly application?: string;
  /** Share of the element's use (0–1). */
  readonly share: number;
  /** The NACE Rev. 2 sector of the use and its value added. */
  readonly sector?: {
    /** NACE Rev. 2 two-digit code, e.g. `'C25'`. */
    readonly code: string;
    /** The sector's value added. */
    readonly valueAdded?: MoneyValue;
  };
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * A price observation.
 *
 * @category Model
 */
export interface PriceRecord {
  /** The product as quoted, e.g. `'Nd oxide, 99.5% min'`. */
  readonly product: string;
  /** Its form. */
  readonly form: 'oxide' | 'metal' | 'alloy' | 'concentrate' | 'mischmetal' | 'magnet';
  /** The elements it contains. */
  readonly elements: readonly ElementSymbol[];
  /** The year (annual average unless the note says otherwise). */
  readonly year: number;
  /** The price per unit mass. */
  readonly price: {
    /** Price per `per`, a number or exact decimal string. */
    readonly amount: Numeric;
    /** ISO 4217 currency. */
    readonly currency: string;
    /** The mass unit quoted per. */
    readonly per: MassUnit;
  };
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * An exchange rate for a year, as published: one unit of `from` buys `rate` units of `to`, as the
 * year's average (of daily rates, unless the provenance says otherwise). It converts a price of
 * that year quoted in one currency into the other (see `convertPriceRecord`).
 *
 * @category Model
 */
export interface ExchangeRateRecord {
  /** The currency converted from (ISO 4217), e.g. `'USD'`. */
  readonly from: string;
  /** The currency converted to (ISO 4217), e.g. `'CNY'`. */
  readonly to: string;
  /** The year the rate is the average of. */
  readonly year: number;
  /** Units of `to` per unit of `from`, a number or exact decimal string, e.g. `'7.0809'` (CNY per USD). */
  readonly rate: Numeric;
  /** Where the figure comes from. */
  readonly provenance: Provenance;
}

/**
 * A published criticality assessment result, kept as reference data so a computation can be
 * compared with it.
 *
 * @category Model
 */
export interface CriticalityResult {
  /** The assessment, e.g. `'EU CRM 2023'`. */
  readonly assessment: string;
  /** The material assessed: an element or a group (`'LREE'`, `'HREE'`). */
  readonly material: string;
  /** Supply risk as published. */
  readonly supplyRisk: number;
  /** Economic importance as published. */
  readonly economicImportance: number;
  /** The stage whose supply risk was retained. */
  readonly bottleneck?: 'extraction' | 'processing';
  /** Supply risk at extraction. */
  readonly supplyRiskExtraction?: number;
  /** Supply risk at processing. */
  readonly supplyRiskProcessing?: number;
  /** Substitution index for economic importance (0–1). */
  readonly substitutionIndexEi?: number;
  /** Substitution index for supply risk (0–1). */
  readonly substitutionIndexSr?: number;
  /** Import reliance at extraction (0–1). */
  readonly importRelianceExtraction?: number;
  /** Import reliance at processing (0–1). */
  readonly importRelianceProcessing?: number;
  /** End-of-life recycling input rate (0–1). */
  readonly eolRecyclingInputRate?: number;
  /** Whether the assessment listed it as critical. */
  readonly critical?: boolean;
  /** Where the figures come from. */
  readonly provenance: Provenance;
}

/**
 * A tariff code used for rare-earth trade.
 *
 * @category Model
 */
export interface HsCode {
  /** The code, e.g. `'2846.90'` or `'2805.30.0050'`. */
  readonly code: string;
  /** Which nomenclature: the international HS, the US HTS, or China's tariff lines. */
  readonly nomenclature: 'HS' | 'HTS-US' | 'CN';
  /** What it covers, in the nomenclature's words. */
  readonly description: string;
  /** `'rare-earth'` when it covers rare earths only, `'proxy'` when it is broader (2805 includes alkali metals). */
  readonly scope: 'rare-earth' | 'proxy';
  /** Where it comes from. */
  readonly provenance: Provenance;
}

/**
 * A dataset: every collection the analyses read, with the sources of every figure.
 *
 * @category Model
 */
export interface Dataset {
  /** The version of this shape; 1. */
  readonly schemaVersion: 1;
  /** A name for the dataset. */
  readonly name: string;
  /** What it holds. */
  readonly description?: string;
  /** Every source cited by a record. */
  readonly sources: readonly Source[];
  /** Every country a record names. */
  readonly countries: readonly Country[];
  /** Groups of countries (e.g. the EU) that appear as importers. */
  readonly regions?: readonly Region[];
  /** Production and shares by stage, country and year. */
  readonly stageOutputs?: readonly StageOutput[];
  /** Published world totals of stage tables (beside the rows, which may not add up to them). */
  readonly worldTotals?: readonly WorldTotal[];
  /** Published projections of stages (never read as recorded output). */
  readonly outlooks?: readonly StageOutlook[];
  /** Reserves by country. */
  readonly reserves?: readonly Reserve[];
  /** Deposits. */
  readonly deposits?: readonly Deposit[];
  /** Mines, plants and factories. */
  readonly facilities?: readonly Facility[];
  /** Trade flows and sourcing shares. */
  readonly tradeFlows?: readonly TradeFlow[];
  /** Supply balances (production, imports, exports, apparent consumption, net import reliance). */
  readonly balances?: readonly BalanceRecord[];
  /** End uses with lifetimes, recycling and substitution parameters. */
  readonly applications?: readonly Application[];
  /** Demand by year. */
  readonly demand?: readonly DemandRecord[];
  /** End-use shares by element. */
  readonly endUses?: readonly EndUseShare[];
  /** Prices. */
  readonly prices?: readonly PriceRecord[];
  /** Exchange rates by year, to convert the prices between currencies. */
  readonly exchangeRates?: readonly ExchangeRateRecord[];
  /** Published criticality results. */
  readonly criticality?: readonly CriticalityResult[];
  /** Tariff codes for rare-earth trade. */
  readonly hsCodes?: readonly HsCode[];
}
