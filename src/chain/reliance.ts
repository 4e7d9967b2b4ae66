import { type ElementSymbol, isElementSymbol } from '../elements/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { BalanceRecord, Dataset, Source, Stage } from '../model/index.js';
import { STAGES } from '../model/index.js';
import { checkInteger, type Dec, toDec } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';
import { type SourcingTable, sourcingTables } from './sources.js';
import { publicationKey } from './tables.js';

/**
 * Options for {@link importReliance}.
 *
 * @category Chain
 */
export interface ImportRelianceOptions {
  /** The importing country (ISO alpha-3). */
  readonly country: string;
  /** The year. */
  readonly year: number;
  /**
   * The commodity as the balance rows describe it; default `'compounds and metals'` (the USGS
   * headline), or the one `stage` and `element` pick.
   */
  readonly commodity?: string;
  /**
   * Pick the commodity by stage instead: the balance rows whose commodity is tagged with this
   * stage (USGS "mineral concentrates" are `'mining'`). Not with `commodity`.
   */
  readonly stage?: Stage;
  /**
   * Pick the commodity by element instead: the balance rows scoped to this element (USGS keeps
   * separate balances for yttrium, scandium and the heavy rare earths); among several, the one
   * with the headline figures (net import reliance or apparent consumption). Not with `commodity`.
   */
  readonly element?: ElementSymbol;
  /** Use this source's rows; default the newest source with rows for the country and year. */
  readonly source?: string;
}

/**
 * A country's net import reliance for a commodity in a year, computed from its supply balance,
 * with the published figure beside it and the partners its imports come from.
 *
 * @category Chain
 */
export interface ImportReliance {
  /** The country. */
  readonly country: string;
  /** The year. */
  readonly year: number;
  /** The commodity. */
  readonly commodity: string;
  /** The source of the balance rows. */
  readonly source: Source;
  /**
   * Net import reliance as a fraction of apparent consumption, computed from the rows; absent
   * when the rows do not allow it (see `method`). Negative for a net exporter.
   */
  readonly computed?: number;
  /** How it was computed, or why it could not be. */
  readonly method: string;
  /** The balance quantities used (t, as published); absent items were not in the data. */
  readonly inputs: {
    /** Production. */
    readonly production?: number;
    /** Imports. */
    readonly imports?: number;
    /** Exports. */
    readonly exports?: number;
    /** Apparent consumption. */
    readonly apparentConsumption?: number;
  };
  /** The published net import reliance, when the source gives it. */
  readonly published?: {
    /** As a fraction. */
    readonly share?: number;
    /** `'greater-than'` when published as a bound (">95%"). */
    readonly bound?: 'greater-than' | 'less-than';
    /** `true` when published as a net exporter ("E"). */
    readonly netExporter?: boolean;
  };
  /**
   * Where the imports come from: the importer's whole-commodity sourcing table covering the year
   * (see {@link importSources}), when the dataset has one.
   */
  readonly partners?: SourcingTable;
}

const HEADLINE: readonly BalanceRecord['item'][] = ['net-import-reliance', 'apparent-consumption'];

/** The commodity named by the options: given, picked by stage and element, or the headline. */
function pickCommodity(
  fn: string,
  dataset: Dataset,
  country: string,
  year: number,
  options: ImportRelianceOptions,
): string {
  const { commodity, stage, element } = options;
  if (stage !== undefined && !STAGES.includes(stage)) {
    invalidArgument(fn, ['options', 'stage'], `one of ${STAGES.join(', ')}`, stage);
  }
  if (element !== undefined && !isElementSymbol(element)) {
    invalidArgument(fn, ['options', 'element'], 'a rare-earth element symbol such as "Y"', element);
  }
  if (commodity !== undefined) {
    if (typeof commodity !== 'string') {
      invalidArgument(fn, ['options', 'commodity'], 'a commodity description', commodity);
    }
    if (stage !== undefined || element !== undefined) {
      invalidArgument(
        fn,
        ['options', 'commodity'],
        'either a commodity or a stage and element to pick one, not both',
        commodity,
      );
    }
    return commodity;
  }
  if (stage === undefined && element === undefined) return 'compounds and metals';
  const rows = (dataset.balances ?? []).filter(
    (row) =>
      row.country === country &&
      row.year === year &&
      (options.source === undefined || row.provenance.source === options.source) &&
      (stage === undefined || row.commodity.stage === stage) &&
      (element === undefined ? row.elements === undefined : row.elements?.includes(element)),
  );
  const candidates = [...new Set(rows.map((row) => row.commodity.description))];
  const headline = candidates.filter((description) =>
    rows.some((row) => row.commodity.description === description && HEADLINE.includes(row.item)),
  );
  const picked = headline.length > 0 ? headline : candidates;
  if (picked.length === 1) return picked[0] as string;
  const wanted = [
    stage === undefined ? undefined : `stage ${stage}`,
    element === undefined ? undefined : `element ${element}`,
  ]
    .filter((part) => part !== undefined)
    .join(' and ');
  const message =
    picked.length === 0
      ? `expected balance rows for ${country} in ${year} for the ${wanted}, but the dataset has none (name a commodity instead)`
      : `expected one commodity for the ${wanted}, got several (${picked.map((c) => `"${c}"`).join(', ')}): name one with options.commodity`;
  throw new RareEarthsError(fn, picked.length === 0 ? 'not-found' : 'invalid-argument', [
    { path: ['options'], message },
  ]);
}

function amountOf(record: BalanceRecord | undefined): Dec | undefined {
  if (record?.quantity === undefined) return undefined;
  return toDec('importReliance', ['balances'], record.quantity.amount);
}

function partnersOf(
  dataset: Dataset,
  country: string,
  year: number,
  commodity: string,
  element: ElementSymbol | undefined,
): SourcingTable | undefined {
  if (element !== undefined) {
    // The element's own sourcing table, never a whole-commodity one.
    return sourcingTables(dataset, country, year, element).find((t) =>
      t.elements?.includes(element),
    );
  }
  // The whole-commodity table (no element scope) whose description names the commodity.
  const tables = sourcingTables(dataset, country, year, undefined).filter(
    (t) => t.elements === undefined,
  );
  const wanted = commodity.toLowerCase();
  return tables.find((t) => t.commodity.toLowerCase().includes(wanted));
}

/**
 * A country's net import reliance for a commodity in a year, as the USGS defines it:
 * (imports − exports) / apparent consumption, where apparent consumption = production +
 * imports − exports. Computed from the dataset's balance rows of one source (the newest by
 * default); when the source gives apparent consumption and production but not the matching
 * trade, it uses the equivalent (apparent consumption − production) / apparent consumption.
 * The published figure, when the source has one, is returned beside the computed one, so a
 * difference from rounding is visible. Partner concentration is the HHI of the import-sourcing
 * shares covering the year (USGS publishes four-year averages).
 *
 * Source of the definition: USGS Mineral Commodity Summaries, Appendix "Net import reliance".
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `country`, `year`; optionally `commodity` (default `'compounds and metals'`)
 *   or `stage` and `element` to pick one, and `source`
 * @returns the computed reliance (a fraction; absent when the rows do not allow it), its inputs,
 *   the published figure and the import partners
 * @throws {@link RareEarthsError} (`not-found`) when the dataset has no balance rows for the
 *   country, year and commodity (or stage and element); (`invalid-argument`) for bad options, a
 *   commodity given with a stage or element, or a stage and element that fit several commodities
 * @example
 * ```ts
 * import { importReliance } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const us = importReliance(baseline, { country: 'USA', year: 2024 });
 * us.computed; // ≈ 0.523
 * us.published?.share; // => 0.53
 * us.partners?.shares.CHN; // => 0.71
 *
 * // USGS keeps a balance of its own for yttrium: 100% import reliant, 70% of imports from China.
 * const yttrium = importReliance(baseline, { country: 'USA', year: 2024, element: 'Y' });
 * yttrium.commodity; // => 'yttrium'
 * yttrium.published?.share; // => 1
 * yttrium.partners?.shares.CHN; // => 0.7
 * ```
 */
export function importReliance(dataset: Dataset, options: ImportRelianceOptions): ImportReliance {
  const fn = 'importReliance';
  checkDataset(fn, dataset, ['balances', 'tradeFlows']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { country, year }', options);
  }
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const { country } = options;
  if (typeof country !== 'string' || !/^[A-Z]{3}$/.test(country)) {
    invalidArgument(
      fn,
      ['options', 'country'],
      'an ISO 3166-1 alpha-3 country code such as "USA"',
      country,
    );
  }
  const commodity = pickCommodity(fn, dataset, country, year, options);
  const rows = (dataset.balances ?? []).filter(
    (row) =>
      row.country === country &&
      row.year === year &&
      row.commodity.description === commodity &&
      (options.source === undefined || row.provenance.source === options.source),
  );
  if (rows.length === 0) {
    const own = (dataset.balances ?? []).filter((row) => row.country === country);
    const years = [
      ...new Set(
        own.filter((row) => row.commodity.description === commodity).map((row) => row.year),
      ),
    ].sort((a, b) => a - b);
    const commodities = [...new Set(own.map((row) => row.commodity.description))].sort();
    const message =
      own.length === 0
        ? `expected balance rows for ${country}, but the dataset has none`
        : years.length > 0
          ? `expected a year with balance rows for ${country}, "${commodity}" (${years.join(', ')}), got ${year}`
          : `expected a commodity with balance rows for ${country} (${commodities.map((c) => `"${c}"`).join(', ')}), got "${commodity}"`;
    throw new RareEarthsError(fn, 'not-found', [{ path: ['options'], message }]);
  }
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const newest = [...new Set(rows.map((row) => row.provenance.source))].sort((a, b) =>
    publicationKey(sources.get(b)).localeCompare(publicationKey(sources.get(a))),
  )[0] as string;
  const own = rows.filter((row) => row.provenance.source === newest);
  const item = (name: BalanceRecord['item']) => own.find((row) => row.item === name);
  const production = amountOf(item('production'));
  const imports = amountOf(item('imports'));
  const exports = amountOf(item('exports'));
  const apparent = amountOf(item('apparent-consumption'));
  const reported = item('net-import-reliance');

  let computed: number | undefined;
  let method: string;
  if (imports !== undefined && exports !== undefined) {
    const consumption =
      apparent ?? (production === undefined ? undefined : production.plus(imports).minus(exports));
    if (consumption === undefined) {
      method =
        'imports and exports are known but apparent consumption is neither given nor computable';
    } else if (consumption.isNegative() || consumption.isZero()) {
      method = `apparent consumption (production + imports − exports) is ${consumption.toFixed()}, not positive: the ratio is undefined`;
    } else {
      computed = imports.minus(exports).dividedBy(consumption).toNumber();
      method = '(imports − exports) / apparent consumption';
    }
  } else if (apparent !== undefined && production !== undefined && !apparent.isZero()) {
    computed = apparent.minus(production).dividedBy(apparent).toNumber();
    method =
      '(apparent consumption − production) / apparent consumption, which equals (imports − exports) / apparent consumption';
  } else {
    method = 'the rows give neither imports and exports nor apparent consumption and production';
  }

  const inputs: { -readonly [K in keyof ImportReliance['inputs']]: number } = {};
  if (production !== undefined) inputs.production = production.toNumber();
  if (imports !== undefined) inputs.imports = imports.toNumber();
  if (exports !== undefined) inputs.exports = exports.toNumber();
  if (apparent !== undefined) inputs.apparentConsumption = apparent.toNumber();
  let published: ImportReliance['published'];
  if (reported !== undefined) {
    const value: {
      -readonly [K in keyof NonNullable<ImportReliance['published']>]: NonNullable<
        ImportReliance['published']
      >[K];
    } = {};
    if (reported.share !== undefined) value.share = reported.share;
    if (reported.bound !== undefined) value.bound = reported.bound;
    if (reported.netExporter !== undefined) value.netExporter = reported.netExporter;
    published = value;
  }
  const partners = partnersOf(dataset, country, year, commodity, options.element);
  const result: ImportReliance = {
    country,
    year,
    commodity,
    source: sources.get(newest) as Source,
    method,
    inputs,
    ...(computed === undefined ? {} : { computed }),
    ...(published === undefined ? {} : { published }),
    ...(partners === undefined ? {} : { partners }),
  };
  return result;
}
