// What an evaluation reads from a dataset once, whatever the scenario: each stage's reference table
// and throughput, the import lines with their sourcing and quantities, and the applications'
// demand paths. `createEvaluator` keeps one per reference year, so a sweep reads the dataset once.
import { importSources, type StageTable, stageTable } from '../chain/index.js';
import { publicationKey } from '../chain/tables.js';
import { type ElementSymbol, elementSymbols, isElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError } from '../errors/index.js';
import type { Application, Dataset, MassValue, Stage, SupplierCode } from '../model/types.js';
import { checkFinite, checkFraction, checkInteger, checkNumeric } from '../numeric/numeric.js';
import { type Schedule, scheduleValueAt } from '../numeric/schedule.js';
import type { Timing } from '../stocks/lifetime.js';
import type { EvaluateOptions, ScenarioAssumption } from './types.js';

/** @internal */
export const STAGES: readonly Stage[] = ['mining', 'separation', 'metal', 'magnet'];

/** @internal */
export function stageRank(stage: Stage | undefined): number {
  return stage === undefined ? -1 : STAGES.indexOf(stage);
}

/** A stage with a reference table. @internal */
export interface StageBase {
  readonly stage: Stage;
  readonly table: StageTable;
  /** World throughput, t/yr. */
  readonly throughput: number;
  /** share × throughput by supplier, t/yr. */
  readonly base: ReadonlyMap<SupplierCode, number>;
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
}

/** An application that has a demand path. @internal */
export interface AppBase {
  readonly id: string;
  readonly application?: Application;
  readonly elements?: readonly ElementSymbol[];
  readonly scope?: string;
  readonly path: Schedule;
  readonly pathPath: readonly (string | number)[];
}

/** Options read and checked. @internal */
export interface ReadOptions {
  readonly composition?: ReadonlyMap<ElementSymbol, number>;
  readonly capacityFor: Readonly<Record<string, readonly string[]>>;
  readonly historyYears: number;
  readonly timing: Timing;
  readonly collectionRate: number;
  readonly preprocessingYield: number;
  readonly processingYield: number;
  readonly linkStageDemand: boolean;
  readonly excluded: readonly string[];
  readonly share: number;
}

/** Everything read from the dataset for one reference year. @internal */
export interface Prepared {
  readonly referenceYear: number;
  readonly stages: readonly StageBase[];
  readonly lines: readonly ImportLine[];
  readonly apps: ReadonlyMap<string, AppBase>;
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
 * (absent: all): by the composition's mass shares when given, else by element count within a
 * scoped product, and 0 for an all-rare-earth product whose make-up is unknown.
 *
 * @internal
 */
export function massShareWithin(
  x: readonly ElementSymbol[] | undefined,
  y: readonly ElementSymbol[] | undefined,
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
): number {
  if (y === undefined) return 1;
  if (x === undefined && composition === undefined) return 0;
  const within = x ?? elementSymbols();
  let total = 0;
  let inside = 0;
  for (const symbol of within) {
    const weight = composition === undefined ? 1 : (composition.get(symbol) ?? 0);
    total += weight;
    if (y.includes(symbol)) inside += weight;
  }
  return total === 0 ? 0 : inside / total;
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
  const link = options.linkStageDemand ?? true;
  if (typeof link !== 'boolean') {
    invalidArgument(fn, ['options', 'linkStageDemand'], 'true or false', link);
  }
  return {
    ...(composition === undefined ? {} : { composition }),
    capacityFor,
    historyYears: checkInteger(fn, ['options', 'historyYears'], options.historyYears ?? 30, 0),
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

function readStages(
  fn: string,
  dataset: Dataset,
  year: number,
  options: EvaluateOptions,
  assumptions: ScenarioAssumption[],
): StageBase[] {
  const tables = new Map<Stage, StageTable>();
  for (const stage of STAGES) {
    try {
      tables.set(stage, stageTable(dataset, { stage, year, yearMatch: 'latest' }));
    } catch (error) {
      if (!(isRareEarthsError(error) && error.code === 'not-found')) throw error;
      assumptions.push({
        id: `stage:${stage}`,
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
      invalidArgument(
        fn,
        ['options', 'throughput', key],
        "'mining', 'separation', 'metal' or 'magnet'",
        key,
      );
    }
  }
  const mining = tables.get('mining');
  let world: number | undefined;
  if (mining?.total !== undefined) {
    world = tonnesOf(fn, ['mining'], mining.total);
  }
  const usesDefault = STAGES.some((stage) => tables.has(stage) && given[stage] === undefined);
  if (usesDefault) {
    if (world === undefined) {
      invalidArgument(
        fn,
        ['options', 'throughput'],
        `a throughput for every stage, since the dataset has no mine production quantities at or before ${year}`,
        given,
      );
    }
    assumptions.push({
      id: 'throughput',
      text: `World throughput of every stage without options.throughput: ${formatTonnes(world as number)}/yr, the world mine production of ${mining?.year} in ${mining?.source.title} (${mining?.source.id}), t REO (the dataset has no tonnages after mining). Stage shares are carried forward unchanged from the reference tables; capacity changes add to them.`,
    });
  }
  const out: StageBase[] = [];
  for (const stage of STAGES) {
    const table = tables.get(stage);
    if (table === undefined) continue;
    const throughput =
      given[stage] === undefined
        ? (world as number)
        : checkFinite(fn, ['options', 'throughput', stage], given[stage]);
    if (throughput < 0) {
      invalidArgument(
        fn,
        ['options', 'throughput', stage],
        'a non-negative throughput',
        throughput,
      );
    }
    const base = new Map<SupplierCode, number>();
    for (const row of table.rows)
      base.set(row.country, (base.get(row.country) ?? 0) + row.share * throughput);
    if (table.basis === 'quantities' && given[stage] === undefined && stage === 'mining') {
      // The reference mining table's own tonnages, exactly as stored.
      for (const row of table.rows) {
        if (row.quantity !== undefined)
          base.set(row.country, tonnesOf(fn, ['mining'], row.quantity));
      }
    }
    const shares = table.rows
      .map((row) => `${row.country} ${Number((row.share * 100).toFixed(2))}%`)
      .join(', ');
    assumptions.push({
      id: `stage:${stage}`,
      text: `${stage}: shares of ${table.year} from ${table.source.id} (${table.basis === 'quantities' ? 'computed from quantities' : 'published shares, normalised'}): ${shares}; throughput ${formatTonnes(throughput)}/yr${given[stage] === undefined ? '' : ' (options.throughput)'}.`,
    });
    out.push({ stage, table, throughput, base });
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
    for (const table of importSources(dataset, { importer, year: covered })) {
      const scope = scopeLabel(table.elements);
      const id = [
        importer,
        ...(table.stage === undefined ? [] : [table.stage]),
        scope ?? 'all',
      ].join('/');
      // Tables come newest source first within a stage: keep the newest per line.
      if (seen.has(id)) continue;
      seen.add(id);
      // Import rows of the same source and element scope, latest year at or before the reference.
      const rows = (dataset.balances ?? []).filter(
        (row) =>
          row.country === importer &&
          row.item === 'imports' &&
          row.quantity !== undefined &&
          row.year <= year &&
          row.provenance.source === table.source.id &&
          sameScope(row.elements, table.elements),
      );
      const latest = rows.reduce((max, row) => Math.max(max, row.year), Number.NEGATIVE_INFINITY);
      const used = rows.filter((row) => row.year === latest);
      let quantity: number | undefined =
        used.length === 0
          ? undefined
          : used.reduce(
              (sum, row) => sum + tonnesOf(fn, ['balances'], row.quantity as MassValue),
              0,
            );
      let how =
        quantity === undefined
          ? 'no import quantity in the dataset (same source and elements): only the restricted share is computed'
          : `imports ${formatTonnes(quantity)}/yr, the ${latest} import rows of ${table.source.id} (${used.map((row) => row.commodity.description).join(' + ')})`;
      const given = options.imports?.[id];
      if (given !== undefined) {
        quantity = checkFinite(fn, ['options', 'imports', id], given);
        if (quantity < 0)
          invalidArgument(fn, ['options', 'imports', id], 'a non-negative quantity', quantity);
        how = `imports ${formatTonnes(quantity)}/yr (options.imports)`;
      }
      const shares = Object.entries(table.shares).sort((a, b) =>
        a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
      );
      const stages: readonly Stage[] =
        table.stage === undefined ? ['separation', 'metal'] : [table.stage];
      assumptions.push({
        id: `imports:${id}`,
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
): Map<string, AppBase> {
  const apps = new Map<string, AppBase>();
  const known = new Map((dataset.applications ?? []).map((app) => [app.id, app]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const records = new Map<
    string,
    Map<number, { value: number; key: string; elements?: readonly ElementSymbol[] }>
  >();
  (dataset.demand ?? []).forEach((record, index) => {
    if (record.application === undefined) return;
    const byYear = records.get(record.application) ?? new Map();
    const key = publicationKey(sources.get(record.provenance.source));
    const existing = byYear.get(record.year);
    if (existing === undefined || key > existing.key) {
      byYear.set(record.year, {
        value: tonnesOf(fn, ['dataset', 'demand', index, 'quantity'], record.quantity),
        key,
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
    apps.set(id, {
      id,
      ...(application === undefined ? {} : { application }),
      ...(elements === undefined ? {} : { elements }),
      ...(scope === undefined ? {} : { scope }),
      path: { kind: 'table', values, between: 'linear' },
      pathPath: ['dataset', 'demand'],
    });
    assumptions.push({
      id: `demand:${id}`,
      text: `${id}: demand path from the dataset's records (${entries.map(([year, entry]) => `${year}: ${formatTonnes(entry.value)}`).join('; ')}), linear between them and held at the first and last values outside them; projections are used as recorded.`,
    });
  }
  for (const [id, schedule] of Object.entries(options.demand ?? {})) {
    scheduleValueAt(fn, ['options', 'demand', id], schedule, 2000);
    const application = known.get(id);
    apps.set(id, {
      id,
      ...(application === undefined ? {} : { application }),
      path: schedule,
      pathPath: ['options', 'demand', id],
    });
    assumptions.push({ id: `demand:${id}`, text: `${id}: demand path from options.demand.` });
  }
  return apps;
}

/**
 * Read a dataset once for evaluations with one reference year.
 *
 * @internal
 */
export function prepare(
  fn: string,
  dataset: Dataset,
  referenceYear: number,
  options: EvaluateOptions,
): Prepared {
  if (typeof dataset !== 'object' || dataset === null || !Array.isArray(dataset.sources)) {
    invalidArgument(fn, ['dataset'], 'a dataset (e.g. baseline from rare-earths/data)', dataset);
  }
  const read = readOptions(fn, options);
  const assumptions: ScenarioAssumption[] = [];
  const stages = readStages(fn, dataset, referenceYear, options, assumptions);
  const lines = readLines(fn, dataset, referenceYear, options, assumptions);
  const apps = readApps(fn, dataset, options, assumptions);
  const facilities = new Map(
    (dataset.facilities ?? []).map((f) => [f.id, { country: f.country, stage: f.stage }]),
  );
  const regions = new Map((dataset.regions ?? []).map((r) => [r.code, r.members]));
  assumptions.push({
    id: 'resilience',
    text: `Time to resilience: the first year in which supply outside ${read.excluded.join(', ') || 'no country'} covers at least ${read.share} of demand at every evaluated stage; stage demand = throughput${read.linkStageDemand ? ' + (net primary demand of the applications − their demand in the first year)' : ''}.`,
  });
  assumptions.push({
    id: 'restrictions',
    text: `Export restrictions withhold cut × (the part of the line's elements restricted) of the named exporter's share of an importer's line, for lines whose stages they name; withheld imports are not re-routed from other exporters. Only capacity additions in ${Object.keys(read.capacityFor).length === 0 ? 'the importer itself (a region: its members)' : 'the countries of options.capacityFor (else the importer itself)'} and stock releases offset them. A sourcing table without a stage is taken as compounds and metals (separation and metal products).`,
  });
  if (read.composition === undefined) {
    assumptions.push({
      id: 'composition',
      text: 'No options.composition: element-scoped restrictions do not touch import lines covering all rare earths, and capacity covering all rare earths does not count towards element-scoped lines; within an element-scoped line, elements count equally.',
    });
  }
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
