import { hhi } from '../concentration/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type {
  Dataset,
  EvidenceTag,
  Facility,
  FacilityFigure,
  Owner,
  Stage,
  StageName,
} from '../model/index.js';
import { readStage } from '../model/internal.js';
import { checkInteger } from '../numeric/internal.js';
import { massFromJSON, massToNumber } from '../quantity/index.js';
import { checkDataset } from './dataset.js';
import { buildTable, readTableOptions, type StageTable, tableYears } from './tables.js';

/**
 * Options for {@link controlVsLocation}.
 *
 * @category Chain
 */
export interface ControlOptions {
  /** The stage; `'refining'` is read as `'separation'`. */
  readonly stage: StageName;
  /** The calendar year. */
  readonly year: number;
  /**
   * What the shares are of. `'stage'`: the stage's world output, from the dataset's production
   * table for the year (see {@link stageTable}), facilities' outputs placed in their country's row.
   * `'facilities'`: only the dataset's facilities of the stage. Default `'stage'` when the dataset
   * has a production table of the stage (all rare earths) for the year and `measure` is not
   * `'capacity'`, else `'facilities'`; the result says which and why.
   */
  readonly scope?: 'stage' | 'facilities';
  /**
   * With scope `'facilities'`: weigh facilities by `'output'` in the year or by `'capacity'` (the
   * latest at or before the year, none before the facility's start year). Default output where any
   * facility of the stage has output for the year, else capacity. Scope `'stage'` uses output.
   */
  readonly measure?: 'output' | 'capacity';
  /**
   * Trace indirect stakes (owners with `via`): a holder of a fraction s of a company that owns a
   * fraction t of the asset counts s × t for the holder's home country, the company keeping
   * t × (1 − Σ s). Default `false`: only direct owners of the asset count.
   */
  readonly lookThrough?: boolean;
  /**
   * What to do with output whose owners the data does not give. `'unknown'` (default): show it as
   * `'unknown'`. `'host'`: attribute it to the country where it is (an assumption, reported in
   * `assumptions` and in `coverage.assumedHost`); the residual `'other'` row stays unknown.
   */
  readonly unknownOwners?: 'unknown' | 'host';
}

/**
 * One owner's part of a facility, as {@link controlVsLocation} counted it.
 *
 * @category Chain
 */
export interface CountedStake {
  /** The owner's name. */
  readonly name: string;
  /** The owner's home country, to which its part is attributed. */
  readonly homeCountry: string;
  /** The stake in the facility counted for this owner (0–1): direct, or traced through `via`. */
  readonly stake: number;
  /** The company the stake is held through, for a traced indirect stake. */
  readonly via?: string;
  /** The source id of the ownership figure, when the data gives one. */
  readonly source?: string;
  /** Its evidence tag (reported, derived or estimate), when the data gives one. */
  readonly tag?: EvidenceTag;
}

/**
 * A facility as counted by {@link controlVsLocation}.
 *
 * @category Chain
 */
export interface ControlledFacility {
  /** The facility id. */
  readonly id: string;
  /** Where it is. */
  readonly country: string;
  /** Its figure for the year as read, t per year on its own basis (output or capacity). */
  readonly weight: number;
  /**
   * With scope `'stage'`: the tonnes counted against its country's row (t REO per year); less
   * than `weight` when the facilities of a country report more than the table's row.
   */
  readonly placed?: number;
  /** The owners' stakes counted; the part of the facility they leave is in `unknownStake`. */
  readonly owners: readonly CountedStake[];
  /** The fraction of the facility (0–1) whose owners the data does not give. */
  readonly unknownStake: number;
  /** Owners the data names without a stake: their part is in `unknownStake`. */
  readonly ownersWithoutStake: readonly string[];
}

/**
 * A facility of the stage that {@link controlVsLocation} did not count, and why.
 *
 * @category Chain
 */
export interface UncountedFacility {
  /** The facility id. */
  readonly id: string;
  /** Why it is not counted, e.g. "no output for 2024". */
  readonly reason: string;
}

/**
 * Shares of a stage by where its output is made and by the home countries of its owners.
 *
 * @category Chain
 */
export interface ControlVsLocation {
  /** The stage. */
  readonly stage: Stage;
  /** The year. */
  readonly year: number;
  /** What the shares are of: the stage's world output, or the facilities counted. */
  readonly scope: 'stage' | 'facilities';
  /** What weighs the facilities: `'output'` in the year or `'capacity'`. */
  readonly measure: 'output' | 'capacity';
  /** With scope `'stage'`: the table the location shares and the denominator come from. */
  readonly table?: {
    /** The source id. */
    readonly source: string;
    /** The table's year. */
    readonly year: number;
    /** `'quantities'` (tonnes, so facilities can be placed in it) or `'shares'`. */
    readonly basis: 'quantities' | 'shares';
    /** The denominator, t REO: the sum of the table's rows (quantity tables only). */
    readonly total?: number;
  };
  /** Shares by location: the country where the output is made (`'other'`: the table's residual). */
  readonly byLocation: Readonly<Record<string, number>>;
  /**
   * Shares by control: owners' home countries, stake-weighted; `'unknown'` for output whose owners
   * the data does not give. With the shares in `byLocation`, each sums to 1.
   */
  readonly byControl: Readonly<Record<string, number>>;
  /** Shares by location and then by control (fractions of the whole; they sum to 1). */
  readonly byLocationAndControl: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How much of the output has known owners. The three parts sum to 1. */
  readonly coverage: {
    /** Share attributed by sourced stakes. */
    readonly attributed: number;
    /** Share attributed to its host country by `unknownOwners: 'host'` (an assumption; else 0). */
    readonly assumedHost: number;
    /** Share whose owners the data does not give, shown as `'unknown'`. */
    readonly unknown: number;
    /** The `assumedHost` part by location (fractions of the whole). */
    readonly assumedHostByLocation: Readonly<Record<string, number>>;
    /** The `unknown` part by location (fractions of the whole): where the unattributed output is. */
    readonly unknownByLocation: Readonly<Record<string, number>>;
  };
  /** HHI by location (fraction); the residual `'other'` counted as many small producers. */
  readonly hhiLocation: number;
  /** HHI by control (fraction), the `'unknown'` part counted as many small owners (a lower bound). */
  readonly hhiControl: number;
  /** The facilities counted. */
  readonly facilities: readonly ControlledFacility[];
  /** The facilities of the stage not counted, and why. */
  readonly uncounted: readonly UncountedFacility[];
  /** Every assumption the figures rest on, in words. */
  readonly assumptions: readonly string[];
  /** What the figures cover and leave out. */
  readonly note: string;
}

/** A facility figure for a year: exact for output; for capacity the latest at or before it. */
function figureFor(
  facility: Facility,
  measure: 'output' | 'capacity',
  year: number,
): FacilityFigure | undefined {
  if (measure === 'capacity' && facility.startYear !== undefined && facility.startYear > year)
    return undefined;
  const figures = measure === 'output' ? facility.output : facility.capacity;
  const usable = (figures ?? []).filter((f) =>
    measure === 'output' ? f.year === year : f.year === undefined || f.year <= year,
  );
  const totals = usable.filter((f) => f.elements === undefined);
  return [...(totals.length > 0 ? totals : usable)].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0),
  )[0];
}

function tonnes(figure: FacilityFigure): number {
  const mass = massFromJSON(figure.quantity);
  return mass.unit === 'kg' ? massToNumber(mass) / 1000 : massToNumber(mass);
}

/** Why a facility has no figure for the year, in words. */
function missingReason(facility: Facility, measure: 'output' | 'capacity', year: number): string {
  if (measure === 'capacity' && facility.startYear !== undefined && facility.startYear > year)
    return `starts in ${facility.startYear}, after ${year}`;
  const figures = measure === 'output' ? facility.output : facility.capacity;
  const years = [...new Set((figures ?? []).map((f) => f.year ?? 'undated'))];
  if (years.length === 0) {
    const other = measure === 'output' ? facility.capacity : facility.output;
    return `no ${measure} figures${(other ?? []).length > 0 ? ` (it has ${measure === 'output' ? 'capacity' : 'output'} figures)` : ''}`;
  }
  return `no ${measure} ${measure === 'output' ? 'for' : 'at or before'} ${year} (${measure} for ${years.join(', ')})`;
}

interface Stakes {
  readonly counted: CountedStake[];
  readonly unknown: number;
  readonly withoutStake: string[];
}

function counted(owner: Owner, stake: number, via?: string): CountedStake {
  return {
    name: owner.name,
    homeCountry: owner.homeCountry,
    stake,
    ...(via === undefined ? {} : { via }),
    ...(owner.provenance === undefined
      ? {}
      : { source: owner.provenance.source, tag: owner.provenance.tag }),
  };
}

/** The stakes of a facility as counted: direct owners, and with lookThrough their holders. */
function stakesOf(owners: readonly Owner[], lookThrough: boolean): Stakes {
  const out: CountedStake[] = [];
  const withoutStake: string[] = [];
  const spread = (owner: Owner, stake: number, seen: ReadonlySet<string>): void => {
    const holders = lookThrough
      ? owners.filter((o) => o.via === owner.name && !seen.has(o.name))
      : [];
    let held = 0;
    for (const holder of holders) {
      if (holder.stake === undefined) {
        withoutStake.push(holder.name);
        continue;
      }
      held += holder.stake;
      const part = stake * holder.stake;
      const before = out.length;
      spread(holder, part, new Set([...seen, holder.name]));
      // A holder with holders of its own keeps only what they leave; record the via on its part.
      for (let i = before; i < out.length; i++) {
        const entry = out[i] as CountedStake;
        if (entry.name === holder.name && entry.via === undefined)
          out[i] = { ...entry, via: owner.name };
      }
    }
    const kept = stake * Math.max(0, 1 - held);
    if (kept > 0) out.push(counted(owner, kept));
  };
  let assigned = 0;
  for (const owner of owners) {
    if (owner.via !== undefined) continue;
    if (owner.stake === undefined) {
      withoutStake.push(owner.name);
      continue;
    }
    assigned += owner.stake;
    spread(owner, owner.stake, new Set([owner.name]));
  }
  // Stakes within 1e-9 of 1 leave no unknown remainder (rounding in published stakes).
  return { counted: out, unknown: assigned >= 1 - 1e-9 ? 0 : 1 - assigned, withoutStake };
}

function add(record: Record<string, number>, key: string, value: number): void {
  if (value > 0) record[key] = (record[key] ?? 0) + value;
}

function sortedShares(record: Record<string, number>, total: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(record).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    out[k] = total > 0 ? v / total : 0;
  return out;
}

function percent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toString()}%`;
}

/** Σ s² over the identified keys, the skipped one counted as many small parts (a lower bound). */
function hhiKnown(shares: Readonly<Record<string, number>>, skip: string): number {
  const known = Object.entries(shares)
    .filter(([k, v]) => k !== skip && v > 0)
    .map(([, v]) => v);
  if (known.length === 0) return 0;
  const sum = known.reduce((a, b) => a + b, 0);
  // hhi normalises to the known part; rescale by its squared share of the whole.
  return sum >= 1 - 1e-12 ? hhi(known) : hhi(known) * sum * sum;
}

function readOptions(fn: string, options: ControlOptions) {
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, year }', options);
  }
  const stage = readStage(fn, ['options', 'stage'], options.stage);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const { measure, scope, lookThrough, unknownOwners } = options;
  if (measure !== undefined && measure !== 'output' && measure !== 'capacity') {
    invalidArgument(fn, ['options', 'measure'], "'output' or 'capacity'", measure);
  }
  if (scope !== undefined && scope !== 'stage' && scope !== 'facilities') {
    invalidArgument(fn, ['options', 'scope'], "'stage' or 'facilities'", scope);
  }
  if (lookThrough !== undefined && typeof lookThrough !== 'boolean') {
    invalidArgument(fn, ['options', 'lookThrough'], 'true or false', lookThrough);
  }
  if (unknownOwners !== undefined && unknownOwners !== 'unknown' && unknownOwners !== 'host') {
    invalidArgument(fn, ['options', 'unknownOwners'], "'unknown' or 'host'", unknownOwners);
  }
  if (scope === 'stage' && measure === 'capacity') {
    invalidArgument(
      fn,
      ['options', 'measure'],
      "'output' with scope 'stage' (the stage's table is production, which capacity is not)",
      measure,
    );
  }
  return {
    stage,
    year,
    measure,
    scope,
    lookThrough: lookThrough ?? false,
    host: unknownOwners === 'host',
  };
}

/**
 * Control versus location: a stage's shares by the country where its output is made, and by the
 * home countries of the owners, stake-weighted. Investment abroad makes the two differ (an
 * Australian-owned separation plant in Malaysia counts for Malaysia by location and for
 * Australia by control; a Chinese stake in an American miner counts for China by control).
 *
 * Scope `'stage'` (the default where the dataset has a production table of the stage for the
 * year): location shares are the table's rows; each facility's output for the year (all rare
 * earths, t REO) is placed in its country's row (or the residual `'other'` row), and the owners'
 * stakes attribute it. What no facility accounts for, and the part of a facility the stakes
 * leave, is `'unknown'`, never given to the host country unless `unknownOwners: 'host'` says so.
 * A table of published shares has no tonnes to place facilities in, so all of it is unknown by
 * control (`coverage.unknown` is 1). Scope `'facilities'`: the shares are of the facilities with a
 * figure for the year (output, or capacity), not of the stage.
 *
 * Owner stakes are as of the dates their sources give, which may differ from the year asked.
 * Float64 results (shares, not exact decimals).
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage`, `year`; optionally `scope`, `measure`, `lookThrough`, `unknownOwners`
 * @returns shares by location, by control and by both; the coverage of known owners; the
 *   facilities counted and not counted; and the assumptions used
 * @throws {@link RareEarthsError} (`invalid-argument`) for bad options; (`not-found`) when scope
 *   `'stage'` is asked for and the dataset has no production table of the stage for the year,
 *   or, with scope `'facilities'`, when no facility of the stage has a figure for the year (the
 *   message lists each facility and what it lacks, at `dataset.facilities[i]`)
 * @example
 * ```ts
 * import { controlVsLocation } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // 2024 mining, USGS MCS 2026: Mountain Pass (45,455 t REO) is the only mine with output data
 * const mining = controlVsLocation(baseline, { stage: 'mining', year: 2024, lookThrough: true });
 * mining.byLocation.CHN; // ≈ 0.703
 * mining.byControl.USA; // ≈ 0.109
 * mining.byControl.CHN; // ≈ 0.0095
 * mining.coverage.unknown; // ≈ 0.882
 * // The facilities alone: Lynas Malaysia (Australian-owned) and Mountain Pass, NdPr oxide
 * const plants = controlVsLocation(baseline, { stage: 'separation', year: 2024, scope: 'facilities' });
 * plants.byLocation; // ≈ { MYS: 0.814, USA: 0.186 }
 * plants.byControl; // ≈ { AUS: 0.814, USA: 0.186 }
 * ```
 */
export function controlVsLocation(dataset: Dataset, options: ControlOptions): ControlVsLocation {
  const fn = 'controlVsLocation';
  checkDataset(fn, dataset, ['facilities', 'stageOutputs']);
  const read = readOptions(fn, options);
  const { stage, year } = read;
  const tableOptions = readTableOptions(fn, { stage, year });
  const hasTable = tableYears(dataset, tableOptions).includes(year);
  const scope = read.scope ?? (hasTable && read.measure !== 'capacity' ? 'stage' : 'facilities');
  const indexed = (dataset.facilities ?? [])
    .map((facility, index) => ({ facility, index }))
    .filter(({ facility }) => facility.stage === stage);
  const assumptions: string[] = [];
  if (read.lookThrough)
    assumptions.push(
      "Indirect stakes are traced (lookThrough): a holder of a fraction s of a company owning t of an asset counts s × t for the holder's home country; the company keeps the rest of its stake for its own home.",
    );
  else if (indexed.some(({ facility }) => (facility.owners ?? []).some((o) => o.via !== undefined)))
    assumptions.push(
      'Only direct owners count; stakes held through a parent company (via) are not traced (pass lookThrough: true to trace them).',
    );
  const result =
    scope === 'stage'
      ? stageScope(read, indexed, buildTable(fn, dataset, tableOptions), assumptions)
      : facilityScope(fn, read, indexed, assumptions, hasTable);
  if (result.facilities.some((f) => f.owners.length > 0))
    assumptions.push(
      'Owner stakes are as of the dates their sources give (see each stake’s source), which may differ from the year asked.',
    );
  return result;
}

type Read = ReturnType<typeof readOptions>;
type Indexed = readonly { facility: Facility; index: number }[];

/** Attribute tonnes of one location to its owners; returns the part left unknown. */
function attribute(
  matrix: Record<string, Record<string, number>>,
  location: string,
  amount: number,
  stakes: Stakes,
): number {
  const row = matrix[location] ?? {};
  matrix[location] = row;
  for (const s of stakes.counted) add(row, s.homeCountry, amount * s.stake);
  return amount * stakes.unknown;
}

function finish(
  read: Read,
  scope: 'stage' | 'facilities',
  measure: 'output' | 'capacity',
  matrix: Record<string, Record<string, number>>,
  unknownBy: Record<string, number>,
  total: number,
  rest: Pick<ControlVsLocation, 'facilities' | 'uncounted' | 'note'> & {
    readonly table?: ControlVsLocation['table'];
    readonly location: Record<string, number>;
  },
  assumptions: string[],
): ControlVsLocation {
  let attributed = 0;
  let assumedHost = 0;
  let unknown = 0;
  const hostBy: Record<string, number> = {};
  const unknownAt: Record<string, number> = {};
  for (const [location, amount] of Object.entries(unknownBy)) {
    if (amount <= 0) continue;
    const row = matrix[location] ?? {};
    matrix[location] = row;
    if (read.host && location !== 'other') {
      add(row, location, amount);
      add(hostBy, location, amount);
      assumedHost += amount;
    } else {
      add(row, 'unknown', amount);
      add(unknownAt, location, amount);
      unknown += amount;
    }
  }
  const control: Record<string, number> = {};
  const byLocationAndControl: Record<string, Record<string, number>> = {};
  for (const [location, row] of Object.entries(matrix)) {
    for (const [owner, amount] of Object.entries(row)) add(control, owner, amount);
    byLocationAndControl[location] = sortedShares(row, total);
  }
  attributed = Math.max(0, total - assumedHost - unknown);
  const share = (value: number) => (total > 0 ? value / total : 0);
  if (read.host)
    assumptions.push(
      `Output whose owners the data does not give is attributed to its host country (unknownOwners: 'host'): ${percent(share(assumedHost))} of the ${scope === 'stage' ? 'stage' : 'facilities counted'}. This is an assumption, not data; the residual 'other' row has no host and stays unknown.`,
    );
  else
    assumptions.push(
      `Output whose owners the data does not give is shown as 'unknown' (${percent(share(unknown))} of the ${scope === 'stage' ? 'stage' : 'facilities counted'}), not attributed to its host country.`,
    );
  const byLocation = sortedShares(rest.location, total);
  const byControl = sortedShares(control, total);
  return {
    stage: read.stage,
    year: read.year,
    scope,
    measure,
    ...(rest.table === undefined ? {} : { table: rest.table }),
    byLocation,
    byControl,
    byLocationAndControl,
    coverage: {
      attributed: share(attributed),
      assumedHost: share(assumedHost),
      unknown: share(unknown),
      assumedHostByLocation: sortedShares(hostBy, total),
      unknownByLocation: sortedShares(unknownAt, total),
    },
    hhiLocation: hhiKnown(byLocation, 'other'),
    hhiControl: hhiKnown(byControl, 'unknown'),
    facilities: rest.facilities,
    uncounted: rest.uncounted,
    assumptions,
    note: rest.note,
  };
}

function stageScope(
  read: Read,
  indexed: Indexed,
  table: StageTable,
  assumptions: string[],
): ControlVsLocation {
  const { stage, year } = read;
  const matrix: Record<string, Record<string, number>> = {};
  const unknownBy: Record<string, number> = {};
  const location: Record<string, number> = {};
  const facilities: ControlledFacility[] = [];
  const uncounted: UncountedFacility[] = [];
  const rowCountries = new Set(table.rows.map((r) => r.country));
  if (table.basis === 'shares' || table.total === undefined) {
    for (const row of table.rows) {
      location[row.country] = row.share;
      unknownBy[row.country] = row.share;
    }
    for (const { facility } of indexed)
      uncounted.push({
        id: facility.id,
        reason: `the ${stage} table for ${year} (${table.source.id}) gives shares, not tonnes, so a facility's tonnes cannot be placed in it`,
      });
    assumptions.push(
      `Location shares are those published by ${table.source.id} for ${table.year} (normalised to sum to 1); the table has no tonnes, so no facility's owners can be placed in it and control is unknown for all of the stage. Scope 'facilities' shows the facilities alone.`,
    );
    return finish(
      read,
      'stage',
      'output',
      matrix,
      unknownBy,
      1,
      {
        table: { source: table.source.id, year: table.year, basis: 'shares' },
        location,
        facilities,
        uncounted,
        note: `Shares of the ${stage} stage in ${year}: location from ${table.source.id} (published shares); no ownership can be attributed against a share table.`,
      },
      assumptions,
    );
  }
  const total = massToNumber(table.total);
  const placeable = new Map<string, { facility: Facility; weight: number; stakes: Stakes }[]>();
  for (const { facility } of indexed) {
    const figure = figureFor(facility, 'output', year);
    if (figure === undefined) {
      uncounted.push({ id: facility.id, reason: missingReason(facility, 'output', year) });
      continue;
    }
    if (figure.elements !== undefined || figure.quantity.basis !== table.total.basis) {
      uncounted.push({
        id: facility.id,
        reason: `its ${year} output is ${figure.elements === undefined ? '' : `${figure.elements.join('')} only, `}${figure.quantity.basis} basis; the table counts all rare earths, ${table.total.basis} basis`,
      });
      continue;
    }
    const weight = tonnes(figure);
    if (!(weight > 0)) {
      uncounted.push({ id: facility.id, reason: `its ${year} output is 0` });
      continue;
    }
    const key = rowCountries.has(facility.country) ? facility.country : 'other';
    if (!rowCountries.has(key)) {
      uncounted.push({
        id: facility.id,
        reason: `${facility.country} has no row in the ${stage} table for ${year} (${table.source.id}) and the table has no residual row`,
      });
      continue;
    }
    const list = placeable.get(key) ?? [];
    list.push({ facility, weight, stakes: stakesOf(facility.owners ?? [], read.lookThrough) });
    placeable.set(key, list);
  }
  for (const row of table.rows) {
    const rowTonnes = row.quantity === undefined ? 0 : massToNumber(row.quantity);
    location[row.country] = (location[row.country] ?? 0) + rowTonnes;
    const here = placeable.get(row.country) ?? [];
    const sum = here.reduce((acc, p) => acc + p.weight, 0);
    const scale = sum > rowTonnes ? rowTonnes / sum : 1;
    if (scale < 1)
      assumptions.push(
        `Facility outputs in ${row.country} (${sum} t) exceed its row in ${table.source.id} (${rowTonnes} t); they are scaled down to the row.`,
      );
    let left = rowTonnes;
    for (const { facility, weight, stakes } of here) {
      const placed = weight * scale;
      left -= placed;
      add(unknownBy, row.country, attribute(matrix, row.country, placed, stakes));
      facilities.push({
        id: facility.id,
        country: facility.country,
        weight,
        placed,
        owners: stakes.counted,
        unknownStake: stakes.unknown,
        ownersWithoutStake: stakes.withoutStake,
      });
    }
    add(unknownBy, row.country, Math.max(0, left));
  }
  assumptions.push(
    `Location shares are those of ${table.source.id} for ${table.year}; the denominator is the sum of the table's rows, ${total} t REO.`,
  );
  if (facilities.length === 0)
    assumptions.push(
      `No facility of the dataset has ${stage} output for ${year} that can be placed in the table, so control is unknown for all of the stage.`,
    );
  return finish(
    read,
    'stage',
    'output',
    matrix,
    unknownBy,
    total,
    {
      table: { source: table.source.id, year: table.year, basis: 'quantities', total },
      location,
      facilities,
      uncounted,
      note: `Shares of the ${stage} stage in ${year} (${table.source.id}, ${total} t REO): ${facilities.length} of the dataset's ${indexed.length} ${stage} facilities have output placed in it (${facilities.map((f) => f.id).join(', ') || 'none'}); the rest of the stage has unknown owners unless said otherwise.`,
    },
    assumptions,
  );
}

function facilityScope(
  fn: string,
  read: Read,
  indexed: Indexed,
  assumptions: string[],
  hasTable: boolean,
): ControlVsLocation {
  const { stage, year } = read;
  const outputs = indexed.map(({ facility }) => figureFor(facility, 'output', year));
  const measure = read.measure ?? (outputs.some((w) => w !== undefined) ? 'output' : 'capacity');
  const weighted: { facility: Facility; weight: number }[] = [];
  const uncounted: UncountedFacility[] = [];
  indexed.forEach(({ facility }, i) => {
    const figure = measure === 'output' ? outputs[i] : figureFor(facility, 'capacity', year);
    if (figure === undefined) {
      uncounted.push({ id: facility.id, reason: missingReason(facility, measure, year) });
      return;
    }
    const weight = tonnes(figure);
    if (weight > 0) weighted.push({ facility, weight });
    else uncounted.push({ id: facility.id, reason: `its ${measure} for ${year} is 0` });
  });
  if (weighted.length === 0) {
    const issues =
      indexed.length === 0
        ? [
            {
              path: ['dataset', 'facilities'],
              message: `expected at least one facility of the ${stage} stage, found none`,
            },
          ]
        : indexed.map(({ facility, index }) => ({
            path: ['dataset', 'facilities', index],
            message: `expected ${measure} for ${year} from ${stage} facility ${JSON.stringify(facility.id)}: ${uncounted.find((u) => u.id === facility.id)?.reason ?? `its ${measure} for ${year} is 0`}`,
          }));
    throw new RareEarthsError(fn, 'not-found', issues);
  }
  const matrix: Record<string, Record<string, number>> = {};
  const unknownBy: Record<string, number> = {};
  const location: Record<string, number> = {};
  const facilities: ControlledFacility[] = [];
  let total = 0;
  for (const { facility, weight } of weighted) {
    total += weight;
    add(location, facility.country, weight);
    const stakes = stakesOf(facility.owners ?? [], read.lookThrough);
    add(unknownBy, facility.country, attribute(matrix, facility.country, weight, stakes));
    facilities.push({
      id: facility.id,
      country: facility.country,
      weight,
      owners: stakes.counted,
      unknownStake: stakes.unknown,
      ownersWithoutStake: stakes.withoutStake,
    });
  }
  const bases = new Set(
    weighted.map(({ facility }) => {
      const figure = figureFor(facility, measure, year) as FacilityFigure;
      return `${figure.quantity.basis}${figure.elements === undefined ? '' : ` ${figure.elements.join('')}`}`;
    }),
  );
  assumptions.push(
    `Shares are of the ${weighted.length} ${stage} facilities with ${measure} for ${year}, not of the whole stage${hasTable ? '' : ` (the dataset has no ${stage} production table for ${year})`}.`,
  );
  if (bases.size > 1)
    assumptions.push(
      `The facilities' figures are on different bases (${[...bases].join('; ')}) and are added as tonnes.`,
    );
  return finish(
    read,
    'facilities',
    measure,
    matrix,
    unknownBy,
    total,
    {
      location,
      facilities,
      uncounted,
      note: `${weighted.length} of the dataset's ${indexed.length} ${stage} facilities have ${measure} for ${year}; shares describe those facilities, not the whole stage.`,
    },
    assumptions,
  );
}

/**
 * The part of a stage made outside a country, and how much of it that country's owners control.
 *
 * @category Chain
 */
export interface ControlAbroad {
  /** The country asked about. */
  readonly country: string;
  /** Share of the stage (or of the facilities counted) made outside the country (0–1). */
  readonly outside: number;
  /** Of the output made outside, the fraction controlled by the country's owners (sourced stakes). */
  readonly controlled: number;
  /** Of the output made outside, the fraction attributed to other countries' owners. */
  readonly others: number;
  /** Of the output made outside, the fraction attributed to its host by `unknownOwners: 'host'`. */
  readonly assumedHost: number;
  /** Of the output made outside, the fraction whose owners the data does not give. */
  readonly unknown: number;
}

/**
 * How much of a stage made outside a country is controlled by that country's owners: the
 * question "how much mining outside China is Chinese-controlled?", read off a
 * {@link controlVsLocation} result. `controlled` is a floor set by the coverage: `unknown` says
 * how much of the output abroad has owners the data does not give.
 *
 * The output in the residual `'other'` row counts as outside. Float64 results.
 *
 * @category Chain
 * @param result - a result of {@link controlVsLocation}
 * @param country - an ISO 3166-1 alpha-3 code, e.g. `'CHN'`
 * @returns the share made outside and its split into controlled, others, assumed host and unknown
 *   (fractions of the output outside, summing to 1)
 * @throws {@link RareEarthsError} (`invalid-argument`) when `result` is not a result of
 *   {@link controlVsLocation} or `country` is not a three-letter code
 * @example
 * ```ts
 * import { controlAbroad, controlVsLocation } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const mining = controlVsLocation(baseline, { stage: 'mining', year: 2024, lookThrough: true });
 * const abroad = controlAbroad(mining, 'CHN');
 * abroad.outside; // ≈ 0.297
 * abroad.controlled; // ≈ 0.032
 * abroad.unknown; // ≈ 0.601
 * ```
 */
export function controlAbroad(result: ControlVsLocation, country: string): ControlAbroad {
  const fn = 'controlAbroad';
  if (
    typeof result !== 'object' ||
    result === null ||
    typeof result.byLocationAndControl !== 'object' ||
    result.byLocationAndControl === null
  ) {
    invalidArgument(fn, ['result'], 'a result of controlVsLocation', result);
  }
  if (typeof country !== 'string' || !/^[A-Z]{3}$/.test(country)) {
    invalidArgument(fn, ['country'], 'an ISO 3166-1 alpha-3 code such as "CHN"', country);
  }
  let outside = 0;
  let controlled = 0;
  let host = 0;
  let unknown = 0;
  for (const [location, row] of Object.entries(result.byLocationAndControl)) {
    if (location === country) continue;
    for (const [owner, value] of Object.entries(row)) {
      outside += value;
      if (owner === country) controlled += value;
    }
    host += result.coverage.assumedHostByLocation[location] ?? 0;
    unknown += result.coverage.unknownByLocation[location] ?? 0;
  }
  const of = (value: number) => (outside > 0 ? value / outside : 0);
  return {
    country,
    outside,
    controlled: of(controlled),
    others: of(Math.max(0, outside - controlled - host - unknown)),
    assumedHost: of(host),
    unknown: of(unknown),
  };
}
