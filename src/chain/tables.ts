import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type {
  Dataset,
  Source,
  Stage,
  StageName,
  StageOutput,
  SupplierCode,
} from '../model/index.js';
import { readStage } from '../model/internal.js';
import { checkInteger, Dec, toDec } from '../numeric/internal.js';
import { convertMass, type Mass, massFromJSON, sumMasses } from '../quantity/index.js';
import { checkDataset } from './dataset.js';

/**
 * How to pick the year of a table: `'exact'` takes only the requested year; `'latest'` takes
 * the most recent year at or before it (the year used is reported).
 *
 * @category Chain
 */
export type YearMatch = 'exact' | 'latest';

/**
 * What a quantity table's shares are shares of: `'rowSum'`, the sum of the table's rows
 * (shares then sum to 1), or `'publishedWorldTotal'`, the world total the source prints beside
 * the rows (USGS "World total (rounded)", from `dataset.worldTotals`; shares then sum to the
 * rows' sum ÷ that total, e.g. 393,950 / 390,000 ≈ 1.0101 for MCS 2025, 2024).
 *
 * @category Chain
 */
export type ShareDenominator = 'rowSum' | 'publishedWorldTotal';

/**
 * Options for {@link stageTable} and {@link stageShares}.
 *
 * @category Chain
 */
export interface StageTableOptions {
  /** The stage; `'refining'` is read as `'separation'`. */
  readonly stage: StageName;
  /** The calendar year. */
  readonly year: number;
  /**
   * An element: only tables scoped to it (whose `elements` include it, e.g. the EU's shares
   * for Dy and Tb) answer; a table of all rare earths is never relabelled as one element's.
   */
  readonly element?: ElementSymbol;
  /** `'production'` (default) or `'capacity'`. */
  readonly measure?: 'production' | 'capacity';
  /** Use this source's table (an id of `dataset.sources`); default the newest source. */
  readonly source?: string;
  /** `'exact'` (default) or `'latest'` (the latest year at or before `year`). */
  readonly yearMatch?: YearMatch;
  /** For quantity tables: `'rowSum'` (default) or `'publishedWorldTotal'`. */
  readonly denominator?: ShareDenominator;
}

/**
 * One country's row of a {@link StageTable}.
 *
 * @category Chain
 */
export interface StageRow {
  /** The country, or `'other'` for the residual row. */
  readonly country: SupplierCode;
  /** Share of the table's denominator (0–1); with the default denominators the shares sum to 1. */
  readonly share: number;
  /** The quantity, when the source publishes quantities. */
  readonly quantity?: Mass;
}

/**
 * A table of a source for one stage, measure, year and scope, as {@link TableChoice} names it.
 *
 * @category Chain
 */
export interface TableRef {
  /** The source id. */
  readonly source: string;
  /** The table's year. */
  readonly year: number;
  /** The elements it covers; absent for all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** How many rows (countries and residual) it has. */
  readonly rows: number;
}

/**
 * Why a table was not used: `'older-source'` (another source's table for the same year; the
 * newest source wins and tables of different sources are never added together),
 * `'not-requested-source'` (`options.source` asks for another), `'total-not-element'` (a table
 * of all rare earths, not relabelled as the requested element's), `'other-scope'` (the same
 * source's table for another group of elements that also covers the element).
 *
 * @category Chain
 */
export type LeftOutReason =
  | 'older-source'
  | 'not-requested-source'
  | 'total-not-element'
  | 'other-scope';

/**
 * A table that could have answered a request but did not, and why.
 *
 * @category Chain
 */
export interface LeftOutTable extends TableRef {
  /** The reason, as a code. */
  readonly reason: LeftOutReason;
  /** The reason in words. */
  readonly why: string;
}

/**
 * Which table answers a request, and which were left out: the visible trace of
 * {@link stageTable}'s choice.
 *
 * @category Chain
 */
export interface TableChoice {
  /** What was asked (the stage as read: `'refining'` becomes `'separation'`). */
  readonly requested: {
    /** The stage. */
    readonly stage: Stage;
    /** The year asked for. */
    readonly year: number;
    /** The element asked for, if any. */
    readonly element?: ElementSymbol;
    /** The source asked for, if any. */
    readonly source?: string;
    /** How the year was matched. */
    readonly yearMatch: YearMatch;
  };
  /** The table used. */
  readonly used: TableRef;
  /**
   * Present when the table is of an earlier year than asked (`yearMatch: 'latest'`): an
   * assumption that the earlier year stands for the requested one.
   */
  readonly fallbackYear?: {
    /** The year asked for. */
    readonly requested: number;
    /** The year of the table used. */
    readonly used: number;
    /** The assumption, in words. */
    readonly why: string;
  };
  /**
   * Tables of the stage and measure from the used year up to the requested one that were not
   * used (other sources, all-rare-earth tables for an element request), with the reason.
   */
  readonly leftOut: readonly LeftOutTable[];
}

/**
 * What a table's shares are shares of.
 *
 * @category Chain
 */
export interface TableDenominator {
  /**
   * `'rowSum'` or `'publishedWorldTotal'` for quantity tables; `'publishedShares'` for share
   * tables (the published shares, normalised to their sum).
   */
  readonly used: ShareDenominator | 'publishedShares';
  /** The denominator itself, for quantity tables (exact, the rows' unit and basis). */
  readonly total?: Mass;
  /** The sum of the rows, for quantity tables. */
  readonly rowSum?: Mass;
  /** The source's own world total for this table, when the dataset has one (the other choice). */
  readonly publishedWorldTotal?: {
    /** The total, in the rows' unit. */
    readonly quantity: Mass;
    /** Whether the source says it is rounded. */
    readonly rounded: boolean;
    /** Where in the source. */
    readonly locator?: string;
  };
  /** The sum of the rows' shares under this denominator (1 for row sums and published shares). */
  readonly shareSum: number;
  /** The denominator in words, with the other choice when there is one. */
  readonly note: string;
}

/**
 * The evidence behind a table's rows, counted by their provenance tag: a table of estimates
 * (USGS marks most mine production "e") says so instead of reading as measured figures.
 *
 * @category Chain
 */
export interface TableEvidence {
  /** Rows tagged `'reported'`. */
  readonly reported: number;
  /** Rows tagged `'derived'`. */
  readonly derived: number;
  /** Rows tagged `'estimate'`. */
  readonly estimate: number;
  /** Who made the estimates, as the rows' `estimatedBy` say (each once, in row order). */
  readonly estimatedBy: readonly string[];
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
  /** The sum of the rows' quantities (exact), for quantity tables. */
  readonly total?: Mass;
  /** The residual row's share (0 when the table has none). */
  readonly residualShare: number;
  /** For share tables, the sum of the shares as published (rounding makes it differ from 1). */
  readonly publishedShareSum?: number;
  /** What the shares are shares of, and the other choice. */
  readonly denominator: TableDenominator;
  /** Which table was chosen, the fallback year if any, and what was left out and why. */
  readonly choice: TableChoice;
  /** How many of the table's rows are reported, derived or estimated, and who made the estimates. */
  readonly evidence: TableEvidence;
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

/** Check and read the shared options of the table functions. @internal */
export function readTableOptions(fn: string, options: StageTableOptions) {
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, year }', options);
  }
  const stage = readStage(fn, ['options', 'stage'], options.stage);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const measure = options.measure ?? 'production';
  if (measure !== 'production' && measure !== 'capacity') {
    invalidArgument(fn, ['options', 'measure'], "'production' or 'capacity'", measure);
  }
  const yearMatch = options.yearMatch ?? 'exact';
  if (yearMatch !== 'exact' && yearMatch !== 'latest') {
    invalidArgument(fn, ['options', 'yearMatch'], "'exact' or 'latest'", yearMatch);
  }
  const denominator = options.denominator ?? 'rowSum';
  if (denominator !== 'rowSum' && denominator !== 'publishedWorldTotal') {
    invalidArgument(
      fn,
      ['options', 'denominator'],
      "'rowSum' or 'publishedWorldTotal'",
      denominator,
    );
  }
  return {
    stage,
    year,
    measure,
    yearMatch,
    denominator,
    element: options.element,
    source: options.source,
  };
}

interface Candidate {
  readonly key: string;
  readonly source: string;
  readonly year: number;
  readonly elements: readonly ElementSymbol[] | undefined;
  readonly rows: StageOutput[];
  /** Each row's index in `dataset.stageOutputs`, to place an error. */
  readonly indices: number[];
}

/** All tables of a stage and measure, grouped by source, year and elements. */
function candidates(
  dataset: Dataset,
  stage: Stage,
  measure: 'production' | 'capacity',
): Candidate[] {
  const groups = new Map<string, Candidate>();
  (dataset.stageOutputs ?? []).forEach((row, index) => {
    if (row.stage !== stage || row.measure !== measure) return;
    const key = [row.provenance.source, row.year, (row.elements ?? []).join('+')].join('|');
    const group = groups.get(key) ?? {
      key,
      source: row.provenance.source,
      year: row.year,
      elements: row.elements,
      rows: [],
      indices: [],
    };
    group.rows.push(row);
    group.indices.push(index);
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Whether a table's scope answers the request: its elements include the element, or, for no element, it covers all. */
function inScope(group: Candidate, element: ElementSymbol | undefined): boolean {
  return element === undefined
    ? group.elements === undefined
    : group.elements?.includes(element) === true;
}

/**
 * What a request asks for, and why no table answers it, in words.
 *
 * @internal
 */
export function describeGap(
  options: ReturnType<typeof readTableOptions>,
  years: readonly number[],
  totalYears: readonly number[] = [],
): { what: string; reason: string } {
  const { stage, year, measure, yearMatch, element, source } = options;
  const scope = element === undefined ? 'all rare earths' : element;
  const what = `${measure} at the ${stage} stage (${scope}${source === undefined ? '' : `, source ${source}`})`;
  const base =
    years.length === 0
      ? `the dataset has no ${what}`
      : `the dataset has ${what} for ${years.join(', ')}, none ${yearMatch === 'exact' ? 'for' : 'at or before'} ${year}`;
  // Only the totals that would have answered had they been the element's.
  const passed = totalYears.filter((y) => (yearMatch === 'exact' ? y === year : y <= year));
  const totals =
    element === undefined || passed.length === 0
      ? ''
      : `; its tables of all rare earths (${passed.join(', ')}) are not relabelled as ${element}`;
  return { what, reason: `${base}${totals}` };
}

/** The years with tables that match a request (any year). @internal */
export function tableYears(
  dataset: Dataset,
  options: ReturnType<typeof readTableOptions>,
): number[] {
  const years = new Set<number>();
  for (const group of candidates(dataset, options.stage, options.measure)) {
    if (options.source !== undefined && group.source !== options.source) continue;
    if (inScope(group, options.element)) years.add(group.year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The years with all-rare-earth tables, for an element request that none of its own answers. @internal */
export function totalTableYears(
  dataset: Dataset,
  options: ReturnType<typeof readTableOptions>,
): number[] {
  if (options.element === undefined) return [];
  return tableYears(dataset, { ...options, element: undefined });
}

function refOf(group: Candidate): TableRef {
  return group.elements === undefined
    ? { source: group.source, year: group.year, rows: group.rows.length }
    : { source: group.source, year: group.year, elements: group.elements, rows: group.rows.length };
}

/**
 * The rows of the table that answers a request, chosen by: a table scoped to the requested
 * element (or, without one, a table of all rare earths); the requested year (or the latest
 * before it); then the newest source. Also what was left out, and why.
 *
 * @internal
 */
export function selectTable(
  fn: string,
  dataset: Dataset,
  options: ReturnType<typeof readTableOptions>,
): { chosen: Candidate; others: Candidate[]; choice: TableChoice } {
  const { stage, year, measure, yearMatch, element, source } = options;
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  if (source !== undefined && !sources.has(source)) {
    invalidArgument(fn, ['options', 'source'], 'the id of a source of the dataset', source);
  }
  const all = candidates(dataset, stage, measure);
  const yearFits = (g: Candidate | number) => {
    const y = typeof g === 'number' ? g : g.year;
    return yearMatch === 'exact' ? y === year : y <= year;
  };
  const eligible = all.filter(
    (g) => (source === undefined || g.source === source) && inScope(g, element) && yearFits(g),
  );
  if (eligible.length === 0) {
    const years = tableYears(dataset, options);
    const totals = totalTableYears(dataset, options);
    const gap = describeGap(options, years, totals);
    const passed = totals.filter(yearFits);
    const relabel =
      element === undefined || passed.length === 0
        ? ''
        : `; the tables of all rare earths (${passed.join(', ')}) are not relabelled as ${element}`;
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'year'],
        message:
          years.length === 0
            ? `expected a year with data, but the dataset has no ${gap.what}${relabel}`
            : `expected a year with ${gap.what} (${years.join(', ')}), got ${year}${relabel}`,
      },
    ]);
  }
  const rank = (g: Candidate): [number, string] => [g.year, publicationKey(sources.get(g.source))];
  eligible.sort((a, b) => {
    const [ya, pa] = rank(a);
    const [yb, pb] = rank(b);
    return yb - ya || (pb < pa ? -1 : pb > pa ? 1 : a.source.localeCompare(b.source));
  });
  const [chosen, ...others] = eligible as [Candidate, ...Candidate[]];
  const leftOut: LeftOutTable[] = [];
  const published = (id: string) => publicationKey(sources.get(id));
  for (const g of all) {
    if (g === chosen || g.year < chosen.year || !yearFits(g)) continue;
    const total = element !== undefined && g.elements === undefined;
    if (!total && !inScope(g, element)) continue;
    let reason: LeftOutReason;
    let why: string;
    if (total) {
      reason = 'total-not-element';
      why = `a table of all rare earths, not of ${element}: a total is never relabelled as one element's`;
    } else if (source !== undefined && g.source !== source) {
      reason = 'not-requested-source';
      why = `options.source asks for ${source}`;
    } else if (g.source === chosen.source) {
      reason = 'other-scope';
      why = `the same source's table for ${(g.elements ?? []).join(', ')}; ${chosen.source}'s table for ${(chosen.elements ?? []).join(', ')} is used`;
    } else {
      reason = 'older-source';
      why = `another source's table for ${g.year} (${g.source}, published ${published(g.source)}); the newest source's (${chosen.source}, published ${published(chosen.source)}) is used and tables of different sources are not added together: ask for it with source: '${g.source}'`;
    }
    leftOut.push({ ...refOf(g), reason, why });
  }
  leftOut.sort((a, b) => b.year - a.year || a.source.localeCompare(b.source));
  const requested = {
    stage,
    year,
    yearMatch,
    ...(element === undefined ? {} : { element }),
    ...(source === undefined ? {} : { source }),
  };
  const scope = element === undefined ? 'all rare earths' : element;
  const choice: TableChoice = {
    requested,
    used: refOf(chosen),
    leftOut,
    ...(chosen.year === year
      ? {}
      : {
          fallbackYear: {
            requested: year,
            used: chosen.year,
            why: `the ${chosen.year} table (${chosen.source}) stands for ${year}, the latest ${measure} table at the ${stage} stage (${scope}) at or before it`,
          },
        }),
  };
  return { chosen, others, choice };
}

function byShare(a: StageRow, b: StageRow): number {
  if (a.country === 'other') return 1;
  if (b.country === 'other') return -1;
  return b.share - a.share || a.country.localeCompare(b.country);
}

/**
 * A stage's country breakdown for a year, from the table that best answers the request, with
 * how it was read, which table was chosen and what was left out.
 *
 * Which table: with `element`, only a table scoped to it (whose `elements` include it, e.g. the
 * EU's shares for Dy and Tb); a table of all rare earths is never relabelled as one element's,
 * so a year with only totals is not found (the message says so). Then the requested year (with
 * `yearMatch: 'latest'`, the most recent year at or before it, stated in `choice.fallbackYear`);
 * then the newest source (by publication date), so that the newest edition is the default and
 * older ones stay reachable with `source`. Tables of different sources are never added
 * together: a row of another source for the same year (a user's own figure, say) stays in its
 * own table, listed in `choice.leftOut` with the reason.
 *
 * Quantities give exact shares: quantity ÷ the sum of the rows (`denominator: 'rowSum'`, the
 * default), or quantity ÷ the source's published world total (`'publishedWorldTotal'`, from
 * `dataset.worldTotals`; USGS rounds that total on its own, so the shares then sum to the rows'
 * sum ÷ the total, not to 1). `denominator` says which was used and carries the other. Published
 * shares are normalised to sum to 1 (they are rounded), the published sum is reported, and a gap
 * below 1 becomes an `'other'` row. The residual row is kept and labelled `'other'`: it is many
 * producers, not one.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage` and `year`; optionally `element`, `measure`, `source`, `yearMatch`,
 *   `denominator`
 * @returns the table with rows sorted by share, its source, its denominator, the choice and a note
 * @throws {@link RareEarthsError} (`not-found`) when no table matches (the message lists the
 *   years that have data) or when `denominator: 'publishedWorldTotal'` and the dataset has no
 *   world total for the table; (`invalid-argument`) for an unknown stage, source or option, or a
 *   negative quantity in a row (naming `dataset.stageOutputs[i]`)
 * @example
 * ```ts
 * import { stageTable } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const mining = stageTable(baseline, { stage: 'mining', year: 2024 });
 * mining.source.id; // => 'usgs-mcs-2026'
 * mining.rows[0]?.country; // => 'CHN'
 * mining.basis; // => 'quantities'
 * mining.choice.leftOut.map((t) => [t.source, t.reason]); // => [['usgs-mcs-2025', 'older-source']]
 * // MCS 2025: China 270,000 t of the published world total, 390,000 t (rounded)
 * const world = stageTable(baseline, { stage: 'mining', year: 2024, source: 'usgs-mcs-2025', denominator: 'publishedWorldTotal' });
 * world.rows[0]?.share; // ≈ 0.6923
 * world.denominator.rowSum?.amount; // => '393950'
 * ```
 */
export function stageTable(dataset: Dataset, options: StageTableOptions): StageTable {
  const fn = 'stageTable';
  checkDataset(fn, dataset, ['stageOutputs']);
  const read = readTableOptions(fn, options);
  return buildTable(fn, dataset, read);
}

/** The published world total of a table, if the dataset has one. */
function worldTotalOf(dataset: Dataset, chosen: Candidate, stage: Stage, measure: string) {
  const scope = (chosen.elements ?? []).join('+');
  return (dataset.worldTotals ?? []).find(
    (t) =>
      t.provenance.source === chosen.source &&
      t.stage === stage &&
      t.measure === measure &&
      t.year === chosen.year &&
      (t.elements ?? []).join('+') === scope,
  );
}

/** @internal */
export function buildTable(
  fn: string,
  dataset: Dataset,
  read: ReturnType<typeof readTableOptions>,
): StageTable {
  return buildTableWithRecords(fn, dataset, read).table;
}

/**
 * {@link buildTable}, and the indices in `dataset.stageOutputs` of the table's rows in the order
 * the dataset holds them: the records whose numbers the table reads (a Monte Carlo draw that
 * changes none of them leaves the table as it is).
 *
 * @internal
 */
export function buildTableWithRecords(
  fn: string,
  dataset: Dataset,
  read: ReturnType<typeof readTableOptions>,
): { readonly table: StageTable; readonly records: readonly number[] } {
  const { chosen, others, choice } = selectTable(fn, dataset, read);
  return { table: tableOf(fn, dataset, read, chosen, others, choice), records: chosen.indices };
}

function tableOf(
  fn: string,
  dataset: Dataset,
  read: ReturnType<typeof readTableOptions>,
  chosen: Candidate,
  others: readonly Candidate[],
  choice: TableChoice,
): StageTable {
  const source = dataset.sources.find((s) => s.id === chosen.source) as Source;
  const alternatives = others.map((g) =>
    g.elements === undefined
      ? { source: g.source, year: g.year }
      : { source: g.source, year: g.year, elements: g.elements },
  );
  const quantityRows = chosen.rows.filter((row) => row.quantity !== undefined);
  const scope = chosen.elements === undefined ? 'all rare earths' : chosen.elements.join(', ');
  const base = {
    stage: read.stage,
    year: chosen.year,
    measure: read.measure,
    source,
    alternatives,
    choice,
    evidence: evidenceOf(chosen.rows),
  };
  const withElements =
    chosen.elements === undefined ? base : { ...base, elements: chosen.elements };
  if (quantityRows.length === chosen.rows.length) {
    const masses = quantityRows.map((row, i) => {
      const mass = massFromJSON(row.quantity);
      // A dataset passed without parseDataset may hold a negative figure: name its record.
      if (new Dec(mass.amount).isNegative()) {
        invalidArgument(
          fn,
          ['dataset', 'stageOutputs', chosen.indices[i] as number, 'quantity', 'amount'],
          'a non-negative quantity',
          row.quantity?.amount,
        );
      }
      return mass;
    });
    const rowSum = sumMasses(masses);
    const published = worldTotalOf(dataset, chosen, read.stage, read.measure);
    const world =
      published === undefined
        ? undefined
        : {
            quantity: convertMass(massFromJSON(published.quantity), rowSum.unit),
            rounded: published.rounded === true,
            ...(published.provenance.locator === undefined
              ? {}
              : { locator: published.provenance.locator }),
          };
    if (world !== undefined && world.quantity.basis !== rowSum.basis) {
      invalidArgument(
        fn,
        ['dataset', 'worldTotals'],
        `a world total on the rows' basis (${rowSum.basis}) for ${chosen.source} ${chosen.year}`,
        world.quantity.basis,
      );
    }
    if (read.denominator === 'publishedWorldTotal' && world === undefined) {
      throw new RareEarthsError(fn, 'not-found', [
        {
          path: ['options', 'denominator'],
          message: `expected a published world total for the ${read.stage} table of ${chosen.source} (${chosen.year}, ${scope}), but dataset.worldTotals has none: use denominator 'rowSum'`,
        },
      ]);
    }
    const total = read.denominator === 'publishedWorldTotal' && world ? world.quantity : rowSum;
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
    const shareSum = totalDec.isZero() ? 0 : new Dec(rowSum.amount).dividedBy(totalDec).toNumber();
    const tonnes = (m: Mass) => `${Number(m.amount).toLocaleString('en-US')} ${m.unit}`;
    const worldWords =
      world === undefined
        ? `${chosen.source} gives no world total for this table in the dataset`
        : `the published world total is ${tonnes(world.quantity)}${world.rounded ? ' (rounded)' : ''}`;
    const denominatorNote =
      total === rowSum
        ? `Shares of the sum of the rows, ${tonnes(rowSum)}; ${worldWords}${world === undefined ? '' : ", the other denominator (denominator: 'publishedWorldTotal')"}.`
        : `Shares of the published world total, ${tonnes(total)}${world?.rounded === true ? ' (rounded)' : ''}; the rows sum to ${tonnes(rowSum)}, so the shares sum to ${round(shareSum)} (denominator: 'rowSum' gives shares of the row sum).`;
    return {
      ...withElements,
      basis: 'quantities',
      rows,
      total: rowSum,
      residualShare,
      denominator: {
        used: total === rowSum ? 'rowSum' : 'publishedWorldTotal',
        total,
        rowSum,
        ...(world === undefined ? {} : { publishedWorldTotal: world }),
        shareSum,
        note: denominatorNote,
      },
      note: `Shares of ${read.measure} (${scope}) computed from the quantities in ${source.title}${source.edition === undefined ? '' : ` (${source.edition})`}, ${chosen.year}.`,
    };
  }
  const { rows, publishedShareSum, gap } = publishedShareRows(chosen.rows);
  const gapNote = gap
    ? ` The published shares sum to ${round(publishedShareSum)}; the remainder is shown as 'other'.`
    : '';
  const residualShare = rows
    .filter((row) => row.country === 'other')
    .reduce((acc, row) => acc + row.share, 0);
  const sharesNote = `Shares as published, normalised from a published sum of ${round(publishedShareSum)}${read.denominator === 'publishedWorldTotal' ? ' (a share table has no world total in tonnes, so the denominator asked for does not apply)' : ''}.`;
  return {
    ...withElements,
    basis: 'shares',
    rows,
    residualShare,
    publishedShareSum,
    denominator: { used: 'publishedShares', shareSum: 1, note: sharesNote },
    note: `Shares of ${read.measure} (${scope}) as published in ${source.title}, ${chosen.year}, normalised from a published sum of ${round(publishedShareSum)}.${gapNote}`,
  };
}

/**
 * The rows of a table of published shares: the shares as published, a gap below 0.99 shown as an
 * `'other'` row when the table has none, normalised to their sum, largest first and the residual
 * last; with the published sum and whether a gap row was added.
 *
 * @internal
 */
export function publishedShareRows(records: readonly Pick<StageOutput, 'country' | 'share'>[]): {
  readonly rows: StageRow[];
  readonly publishedShareSum: number;
  readonly gap: boolean;
} {
  const published = records.map((row) => row.share ?? 0);
  const publishedShareSum = published.reduce((sum, share) => sum + share, 0);
  let entries = records.map((row, i) => ({
    country: row.country,
    share: published[i] as number,
  }));
  const gap = publishedShareSum < 0.99 && !entries.some((e) => e.country === 'other');
  if (gap) entries = [...entries, { country: 'other', share: 1 - publishedShareSum }];
  const sum = entries.reduce((acc, e) => acc + e.share, 0);
  const rows = entries
    .map((e) => ({ country: e.country, share: sum === 0 ? 0 : e.share / sum }))
    .sort(byShare);
  return { rows, publishedShareSum, gap };
}

function evidenceOf(rows: readonly StageOutput[]): TableEvidence {
  const count = { reported: 0, derived: 0, estimate: 0 };
  const by = new Set<string>();
  for (const { provenance } of rows) {
    count[provenance.tag] += 1;
    if (provenance.estimatedBy !== undefined) by.add(provenance.estimatedBy);
  }
  return { ...count, estimatedBy: [...by] };
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
