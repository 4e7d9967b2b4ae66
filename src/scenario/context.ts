// What an evaluation reads from a dataset once, whatever the scenario: each stage's reference table
// and throughput, the import lines with their sourcing and quantities, and the applications'
// demand paths. `createEvaluator` keeps one per reference year, so a sweep reads the dataset once.
import type { StageRow, StageTable } from '../chain/index.js';
import {
  buildTableWithRecords,
  checkDataset,
  importSourcesWithRecords,
  publicationKey,
  readTableOptions,
} from '../chain/internal.js';
import { type ElementSymbol, elementSymbols, isElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError } from '../errors/index.js';
import type {
  Application,
  BalanceRecord,
  Dataset,
  MassValue,
  Stage,
  SupplierCode,
} from '../model/index.js';
import { STAGES, stageList } from '../model/internal.js';
import {
  checkFinite,
  checkFraction,
  checkInteger,
  checkNumeric,
  type Schedule,
  scheduleValueAt,
} from '../numeric/internal.js';
import type { Timing } from '../stocks/index.js';
import type { EvaluateOptions, ScenarioAssumption, StageSize, StageSizeRule } from './types.js';

/** @internal */
export function stageRank(stage: Stage | undefined): number {
  return stage === undefined ? -1 : STAGES.indexOf(stage);
}

/** A stage with a reference table. @internal */
export interface StageReference {
  readonly stage: Stage;
  readonly table: StageTable;
  /** World throughput, t/yr. */
  readonly throughput: number;
  /** share × throughput by supplier, t/yr. */
  readonly base: ReadonlyMap<SupplierCode, number>;
  /** How the stage was sized. */
  readonly size: StageSize;
  /** The indices in `dataset.stageOutputs` of the table's rows, in the dataset's order. */
  readonly records: readonly number[];
}

/** One importer's imports of one commodity, with where they come from. @internal */
export interface ImportLine {
  readonly id: string;
  readonly importer: string;
  /** The stage the sourcing table names, if any. */
  readonly stage?: Stage;
  /** The stages whose products the line carries. */
  readonly stages: readonly Stage[];
  /** The elements covered; absent for all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** `elements` joined by '+'. */
  readonly scope?: string;
  /** Imports, t/yr, when known. */
  readonly quantity?: number;
  /** Sourcing shares by exporter, as published. */
  readonly shares: readonly (readonly [SupplierCode, number])[];
  /**
   * The records the line's numbers come from: indices in `dataset.balances` of the import rows
   * summed into `quantity` (none when `options.imports` gives it) and in `dataset.tradeFlows` of
   * the sourcing flows.
   */
  readonly records: { readonly balances: readonly number[]; readonly flows: readonly number[] };
}

/** An application that has a demand path. @internal */
export interface ApplicationDemand {
  readonly id: string;
  readonly application?: Application;
  readonly elements?: readonly ElementSymbol[];
  readonly scope?: string;
  /** The demand path, t/yr. */
  readonly demandPath: Schedule;
  /** Where the demand path comes from in the input (`['dataset', 'demand']`, `['options', 'demand', id]`), for errors. */
  readonly demandPathSource: readonly (string | number)[];
  /** The first year the path is recorded for (a record, a table's first key); absent: every year. */
  readonly firstYear?: number;
  /** The years of the dataset's records, when the path comes from them. */
  readonly recordYears?: readonly number[];
  /** Ids of the sources of the records. */
  readonly sources: readonly string[];
  /** The records' unit and basis, in words. */
  readonly basis?: string;
}

/** Options read and checked. @internal */
export interface ReadOptions {
  readonly composition?: ReadonlyMap<ElementSymbol, number>;
  readonly capacityFor: Readonly<Record<string, readonly string[]>>;
  readonly historyYears: number;
  readonly salesHistory: 'recorded' | 'hold-first';
  readonly stageSize: ReadonlyMap<Stage, StageSizeRule>;
  readonly timing: Timing;
  readonly collectionRate: number;
  readonly preprocessingYield: number;
  readonly processingYield: number;
  readonly linkStageDemand: boolean;
  readonly excluded: readonly string[];
  readonly share: number;
}

/**
 * What an evaluation reads from a dataset and its options once, whatever the scenario: the inputs
 * of every step. @internal
 */
export interface EvaluationInputs {
  readonly referenceYear: number;
  readonly stages: readonly StageReference[];
  readonly lines: readonly ImportLine[];
  readonly apps: ReadonlyMap<string, ApplicationDemand>;
  readonly facilities: ReadonlyMap<string, { readonly country: string; readonly stage: Stage }>;
  readonly regions: ReadonlyMap<string, readonly string[]>;
  readonly options: ReadOptions;
  readonly assumptions: readonly ScenarioAssumption[];
}

/** Tonnes of a stored mass (kg divided by 1000). @internal */
export function tonnesOf(fn: string, path: readonly (string | number)[], value: MassValue): number {
  const amount = checkNumeric(fn, [...path, 'amount'], value.amount);
  return value.unit === 'kg' ? amount / 1000 : amount;
}

/** The elements in order of atomic number, joined by '+'. @internal */
export function scopeLabel(elements: readonly ElementSymbol[] | undefined): string | undefined {
  if (elements === undefined) return undefined;
  return elementSymbols()
    .filter((symbol) => elements.includes(symbol))
    .join('+');
}

/**
 * The fraction of a product covering elements `x` (absent: all) whose mass lies in elements `y`
 * (absent: all): 1 when `x` lies within `y`, 0 when they share no element, else by the
 * composition's mass shares over `x`; `undefined` when that split needs a composition that is not
 * given (or gives `x` no mass).
 *
 * @internal
 */
export function massShareWithin(
  x: readonly ElementSymbol[] | undefined,
  y: readonly ElementSymbol[] | undefined,
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
): number | undefined {
  if (y === undefined) return 1;
  if (x?.every((symbol) => y.includes(symbol))) return 1;
  if (x !== undefined && !x.some((symbol) => y.includes(symbol))) return 0;
  if (composition === undefined) return undefined;
  let total = 0;
  let inside = 0;
  for (const symbol of x ?? elementSymbols()) {
    const weight = composition.get(symbol) ?? 0;
    total += weight;
    if (y.includes(symbol)) inside += weight;
  }
  return total === 0 ? undefined : inside / total;
}

const DEFAULT_SIZES: readonly (readonly [Stage, StageSizeRule])[] = [
  ['separation', 'mining'],
  ['magnet', { application: 'permanent-magnets' }],
];

function readStageSize(fn: string, given: unknown): Map<Stage, StageSizeRule> {
  const out = new Map<Stage, StageSizeRule>(DEFAULT_SIZES);
  if (given === undefined) return out;
  if (typeof given !== 'object' || given === null) {
    return invalidArgument(fn, ['options', 'stageSize'], 'sizing rules keyed by stage', given);
  }
  for (const [key, rule] of Object.entries(given)) {
    const path = ['options', 'stageSize', key];
    if (!(STAGES as readonly string[]).includes(key)) {
      invalidArgument(fn, path, stageList(), key);
    }
    if (rule === undefined) continue;
    const application = (rule as { application?: unknown } | null)?.application;
    if (rule !== 'mining' && (typeof application !== 'string' || application === '')) {
      invalidArgument(fn, path, "'mining' or { application: id }", rule);
    }
    out.set(key as Stage, rule as StageSizeRule);
  }
  return out;
}

function readOptions(fn: string, options: EvaluateOptions): ReadOptions {
  let composition: Map<ElementSymbol, number> | undefined;
  if (options.composition !== undefined) {
    const record = options.composition as Readonly<Record<string, unknown>>;
    if (typeof record !== 'object' || record === null) {
      invalidArgument(fn, ['options', 'composition'], 'mass shares keyed by element', record);
    }
    composition = new Map();
    let sum = 0;
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      if (!isElementSymbol(key)) {
        invalidArgument(fn, ['options', 'composition', key], 'a rare-earth element symbol', key);
      }
      const share = checkFinite(fn, ['options', 'composition', key], value);
      if (share < 0) {
        invalidArgument(fn, ['options', 'composition', key], 'a non-negative mass share', share);
      }
      composition.set(key, share);
      sum += share;
    }
    if (sum === 0) {
      invalidArgument(fn, ['options', 'composition'], 'at least one positive share', sum);
    }
  }
  const capacityFor = options.capacityFor ?? {};
  for (const [importer, countries] of Object.entries(capacityFor)) {
    if (!Array.isArray(countries) || countries.some((c) => typeof c !== 'string')) {
      invalidArgument(
        fn,
        ['options', 'capacityFor', importer],
        'an array of country codes',
        countries,
      );
    }
  }
  const defaults = options.recyclingDefaults ?? {};
  const excluded = options.resilience?.excluded ?? ['CHN'];
  if (!Array.isArray(excluded) || excluded.some((c) => typeof c !== 'string')) {
    invalidArgument(
      fn,
      ['options', 'resilience', 'excluded'],
      'an array of country codes',
      excluded,
    );
  }
  const timing = options.timing ?? 'middle';
  if (timing !== 'end' && timing !== 'middle' && timing !== 'start') {
    invalidArgument(fn, ['options', 'timing'], "'end', 'middle' or 'start'", timing);
  }
  const salesHistory = options.salesHistory ?? 'recorded';
  if (salesHistory !== 'recorded' && salesHistory !== 'hold-first') {
    invalidArgument(fn, ['options', 'salesHistory'], "'recorded' or 'hold-first'", salesHistory);
  }
  const link = options.linkStageDemand ?? true;
  if (typeof link !== 'boolean') {
    invalidArgument(fn, ['options', 'linkStageDemand'], 'true or false', link);
  }
  return {
    ...(composition === undefined ? {} : { composition }),
    capacityFor,
    historyYears: checkInteger(fn, ['options', 'historyYears'], options.historyYears ?? 30, 0),
    salesHistory,
    stageSize: readStageSize(fn, options.stageSize),
    timing,
    collectionRate: checkFraction(
      fn,
      ['options', 'recyclingDefaults', 'collectionRate'],
      defaults.collectionRate ?? 0,
    ),
    preprocessingYield: checkFraction(
      fn,
      ['options', 'recyclingDefaults', 'preprocessingYield'],
      defaults.preprocessingYield ?? 1,
    ),
    processingYield: checkFraction(
      fn,
      ['options', 'recyclingDefaults', 'processingYield'],
      defaults.processingYield ?? 1,
    ),
    linkStageDemand: link,
    excluded: [...excluded],
    share: checkFraction(fn, ['options', 'resilience', 'share'], options.resilience?.share ?? 0.35),
  };
}

function formatTonnes(value: number): string {
  return `${Number(value.toPrecision(6)).toLocaleString('en-US')} t`;
}

/** The size of one stage with a table, or why it has none. */
function sizeStage(
  fn: string,
  stage: Stage,
  table: StageTable,
  context: {
    readonly given: Readonly<Partial<Record<Stage, number>>>;
    readonly mining: StageTable | undefined;
    readonly read: ReadOptions;
    readonly apps: ReadonlyMap<string, ApplicationDemand>;
    readonly year: number;
  },
): { size: StageSize; text: string } | { missing: string } {
  const given = context.given[stage];
  if (given !== undefined) {
    const throughput = checkFinite(fn, ['options', 'throughput', stage], given);
    if (throughput < 0) {
      invalidArgument(
        fn,
        ['options', 'throughput', stage],
        'a non-negative throughput',
        throughput,
      );
    }
    return {
      size: { stage, throughput, sizedBy: 'option', year: table.year, sources: [] },
      text: `${stage}: sized by options.throughput, ${formatTonnes(throughput)}/yr.`,
    };
  }
  if (table.total !== undefined) {
    const throughput = tonnesOf(fn, [stage], table.total);
    return {
      size: { stage, throughput, sizedBy: 'table', year: table.year, sources: [table.source.id] },
      text: `${stage}: sized by its own table, ${formatTonnes(throughput)}/yr (${table.total.basis ?? 'basis as stored'}) in ${table.year}, ${table.source.title} (${table.source.id}).`,
    };
  }
  const rule = context.read.stageSize.get(stage);
  if (rule === 'mining') {
    const mining = context.mining;
    if (mining?.total === undefined) {
      return {
        missing: `the ${stage} table has no tonnages, and its rule (options.stageSize: 'mining') needs a mine production table with quantities at or before ${context.year}, which the dataset lacks`,
      };
    }
    const throughput = tonnesOf(fn, ['mining'], mining.total);
    return {
      size: {
        stage,
        throughput,
        sizedBy: 'mining',
        year: mining.year,
        sources: [mining.source.id],
      },
      text: `${stage}: sized by the world mine production, ${formatTonnes(throughput)}/yr (t REO) in ${mining.year}, ${mining.source.title} (${mining.source.id}): a stated conversion, all mined rare earths taken to pass through the ${stage} stage (losses and stock changes ignored), since the dataset has no ${stage} tonnages.`,
    };
  }
  if (rule !== undefined) {
    const app = context.apps.get(rule.application);
    if (app === undefined) {
      return {
        missing: `the ${stage} table has no tonnages, and its rule (options.stageSize: the demand of ${JSON.stringify(rule.application)}) finds no demand path for that application`,
      };
    }
    const throughput = scheduleValueAt(fn, app.demandPathSource, app.demandPath, context.year);
    return {
      size: {
        stage,
        throughput,
        sizedBy: 'demand',
        application: app.id,
        year: context.year,
        sources: app.sources,
      },
      text: `${stage}: sized by the demand of ${app.id} in ${context.year}, ${formatTonnes(throughput)}/yr on its demand path (${app.sources.join(', ') || 'options.demand'}${app.basis === undefined ? '' : `; ${app.basis}`}): the stage's output taken equal to the demand it serves, since the dataset has no ${stage} tonnages; capacity changes at the stage are added to it as given.`,
    };
  }
  return {
    missing: `the ${stage} table has no tonnages and options.stageSize has no rule for the stage (give options.throughput.${stage} or options.stageSize.${stage})`,
  };
}

/** Whether a stage's supply is its table's own tonnages: a quantity table that sizes the stage. @internal */
export function ownTonnes(table: StageTable, size: StageSize): boolean {
  return table.basis === 'quantities' && size.sizedBy === 'table';
}

/**
 * A stage's supply by country in the reference year, t/yr: each row's share × the stage's size,
 * or, with `own`, the rows' own tonnages exactly as stored.
 *
 * @internal
 */
export function stageBase(
  fn: string,
  stage: Stage,
  rows: readonly StageRow[],
  throughput: number,
  own: boolean,
): Map<SupplierCode, number> {
  const base = new Map<SupplierCode, number>();
  for (const row of rows)
    base.set(row.country, (base.get(row.country) ?? 0) + row.share * throughput);
  if (own) {
    for (const row of rows) {
      if (row.quantity !== undefined) base.set(row.country, tonnesOf(fn, [stage], row.quantity));
    }
  }
  return base;
}

function readStages(
  fn: string,
  dataset: Dataset,
  year: number,
  options: EvaluateOptions,
  context: { readonly read: ReadOptions; readonly apps: ReadonlyMap<string, ApplicationDemand> },
  assumptions: ScenarioAssumption[],
): StageReference[] {
  const tables = new Map<Stage, StageTable>();
  const records = new Map<Stage, readonly number[]>();
  // As stageTable reads each stage (its name in errors), the dataset checked once.
  checkDataset('stageTable', dataset, ['stageOutputs']);
  for (const stage of STAGES) {
    try {
      const read = readTableOptions('stageTable', { stage, year, yearMatch: 'latest' });
      const built = buildTableWithRecords('stageTable', dataset, read);
      tables.set(stage, built.table);
      records.set(stage, built.records);
    } catch (error) {
      if (!(isRareEarthsError(error) && error.code === 'not-found')) throw error;
      assumptions.push({
        id: `stage:${stage}`,
        kind: 'stage-missing',
        text: `${stage}: the dataset has no production table (all rare earths) at or before ${year}, so the stage is not evaluated (no supply, concentration or resilience rows; capacity changes at this stage are ignored).`,
      });
    }
  }
  const given = options.throughput ?? {};
  if (typeof given !== 'object' || given === null) {
    invalidArgument(fn, ['options', 'throughput'], 'throughputs keyed by stage', given);
  }
  for (const key of Object.keys(given)) {
    if (!(STAGES as readonly string[]).includes(key)) {
      invalidArgument(fn, ['options', 'throughput', key], stageList(), key);
    }
  }
  const sizing = { given, mining: tables.get('mining'), ...context, year };
  const out: StageReference[] = [];
  for (const stage of STAGES) {
    const table = tables.get(stage);
    if (table === undefined) continue;
    const sized = sizeStage(fn, stage, table, sizing);
    if ('missing' in sized) {
      assumptions.push({
        id: `stage:${stage}`,
        kind: 'stage-missing',
        text: `${stage}: not evaluated: ${sized.missing} (no supply, concentration or resilience rows; capacity changes at this stage are ignored).`,
      });
      continue;
    }
    const { size } = sized;
    const base = stageBase(fn, stage, table.rows, size.throughput, ownTonnes(table, size));
    const shares = table.rows
      .map((row) => `${row.country} ${Number((row.share * 100).toFixed(2))}%`)
      .join(', ');
    assumptions.push({
      id: `stage:${stage}`,
      kind: 'stage-table',
      text: `${stage}: shares of ${table.year}${table.year === year ? '' : ` (the latest table at or before ${year}, carried forward)`} from ${table.source.id} (${table.basis === 'quantities' ? 'computed from quantities' : 'published shares, normalised'}): ${shares}. Shares are carried forward unchanged; capacity changes add to them.`,
    });
    assumptions.push({ id: `size:${stage}`, kind: 'stage-size', text: sized.text });
    out.push({
      stage,
      table,
      throughput: size.throughput,
      base,
      size,
      records: records.get(stage) ?? [],
    });
  }
  return out;
}

/** The latest year at or before `year` covered by an importer's sourcing shares. */
function sourcingYears(dataset: Dataset, year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const flow of dataset.tradeFlows ?? []) {
    if (flow.share === undefined) continue;
    const last = flow.year ?? flow.period?.to;
    const first = flow.year ?? flow.period?.from;
    if (last === undefined || first === undefined || first > year) continue;
    const covered = Math.min(last, year);
    out.set(flow.importer, Math.max(out.get(flow.importer) ?? covered, covered));
  }
  return out;
}

function sameScope(
  a: readonly ElementSymbol[] | undefined,
  b: readonly ElementSymbol[] | undefined,
): boolean {
  return scopeLabel(a) === scopeLabel(b);
}

/**
 * The import rows of a line: the importer's rows of imports with a quantity, of the sourcing
 * table's source and elements, in the latest year at or before `year`; indices in `balances`.
 */
function importRecords(
  balances: NonNullable<Dataset['balances']>,
  importer: string,
  year: number,
  table: { readonly source: { readonly id: string }; readonly elements?: readonly ElementSymbol[] },
): number[] {
  const row = (index: number) => balances[index] as NonNullable<Dataset['balances']>[number];
  const rows = [...balances.keys()].filter((index) => {
    const r = row(index);
    return (
      r.country === importer &&
      r.item === 'imports' &&
      r.quantity !== undefined &&
      r.year <= year &&
      r.provenance.source === table.source.id &&
      sameScope(r.elements, table.elements)
    );
  });
  const latest = rows.reduce((max, index) => Math.max(max, row(index).year), -Infinity);
  return rows.filter((index) => row(index).year === latest);
}

/** An import line's quantity, t/yr: the tonnes of the import rows at `records`, added in order. @internal */
export function importQuantity(
  fn: string,
  balances: readonly BalanceRecord[],
  records: Iterable<number>,
): number {
  let sum = 0;
  for (const index of records) {
    const row = balances[index] as BalanceRecord;
    sum += tonnesOf(fn, ['balances'], row.quantity as MassValue);
  }
  return sum;
}

/** A sourcing table's shares as the line's pairs, sorted by exporter code. @internal */
export function sortedShares(
  shares: Readonly<Record<SupplierCode, number>>,
): (readonly [SupplierCode, number])[] {
  return Object.entries(shares).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function readLines(
  fn: string,
  dataset: Dataset,
  year: number,
  options: EvaluateOptions,
  assumptions: ScenarioAssumption[],
): ImportLine[] {
  const lines: ImportLine[] = [];
  const years = [...sourcingYears(dataset, year)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [importer, covered] of years) {
    const seen = new Set<string>();
    for (const { table, records: flows } of importSourcesWithRecords(dataset, {
      importer,
      year: covered,
    })) {
      const scope = scopeLabel(table.elements);
      const id = [
        importer,
        ...(table.stage === undefined ? [] : [table.stage]),
        scope ?? 'all',
      ].join('/');
      // Tables come newest source first within a stage: keep the newest per line.
      if (seen.has(id)) continue;
      seen.add(id);
      const balances = dataset.balances ?? [];
      let usedRecords = importRecords(balances, importer, year, table);
      const used = usedRecords.map((index) => balances[index] as (typeof balances)[number]);
      let quantity: number | undefined =
        used.length === 0 ? undefined : importQuantity(fn, balances, usedRecords);
      let how =
        quantity === undefined
          ? 'no import quantity in the dataset (same source and elements): only the restricted share is computed'
          : `imports ${formatTonnes(quantity)}/yr, the ${used[0]?.year} import rows of ${table.source.id} (${used.map((row) => row.commodity.description).join(' + ')})`;
      const given = options.imports?.[id];
      if (given !== undefined) {
        quantity = checkFinite(fn, ['options', 'imports', id], given);
        if (quantity < 0)
          invalidArgument(fn, ['options', 'imports', id], 'a non-negative quantity', quantity);
        how = `imports ${formatTonnes(quantity)}/yr (options.imports)`;
        usedRecords = [];
      }
      const shares = sortedShares(table.shares);
      const stages: readonly Stage[] =
        table.stage === undefined ? ['separation', 'metal'] : [table.stage];
      assumptions.push({
        id: `imports:${id}`,
        kind: 'import-line',
        text: `${id}: "${table.commodity}" (${stages.join(' and ')} products), sourcing ${table.period.from === table.period.to ? table.period.from : `${table.period.from}–${table.period.to}`} from ${table.source.id}: ${shares.map(([c, s]) => `${c} ${s}`).join(', ')}; ${how}.`,
      });
      lines.push({
        id,
        importer,
        ...(table.stage === undefined ? {} : { stage: table.stage }),
        stages,
        ...(table.elements === undefined ? {} : { elements: table.elements }),
        ...(scope === undefined ? {} : { scope }),
        ...(quantity === undefined ? {} : { quantity }),
        shares,
        records: { balances: usedRecords, flows },
      });
    }
  }
  for (const key of Object.keys(options.imports ?? {})) {
    if (!lines.some((line) => line.id === key)) {
      invalidArgument(
        fn,
        ['options', 'imports', key],
        `the id of an import line (${lines.map((line) => line.id).join(', ')})`,
        key,
      );
    }
  }
  return lines;
}

function readApps(
  fn: string,
  dataset: Dataset,
  options: EvaluateOptions,
  assumptions: ScenarioAssumption[],
): Map<string, ApplicationDemand> {
  const apps = new Map<string, ApplicationDemand>();
  const known = new Map((dataset.applications ?? []).map((app) => [app.id, app]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const records = new Map<
    string,
    Map<
      number,
      {
        value: number;
        key: string;
        source: string;
        basis: string;
        elements?: readonly ElementSymbol[];
      }
    >
  >();
  (dataset.demand ?? []).forEach((record, index) => {
    if (record.application === undefined) return;
    const byYear = records.get(record.application) ?? new Map();
    const key = publicationKey(sources.get(record.provenance.source));
    const existing = byYear.get(record.year);
    if (existing === undefined || key > existing.key) {
      const q = record.quantity;
      byYear.set(record.year, {
        value: tonnesOf(fn, ['dataset', 'demand', index, 'quantity'], q),
        key,
        source: record.provenance.source,
        basis: `${q.unit}, ${q.basis}${q.basis === 'product' && q.product !== undefined ? `: ${q.product}` : ''}`,
        ...(record.elements === undefined ? {} : { elements: record.elements }),
      });
    }
    records.set(record.application, byYear);
  });
  for (const [id, byYear] of [...records].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const entries = [...byYear].sort((a, b) => a[0] - b[0]);
    const values: Record<string, number> = {};
    for (const [year, entry] of entries) values[String(year)] = entry.value;
    const elements = entries[0]?.[1].elements;
    const scope = scopeLabel(elements);
    const application = known.get(id);
    const bases = [...new Set(entries.map(([, entry]) => entry.basis))];
    apps.set(id, {
      id,
      ...(application === undefined ? {} : { application }),
      ...(elements === undefined ? {} : { elements }),
      ...(scope === undefined ? {} : { scope }),
      demandPath: { kind: 'table', values, between: 'linear' },
      demandPathSource: ['dataset', 'demand'],
      firstYear: entries[0]?.[0] as number,
      recordYears: entries.map(([year]) => year),
      sources: [...new Set(entries.map(([, entry]) => entry.source))].sort(),
      basis: bases.join('; '),
    });
    assumptions.push({
      id: `demand:${id}`,
      kind: 'demand-path',
      text: `${id}: demand path from the dataset's records (${entries.map(([year, entry]) => `${year}: ${formatTonnes(entry.value)}`).join('; ')}), linear between them and held at the first and last values outside them; projections are used as recorded.`,
    });
  }
  for (const [id, schedule] of Object.entries(options.demand ?? {})) {
    scheduleValueAt(fn, ['options', 'demand', id], schedule, 2000);
    const application = known.get(id);
    const firstYear = firstScheduleYear(schedule);
    apps.set(id, {
      id,
      ...(application === undefined ? {} : { application }),
      demandPath: schedule,
      demandPathSource: ['options', 'demand', id],
      ...(firstYear === undefined ? {} : { firstYear }),
      sources: [],
    });
    assumptions.push({
      id: `demand:${id}`,
      kind: 'demand-path',
      text: `${id}: demand path from options.demand.`,
    });
  }
  return apps;
}

/** The first year a schedule is given for: a table's first key, a ramp's start; else none. */
function firstScheduleYear(schedule: Schedule): number | undefined {
  if (typeof schedule !== 'object' || schedule === null) return undefined;
  if (schedule.kind === 'table') return Math.min(...Object.keys(schedule.values).map(Number));
  if (schedule.kind === 'ramp') return schedule.from.year;
  return undefined;
}

/**
 * Read a dataset once for evaluations with one reference year.
 *
 * @internal
 */
export function readEvaluationInputs(
  fn: string,
  dataset: Dataset,
  referenceYear: number,
  options: EvaluateOptions,
  reuse?: Pick<EvaluationInputs, 'apps' | 'options'>,
): EvaluationInputs {
  if (typeof dataset !== 'object' || dataset === null || !Array.isArray(dataset.sources)) {
    invalidArgument(fn, ['dataset'], 'a dataset (e.g. baseline from rare-earths/data)', dataset);
  }
  // A caller that re-reads a dataset whose demand records and applications did not change (a
  // Monte Carlo draw of other figures) passes what it read before; the rest is read again.
  const read = reuse?.options ?? readOptions(fn, options);
  const assumptions: ScenarioAssumption[] = [];
  const apps = reuse?.apps ?? readApps(fn, dataset, options, assumptions);
  const stages = readStages(fn, dataset, referenceYear, options, { read, apps }, assumptions);
  const lines = readLines(fn, dataset, referenceYear, options, assumptions);
  const facilities = new Map(
    (dataset.facilities ?? []).map((f) => [f.id, { country: f.country, stage: f.stage }]),
  );
  const regions = new Map((dataset.regions ?? []).map((r) => [r.code, r.members]));
  assumptions.push({
    id: 'resilience',
    kind: 'resilience',
    text: `Time to resilience: the first year in which supply outside ${read.excluded.join(', ') || 'no country'} covers at least ${read.share} of demand at every evaluated stage; stage demand = the stage's size${read.linkStageDemand ? ' + (net primary demand of the applications − their demand in the first year)' : ''}.`,
  });
  return {
    referenceYear,
    stages,
    lines,
    apps,
    facilities,
    regions,
    options: read,
    assumptions,
  };
}
