import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Dataset, Source, Stage, StageOutput, SupplierCode } from '../model/types.js';
import { Dec, toDec } from '../numeric/decimal.js';
import { checkInteger } from '../numeric/numeric.js';
import { type Mass, massFromJSON, sumMasses } from '../quantity/index.js';
import { checkDataset } from './dataset.js';

/**
 * How to pick the year of a table: `'exact'` takes only the requested year; `'latest'` takes
 * the most recent year at or before it (the year used is reported).
 *
 * @category Chain
 */
export type YearMatch = 'exact' | 'latest';

/**
 * Options for {@link stageTable} and {@link stageShares}.
 *
 * @category Chain
 */
export interface StageTableOptions {
  /** The stage. */
  readonly stage: Stage;
  /** The calendar year. */
  readonly year: number;
  /** An element: prefer tables scoped to it (e.g. the EU's heavy rare-earth processing shares). */
  readonly element?: ElementSymbol;
  /** `'production'` (default) or `'capacity'`. */
  readonly measure?: 'production' | 'capacity';
  /** Use this source's table (an id of `dataset.sources`); default the newest source. */
  readonly source?: string;
  /** `'exact'` (default) or `'latest'` (the latest year at or before `year`). */
  readonly yearMatch?: YearMatch;
}

/**
 * One country's row of a {@link StageTable}.
 *
 * @category Chain
 */
export interface StageRow {
  /** The country, or `'other'` for the residual row. */
  readonly country: SupplierCode;
  /** Share of the stage's world total (0–1); the rows' shares sum to 1. */
  readonly share: number;
  /** The quantity, when the source publishes quantities. */
  readonly quantity?: Mass;
}

/**
 * A stage's country breakdown for a year, from one source's table.
 *
 * @category Chain
 */
export interface StageTable {
  /** The stage. */
  readonly stage: Stage;
  /** The year of the table (may be earlier than asked with `yearMatch: 'latest'`). */
  readonly year: number;
  /** `'production'` or `'capacity'`. */
  readonly measure: 'production' | 'capacity';
  /** The elements the table covers; absent for all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** The source of the table. */
  readonly source: Source;
  /** `'quantities'` when shares were computed from tonnages, `'shares'` when published as shares. */
  readonly basis: 'quantities' | 'shares';
  /** Rows, largest share first, the residual `'other'` last. */
  readonly rows: readonly StageRow[];
  /** The total of the quantities (exact), for quantity tables. */
  readonly total?: Mass;
  /** The residual row's share (0 when the table has none). */
  readonly residualShare: number;
  /** For share tables, the sum of the shares as published (rounding makes it differ from 1). */
  readonly publishedShareSum?: number;
  /** How the table was read, in words. */
  readonly note: string;
  /** The other tables that match the request (source, year, elements), for transparency. */
  readonly alternatives: readonly {
    /** The source id. */
    readonly source: string;
    /** The table's year. */
    readonly year: number;
    /** The elements it covers; absent for all. */
    readonly elements?: readonly ElementSymbol[];
  }[];
}

/** The sortable publication date of a source (newest first wins). @internal */
export function publicationKey(source: Source | undefined): string {
  if (source === undefined) return '';
  return source.published ?? String(source.year);
}

function checkStage(fn: string, value: unknown): Stage {
  if (value === 'mining' || value === 'separation' || value === 'metal' || value === 'magnet')
    return value;
  return invalidArgument(
    fn,
    ['options', 'stage'],
    "'mining', 'separation', 'metal' or 'magnet'",
    value,
  );
}

/** Check and read the shared options of the table functions. @internal */
export function readTableOptions(fn: string, options: StageTableOptions) {
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, year }', options);
  }
  const stage = checkStage(fn, options.stage);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const measure = options.measure ?? 'production';
  if (measure !== 'production' && measure !== 'capacity') {
    invalidArgument(fn, ['options', 'measure'], "'production' or 'capacity'", measure);
  }
  const yearMatch = options.yearMatch ?? 'exact';
  if (yearMatch !== 'exact' && yearMatch !== 'latest') {
    invalidArgument(fn, ['options', 'yearMatch'], "'exact' or 'latest'", yearMatch);
  }
  return { stage, year, measure, yearMatch, element: options.element, source: options.source };
}

interface Candidate {
  readonly key: string;
  readonly source: string;
  readonly year: number;
  readonly elements: readonly ElementSymbol[] | undefined;
  readonly rows: StageOutput[];
}

/**
 * What a request asks for, and why no table answers it, in words.
 *
 * @internal
 */
export function describeGap(
  options: ReturnType<typeof readTableOptions>,
  years: readonly number[],
): { what: string; reason: string } {
  const { stage, year, measure, yearMatch, element, source } = options;
  const scope = element === undefined ? 'all rare earths' : element;
  const what = `${measure} at the ${stage} stage (${scope}${source === undefined ? '' : `, source ${source}`})`;
  const reason =
    years.length === 0
      ? `the dataset has no ${what}`
      : `the dataset has ${what} for ${years.join(', ')}, none ${yearMatch === 'exact' ? 'for' : 'at or before'} ${year}`;
  return { what, reason };
}

/** The years with tables that match a request (any year). @internal */
export function tableYears(
  dataset: Dataset,
  options: ReturnType<typeof readTableOptions>,
): number[] {
  const years = new Set<number>();
  for (const row of dataset.stageOutputs ?? []) {
    if (row.stage !== options.stage || row.measure !== options.measure) continue;
    if (options.source !== undefined && row.provenance.source !== options.source) continue;
    if (
      options.element === undefined
        ? row.elements !== undefined
        : row.elements !== undefined && !row.elements.includes(options.element)
    )
      continue;
    years.add(row.year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The rows of the table that answers a request, chosen by: the requested year (or the latest
 * before it), then a table scoped to the requested element over a total, then the newest source.
 *
 * @internal
 */
export function selectTable(
  fn: string,
  dataset: Dataset,
  options: ReturnType<typeof readTableOptions>,
): { chosen: Candidate; others: Candidate[] } {
  const { stage, year, measure, yearMatch, element, source } = options;
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  if (source !== undefined && !sources.has(source)) {
    invalidArgument(fn, ['options', 'source'], 'the id of a source of the dataset', source);
  }
  const groups = new Map<string, Candidate>();
  for (const row of dataset.stageOutputs ?? []) {
    if (row.stage !== stage || row.measure !== measure) continue;
    if (source !== undefined && row.provenance.source !== source) continue;
    if (element !== undefined && row.elements !== undefined && !row.elements.includes(element))
      continue;
    if (element === undefined && row.elements !== undefined) continue;
    const key = [row.provenance.source, row.year, (row.elements ?? []).join('+')].join('|');
    const group = groups.get(key) ?? {
      key,
      source: row.provenance.source,
      year: row.year,
      elements: row.elements,
      rows: [],
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const eligible = all.filter((g) => (yearMatch === 'exact' ? g.year === year : g.year <= year));
  if (eligible.length === 0) {
    const years = [...new Set(all.map((g) => g.year))].sort((a, b) => a - b);
    const gap = describeGap(options, years);
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'year'],
        message:
          years.length === 0
            ? `expected a year with data, but the dataset has no ${gap.what}`
            : `expected a year with ${gap.what} (${years.join(', ')}), got ${year}`,
      },
    ]);
  }
  const rank = (g: Candidate): [number, number, string] => [
    g.year,
    g.elements === undefined ? 0 : 1,
    publicationKey(sources.get(g.source)),
  ];
  eligible.sort((a, b) => {
    const [ya, sa, pa] = rank(a);
    const [yb, sb, pb] = rank(b);
    return yb - ya || sb - sa || (pb < pa ? -1 : pb > pa ? 1 : a.source.localeCompare(b.source));
  });
  const [chosen, ...others] = eligible as [Candidate, ...Candidate[]];
  return { chosen, others };
}

function byShare(a: StageRow, b: StageRow): number {
  if (a.country === 'other') return 1;
  if (b.country === 'other') return -1;
  return b.share - a.share || a.country.localeCompare(b.country);
}

/**
 * A stage's country breakdown for a year, from the table that best answers the request, with
 * how it was read.
 *
 * Which table: the requested year (with `yearMatch: 'latest'`, the most recent year at or
 * before it); a table scoped to `element` when one exists (e.g. the EU's shares for heavy rare
 * earths) over a total; then the newest source (by publication date), so that the newest
 * edition is the default and older ones stay reachable with `source`. Quantities give exact
 * shares (quantity ÷ total). Published shares are normalised to sum to 1 (they are rounded), the
 * published sum is reported, and a gap below 1 becomes an `'other'` row. The residual row is
 * kept and labelled `'other'`: it is many producers, not one.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage` and `year`; optionally `element`, `measure`, `source`, `yearMatch`
 * @returns the table with rows sorted by share, its source and a note
 * @throws {@link RareEarthsError} (`not-found`) when no table matches (the message lists the
 *   years that have data); (`invalid-argument`) for an unknown stage, source or option
 * @example
 * ```ts
 * import { stageTable } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const mining = stageTable(baseline, { stage: 'mining', year: 2024 });
 * mining.source.id; // => 'usgs-mcs-2026'
 * mining.rows[0]?.country; // => 'CHN'
 * mining.basis; // => 'quantities'
 * ```
 */
export function stageTable(dataset: Dataset, options: StageTableOptions): StageTable {
  const fn = 'stageTable';
  checkDataset(fn, dataset, ['stageOutputs']);
  const read = readTableOptions(fn, options);
  return buildTable(fn, dataset, read);
}

/** @internal */
export function buildTable(
  fn: string,
  dataset: Dataset,
  read: ReturnType<typeof readTableOptions>,
): StageTable {
  const { chosen, others } = selectTable(fn, dataset, read);
  const source = dataset.sources.find((s) => s.id === chosen.source) as Source;
  const alternatives = others.map((g) =>
    g.elements === undefined
      ? { source: g.source, year: g.year }
      : { source: g.source, year: g.year, elements: g.elements },
  );
  const quantityRows = chosen.rows.filter((row) => row.quantity !== undefined);
  const scope = chosen.elements === undefined ? 'all rare earths' : chosen.elements.join(', ');
  const base = {
    stage: chosen.rows[0]?.stage as Stage,
    year: chosen.year,
    measure: read.measure,
    source,
    alternatives,
  };
  const withElements =
    chosen.elements === undefined ? base : { ...base, elements: chosen.elements };
  if (quantityRows.length === chosen.rows.length) {
    const masses = quantityRows.map((row) => massFromJSON(row.quantity));
    const total = sumMasses(masses);
    const totalDec = toDec(fn, ['total'], total.amount);
    const rows = quantityRows
      .map((row, i) => {
        const mass = masses[i] as Mass;
        const share = totalDec.isZero() ? 0 : new Dec(mass.amount).dividedBy(totalDec).toNumber();
        return { country: row.country, share, quantity: mass };
      })
      .sort(byShare);
    const residualShare = rows
      .filter((row) => row.country === 'other')
      .reduce((sum, row) => sum + row.share, 0);
    return {
      ...withElements,
      basis: 'quantities',
      rows,
      total,
      residualShare,
      note: `Shares of ${read.measure} (${scope}) computed from the quantities in ${source.title}${source.edition === undefined ? '' : ` (${source.edition})`}, ${chosen.year}.`,
    };
  }
  const published = chosen.rows.map((row) => row.share ?? 0);
  const publishedShareSum = published.reduce((sum, share) => sum + share, 0);
  let entries = chosen.rows.map((row, i) => ({
    country: row.country,
    share: published[i] as number,
  }));
  let gapNote = '';
  if (publishedShareSum < 0.99 && !entries.some((e) => e.country === 'other')) {
    entries = [...entries, { country: 'other', share: 1 - publishedShareSum }];
    gapNote = ` The published shares sum to ${round(publishedShareSum)}; the remainder is shown as 'other'.`;
  }
  const sum = entries.reduce((acc, e) => acc + e.share, 0);
  const rows = entries
    .map((e) => ({ country: e.country, share: sum === 0 ? 0 : e.share / sum }))
    .sort(byShare);
  const residualShare = rows
    .filter((row) => row.country === 'other')
    .reduce((acc, row) => acc + row.share, 0);
  return {
    ...withElements,
    basis: 'shares',
    rows,
    residualShare,
    publishedShareSum,
    note: `Shares of ${read.measure} (${scope}) as published in ${source.title}, ${chosen.year}, normalised from a published sum of ${round(publishedShareSum)}.${gapNote}`,
  };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/**
 * Country shares of a stage in a year: the rows of {@link stageTable} as a record, summing to 1.
 * The residual "other countries", when the source has one, is the key `'other'`.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage` and `year`; optionally `element`, `measure`, `source`, `yearMatch`
 * @returns shares keyed by ISO alpha-3 country code (and `'other'`), fractions summing to 1
 * @throws {@link RareEarthsError} (`not-found`) when no table matches; (`invalid-argument`) for
 *   bad options
 * @example
 * ```ts
 * import { stageShares } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // USGS MCS 2026: China 270,000 of 384,000 t REO mined in 2024 (the sum of the rows)
 * stageShares(baseline, { stage: 'mining', year: 2024 }).CHN; // ≈ 0.703
 * // The earlier edition, MCS 2025, had 270,000 of 393,950 t
 * stageShares(baseline, { stage: 'mining', year: 2024, source: 'usgs-mcs-2025' }).CHN; // ≈ 0.685
 * ```
 */
export function stageShares(
  dataset: Dataset,
  options: StageTableOptions,
): Record<SupplierCode, number> {
  checkDataset('stageShares', dataset, ['stageOutputs']);
  const table = buildTable('stageShares', dataset, readTableOptions('stageShares', options));
  const out: Record<SupplierCode, number> = {};
  for (const row of table.rows) out[row.country] = (out[row.country] ?? 0) + row.share;
  return out;
}
