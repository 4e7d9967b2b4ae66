import { hhiBounds } from '../concentration/index.js';
import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument } from '../errors/index.js';
import type { Dataset, Source, Stage, SupplierCode, TradeFlow } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';
import { coversYear } from './records.js';
import { publicationKey } from './tables.js';

/**
 * Options for {@link importSources}.
 *
 * @category Chain
 */
export interface ImportSourcesOptions {
  /** The importing country (ISO alpha-3) or region (e.g. `'EU27'`). */
  readonly importer: string;
  /** The year: sourcing shares for that year, or for a period that covers it. */
  readonly year: number;
  /** Keep only tables that cover this element (tables without elements cover all). */
  readonly element?: ElementSymbol;
}

/**
 * One published table of where an importer's supply of a commodity comes from.
 *
 * @category Chain
 */
export interface SourcingTable {
  /** The commodity as the source describes it. */
  readonly commodity: string;
  /** The stage whose product it is, when the source says. */
  readonly stage?: Stage;
  /** The elements covered; absent for all. */
  readonly elements?: readonly ElementSymbol[];
  /** The years the shares cover. */
  readonly period: {
    /** First year. */
    readonly from: number;
    /** Last year (inclusive). */
    readonly to: number;
  };
  /** Shares by exporter (and `'other'`), as published (they may not sum to exactly 1). */
  readonly shares: Readonly<Record<SupplierCode, number>>;
  /** HHI of the exporters (fraction), the residual counted as many small exporters. */
  readonly hhi: number;
  /** The source. */
  readonly source: Source;
}

/**
 * Where an importer's supply comes from: every published sourcing table (trade shares by
 * exporter) that covers the year, with the concentration of each. USGS publishes US import
 * sources as four-year averages; the EU criticality assessment publishes EU sourcing shares by
 * stage. Tables covering all rare earths come first, then element-scoped ones; within each, by
 * stage (upstream first), then newest source first.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `importer` and `year`; optionally `element`
 * @returns the tables, possibly none (an importer with no sourcing data)
 * @throws {@link RareEarthsError} (`invalid-argument`) for a malformed importer code or year
 * @example
 * ```ts
 * import { importSources } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const us = importSources(baseline, { importer: 'USA', year: 2024 });
 * us[0]?.commodity; // => 'rare-earth compounds and metals'
 * us[0]?.shares.CHN; // => 0.71
 * importSources(baseline, { importer: 'JPN', year: 2024 }); // => []
 * ```
 */
export function importSources(dataset: Dataset, options: ImportSourcesOptions): SourcingTable[] {
  return importSourcesWithRecords(dataset, options).map((t) => t.table);
}

/**
 * {@link importSources}, each table with the indices in `dataset.tradeFlows` of its flows.
 *
 * @internal
 */
export function importSourcesWithRecords(
  dataset: Dataset,
  options: ImportSourcesOptions,
): { readonly table: SourcingTable; readonly records: readonly number[] }[] {
  const fn = 'importSources';
  checkDataset(fn, dataset, ['tradeFlows']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { importer, year }', options);
  }
  const { importer, element } = options;
  if (typeof importer !== 'string' || !/^[A-Z][A-Z0-9]{1,7}$/.test(importer)) {
    invalidArgument(
      fn,
      ['options', 'importer'],
      'a country or region code such as "USA" or "EU27"',
      importer,
    );
  }
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  return sourcingTablesWithRecords(dataset, importer, year, element);
}

function identifiedShare(shares: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const [exporter, share] of Object.entries(shares)) if (exporter !== 'other') sum += share;
  return sum;
}

/** The sourcing tables of an importer covering a year. @internal */
export function sourcingTables(
  dataset: Dataset,
  importer: string,
  year: number,
  element: ElementSymbol | undefined,
): SourcingTable[] {
  return sourcingTablesWithRecords(dataset, importer, year, element).map((t) => t.table);
}

/**
 * Shares by exporter of a table's flows, added up in the flows' order (an exporter listed twice
 * counts twice).
 *
 * @internal
 */
export function sharesByExporter(
  flows: readonly Pick<TradeFlow, 'exporter' | 'share'>[],
): Record<SupplierCode, number> {
  const shares: Record<SupplierCode, number> = {};
  for (const flow of flows)
    shares[flow.exporter] = (shares[flow.exporter] ?? 0) + (flow.share ?? 0);
  return shares;
}

/**
 * {@link sourcingTables}, each with the indices in `dataset.tradeFlows` of its flows, in the
 * dataset's order: the records whose shares the table reads.
 *
 * @internal
 */
export function sourcingTablesWithRecords(
  dataset: Dataset,
  importer: string,
  year: number,
  element: ElementSymbol | undefined,
): { readonly table: SourcingTable; readonly records: readonly number[] }[] {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const groups = new Map<string, TradeFlow[]>();
  const indices = new Map<string, number[]>();
  for (const [index, flow] of (dataset.tradeFlows ?? []).entries()) {
    if (flow.importer !== importer || flow.share === undefined) continue;
    if (!coversYear(flow, year)) continue;
    if (element !== undefined && flow.elements !== undefined && !flow.elements.includes(element))
      continue;
    const key = [
      flow.provenance.source,
      flow.commodity.description,
      flow.commodity.stage ?? '',
      flow.year ?? '',
      flow.period?.from ?? '',
      flow.period?.to ?? '',
      (flow.elements ?? []).join('+'),
    ].join('|');
    groups.set(key, [...(groups.get(key) ?? []), flow]);
    indices.set(key, [...(indices.get(key) ?? []), index]);
  }
  const order: Record<Stage, number> = { mining: 0, separation: 1, metal: 2, magnet: 3 };
  const tables = [...groups].map(([key, flows]) => {
    const first = flows[0] as TradeFlow;
    const shares = sharesByExporter(flows);
    const table: SourcingTable = {
      commodity: first.commodity.description,
      period: first.period ?? { from: first.year as number, to: first.year as number },
      shares,
      // With nothing but "other", the exporters are many and unknown: the lower bound is 0.
      hhi: identifiedShare(shares) > 0 ? hhiBounds(shares, { residual: ['other'] }).lower : 0,
      source: sources.get(first.provenance.source) as Source,
      ...(first.commodity.stage === undefined ? {} : { stage: first.commodity.stage }),
      ...(first.elements === undefined ? {} : { elements: first.elements }),
    };
    return { table, records: indices.get(key) as number[] };
  });
  return tables.sort(
    ({ table: a }, { table: b }) =>
      Number(a.elements !== undefined) - Number(b.elements !== undefined) ||
      (a.stage === undefined ? 4 : order[a.stage]) - (b.stage === undefined ? 4 : order[b.stage]) ||
      publicationKey(b.source).localeCompare(publicationKey(a.source)) ||
      a.commodity.localeCompare(b.commodity),
  );
}
