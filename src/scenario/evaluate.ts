import { hhiBounds } from '../concentration/index.js';
import { type ElementSymbol, elementSymbols } from '../elements/index.js';
import { invalidArgument, isRareEarthsError, RareEarthsError } from '../errors/index.js';
import type { ScenarioContext } from '../model/integrity.js';
import { scenarioIssues } from '../model/integrity.js';
import type {
  CapacityChange,
  DemandGrowth,
  ExportRestriction,
  Intervention,
  RecyclingPolicy,
  Scenario,
  Stockpile,
  SubstitutionIntervention,
} from '../model/scenario-types.js';
import type { Dataset, Stage } from '../model/types.js';
import { checkFraction, checkInteger } from '../numeric/numeric.js';
import { type Schedule, scheduleValueAt } from '../numeric/schedule.js';
import { netPrimaryDemand } from '../offsets/net.js';
import { type RecyclingOffset, recyclingOffset } from '../offsets/recycling.js';
import { type SubstitutionOffset, substitutionOffset } from '../offsets/substitution.js';
import {
  type AppBase,
  type ImportLine,
  massShareWithin,
  type Prepared,
  prepare,
  type StageBase,
  scopeLabel,
  stageRank,
  tonnesOf,
} from './context.js';
import { resolveWithLineage } from './resolve.js';
import type {
  EvaluateOptions,
  ScenarioAssumption,
  ScenarioEvaluation,
  ScenarioRow,
  TimeToResilience,
} from './types.js';
import { applicationVariable, type ScenarioVariable, scenarioVariables as V } from './variables.js';

type Path = readonly (string | number)[];

// The offsets functions key their series by element. Demand that covers several elements (or all
// rare earths) is carried under this stand-in key; the rows never show it.
const STAND_IN: ElementSymbol = 'La';

/** Run `work`, rethrowing a library error as the caller's, at the caller's path. */
function within<T>(fn: string, path: Path, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isRareEarthsError(error)) throw error;
    throw new RareEarthsError(
      fn,
      error.code,
      error.issues.map((issue) => ({
        path,
        message: `${issue.message} (in ${error.fn}${issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`})`,
      })),
    );
  }
}

function ramp(change: CapacityChange, year: number): number {
  const { from, to } = change.ramp;
  if (year >= to) return 1;
  if (year <= from) return 0;
  return (year - from) / (to - from);
}

function inForce(from: number, to: number | undefined, year: number): boolean {
  return year >= from && (to === undefined || year <= to);
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The deterministic order of rows: variable, region, stage, element, year. @internal */
export function compareRows(a: ScenarioRow, b: ScenarioRow): number {
  return (
    compareText(a.variable, b.variable) ||
    compareText(a.region, b.region) ||
    stageRank(a.stage) - stageRank(b.stage) ||
    compareText(a.element, b.element) ||
    a.year - b.year
  );
}

interface RowSink {
  readonly scenario: string;
  readonly rows: ScenarioRow[];
}

function push(
  sink: RowSink,
  variable: ScenarioVariable,
  unit: string,
  region: string,
  year: number,
  value: number,
  stage?: Stage,
  element?: string,
): void {
  // Four literal shapes rather than spreads: this runs for every row of every evaluation.
  // `+ 0` turns −0 into 0, so that JSON and comparisons see one zero.
  const { scenario } = sink;
  const v = value + 0;
  sink.rows.push(
    stage === undefined
      ? element === undefined
        ? { scenario, year, region, variable, unit, value: v }
        : { scenario, year, region, element, variable, unit, value: v }
      : element === undefined
        ? { scenario, year, region, stage, variable, unit, value: v }
        : { scenario, year, region, stage, element, variable, unit, value: v },
  );
}

function byKind<K extends Intervention['kind']>(
  interventions: readonly Intervention[],
  kind: K,
): { intervention: Extract<Intervention, { kind: K }>; index: number }[] {
  const out: { intervention: Extract<Intervention, { kind: K }>; index: number }[] = [];
  interventions.forEach((intervention, index) => {
    if (intervention.kind === kind)
      out.push({ intervention: intervention as Extract<Intervention, { kind: K }>, index });
  });
  return out;
}

function capacityTarget(
  fn: string,
  prepared: Prepared,
  change: CapacityChange,
  path: Path,
): { country: string; stage: Stage } {
  if (change.facility !== undefined) {
    const facility = prepared.facilities.get(change.facility);
    if (facility === undefined) {
      invalidArgument(fn, [...path, 'facility'], 'a facility of the dataset', change.facility);
    }
    return facility;
  }
  if (change.country === undefined || change.stage === undefined) {
    invalidArgument(fn, path, 'either facility, or both country and stage', change);
  }
  return { country: change.country, stage: change.stage };
}

function partnerMatches(
  prepared: Prepared,
  restriction: ExportRestriction,
  importer: string,
): boolean {
  if (restriction.partners === undefined) return true;
  return restriction.partners.some(
    (partner) => partner === importer || (prepared.regions.get(partner) ?? []).includes(importer),
  );
}

/**
 * The fraction of a product covering `elements` (absent: all rare earths) that the active
 * restrictions withhold. Element by element, cuts on the same element compound; when every element
 * loses the same fraction the answer needs no composition, else the elements are weighted by the
 * composition's mass shares; `undefined` when that needs a composition nobody gave.
 */
function withheldFraction(
  elements: readonly ElementSymbol[] | undefined,
  active: readonly ExportRestriction[],
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
): { value: number; byComposition: boolean } | undefined {
  const symbols = elements ?? elementSymbols();
  const lost = symbols.map((symbol) => {
    let left = 1;
    for (const r of active)
      if (r.elements === undefined || r.elements.includes(symbol)) left *= 1 - r.cut;
    return 1 - left;
  });
  const first = lost[0] ?? 0;
  if (lost.every((value) => value === first)) return { value: first, byComposition: false };
  if (composition === undefined) return undefined;
  let total = 0;
  let withheld = 0;
  symbols.forEach((symbol, k) => {
    const weight = composition.get(symbol) ?? 0;
    total += weight;
    withheld += weight * (lost[k] as number);
  });
  return total === 0 ? undefined : { value: withheld / total, byComposition: true };
}

/**
 * The share of a line's imports that restrictions withhold in a year (fraction of imports), and
 * whether a composition was needed; `undefined` when it was needed and not given.
 */
function restrictedShare(
  prepared: Prepared,
  line: ImportLine,
  restrictions: readonly ExportRestriction[],
  year: number,
): { value: number; byComposition: boolean } | undefined {
  let share = 0;
  let byComposition = false;
  for (const [exporter, exporterShare] of line.shares) {
    const active = restrictions.filter(
      (r) =>
        r.country === exporter &&
        inForce(r.from, r.to, year) &&
        partnerMatches(prepared, r, line.importer) &&
        (r.stages === undefined || r.stages.some((s) => line.stages.includes(s))),
    );
    if (active.length === 0) continue;
    const withheld = withheldFraction(line.elements, active, prepared.options.composition);
    if (withheld === undefined) return undefined;
    byComposition ||= withheld.byComposition;
    share += exporterShare * withheld.value;
  }
  return { value: share, byComposition };
}

/**
 * What restrictions on every partner withhold of a stage's supply in a year, by restricting
 * country (t/yr), taken off `supply`; the stages whose split needed a composition nobody gave are
 * added to `unknown`, and those split by the composition to `composed`.
 *
 * @internal
 */
export function withholdSupply(
  stage: Stage,
  supply: Record<string, number>,
  restrictions: readonly ExportRestriction[],
  year: number,
  composition: ReadonlyMap<ElementSymbol, number> | undefined,
  seen: { readonly unknown: Set<Stage>; readonly composed: Set<Stage> },
): Map<string, number> {
  const withheld = new Map<string, number>();
  const byCountry = new Map<string, ExportRestriction[]>();
  for (const r of restrictions) {
    if (r.partners !== undefined || !inForce(r.from, r.to, year)) continue;
    if (r.stages !== undefined && !r.stages.includes(stage)) continue;
    byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
  }
  for (const [country, active] of byCountry) {
    const value = supply[country];
    if (value === undefined) continue;
    const fraction = withheldFraction(undefined, active, composition);
    if (fraction === undefined) {
      seen.unknown.add(stage);
      continue;
    }
    if (fraction.value === 0) continue;
    if (fraction.byComposition) seen.composed.add(stage);
    withheld.set(country, value * fraction.value);
    supply[country] = value * (1 - fraction.value);
  }
  return withheld;
}

function importerCountries(prepared: Prepared, importer: string): readonly string[] {
  return prepared.options.capacityFor[importer] ?? prepared.regions.get(importer) ?? [importer];
}

interface AppResult {
  readonly app: AppBase;
  readonly demand: number[];
  readonly recycled: number[];
  readonly substituted: number[];
  readonly primary: number[];
}

function evaluateApp(
  fn: string,
  prepared: Prepared,
  app: AppBase,
  interventions: readonly Intervention[],
  years: readonly number[],
  assumptions: ScenarioAssumption[],
): AppResult {
  const first = years[0] as number;
  const path = (year: number) =>
    within(fn, app.pathPath, () => scheduleValueAt(fn, app.pathPath, app.path, year));
  const growth = byKind(interventions, 'demandGrowth')
    .filter(({ intervention }) => intervention.application === app.id)
    .sort((a, b) => a.intervention.from - b.intervention.from || a.index - b.index);
  const demand: number[] = [];
  let previous = path(first - 1);
  for (const year of years) {
    let active: { intervention: DemandGrowth; index: number } | undefined;
    for (const g of growth) if (g.intervention.from <= year) active = g;
    let value: number;
    const field = active?.intervention.demand === undefined ? 'rate' : 'demand';
    if (active === undefined) value = path(year);
    else if (active.intervention.demand !== undefined) {
      value = scheduleValueAt(
        fn,
        ['scenario', 'interventions', active.index, 'demand'],
        active.intervention.demand,
        year,
      );
    } else {
      const rate = scheduleValueAt(
        fn,
        ['scenario', 'interventions', active.index, 'rate'],
        active.intervention.rate ?? 0,
        year,
      );
      value = previous * (1 + rate);
    }
    if (!(value >= 0)) {
      throw new RareEarthsError(fn, 'not-computable', [
        {
          path:
            active === undefined
              ? app.pathPath
              : ['scenario', 'interventions', active.index, field],
          message: `expected a non-negative demand for ${JSON.stringify(app.id)} in ${year}, got ${value}`,
        },
      ]);
    }
    demand.push(value);
    previous = value;
  }
  const key = app.elements?.length === 1 ? (app.elements[0] as ElementSymbol) : STAND_IN;
  const series = { start: first, values: demand };

  // Recycling: the dataset's parameters, overridden from each policy's year.
  const policies = byKind(interventions, 'recyclingPolicy')
    .filter(({ intervention }) => intervention.application === app.id)
    .sort((a, b) => a.intervention.from - b.intervention.from || a.index - b.index);
  const own = app.application?.recycling;
  let recycling: RecyclingOffset | undefined;
  if (policies.length > 0 || own !== undefined) {
    let lifetimeFrom: { intervention: RecyclingPolicy; index: number } | undefined;
    for (const p of policies) if (p.intervention.lifetime !== undefined) lifetimeFrom = p;
    const lifetime = lifetimeFrom?.intervention.lifetime ?? app.application?.lifetime?.distribution;
    const lifetimePath: Path =
      lifetimeFrom === undefined
        ? ['scenario', 'interventions', policies[0]?.index ?? 0, 'lifetime']
        : ['scenario', 'interventions', lifetimeFrom.index, 'lifetime'];
    if (lifetime === undefined) {
      invalidArgument(
        fn,
        lifetimePath,
        `the products' lifetime (the dataset has none for ${JSON.stringify(app.id)})`,
        undefined,
      );
    }
    const history = salesBefore(prepared, app, first, path);
    assumptions.push({ id: `history:${app.id}`, kind: 'sales-history', text: history.text });
    const all = Array.from(
      { length: first - history.start + years.length },
      (_, k) => history.start + k,
    );
    const defaulted = new Map<string, number[]>();
    const rate = (
      field: 'collectionRate' | 'preprocessingYield' | 'processingYield',
      fallback: number,
    ): Schedule => {
      const values: Record<string, number> = {};
      for (const year of all) {
        let chosen: { schedule: Schedule; path: Path } | undefined;
        for (const p of policies) {
          const schedule = p.intervention[field];
          if (p.intervention.from <= year && schedule !== undefined)
            chosen = { schedule, path: ['scenario', 'interventions', p.index, field] };
        }
        const ownSchedule = own?.[field];
        if (chosen === undefined && ownSchedule === undefined) {
          defaulted.set(field, [...(defaulted.get(field) ?? []), year]);
        }
        values[String(year)] =
          chosen !== undefined
            ? scheduleValueAt(fn, chosen.path, chosen.schedule, year)
            : ownSchedule !== undefined
              ? scheduleValueAt(
                  fn,
                  ['dataset', 'applications', app.id, 'recycling', field],
                  ownSchedule,
                  year,
                )
              : fallback;
      }
      return { kind: 'table', values };
    };
    const sales = [...history.values, ...demand];
    const opts = prepared.options;
    const rates = {
      collection: rate('collectionRate', opts.collectionRate),
      preprocessing: rate('preprocessingYield', opts.preprocessingYield),
      processing: rate('processingYield', opts.processingYield),
    };
    for (const [field, fallback] of [
      ['collectionRate', opts.collectionRate],
      ['preprocessingYield', opts.preprocessingYield],
      ['processingYield', opts.processingYield],
    ] as const) {
      const used = defaulted.get(field);
      if (used === undefined) continue;
      assumptions.push({
        id: `recycling-default:${app.id}:${field}`,
        kind: 'recycling-default',
        text: `${app.id}: ${field} ${fallback} (options.recyclingDefaults) in ${yearRanges(used)}, where neither a recycling policy nor the dataset gives one.`,
      });
    }
    recycling = within(fn, lifetimePath, () =>
      recyclingOffset({
        sales: { start: history.start, values: sales },
        lifetime,
        timing: opts.timing,
        content: { [key]: 1 },
        ...rates,
      }),
    );
  }

  const substitutions: SubstitutionOffset[] = [];
  for (const { intervention, index } of byKind(interventions, 'substitution')) {
    if (intervention.application !== app.id) continue;
    const sPath: Path = ['scenario', 'interventions', index];
    const change = intensityFor(fn, app, intervention, sPath);
    substitutions.push(
      within(fn, [...sPath, 'adoption'], () =>
        substitutionOffset({
          demand: { [key]: series },
          option: {
            name: intervention.id,
            adoption: intervention.adoption,
            intensityChange: change,
          },
        }),
      ),
    );
  }
  const net = within(fn, ['scenario', 'interventions'], () =>
    netPrimaryDemand({
      applications: [
        {
          name: app.id,
          demand: { [key]: series },
          ...(recycling === undefined ? {} : { recycling }),
          ...(substitutions.length === 0 ? {} : { substitution: substitutions }),
        },
      ],
    }),
  );
  const terms = net.total[key];
  return {
    app,
    demand,
    recycled: terms?.recycled ?? demand.map(() => 0),
    substituted: terms?.substituted ?? demand.map(() => 0),
    primary: terms?.primary ?? demand,
  };
}

/** Years as ranges: `2015–2024, 2026`. */
function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  let start = years[0] as number;
  let last = start;
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === last + 1) {
      last = year;
      continue;
    }
    parts.push(start === last ? String(start) : `${start}–${last}`);
    start = year;
    last = year;
  }
  return parts.join(', ');
}

/**
 * The sales before the horizon that the recycling model counts as products already in use, by
 * `options.salesHistory`: from the application's first recorded year (default) or, opt-in, every
 * year of the window with the first record's value held before it; and the statement of them.
 */
function salesBefore(
  prepared: Prepared,
  app: AppBase,
  first: number,
  path: (year: number) => number,
): { start: number; values: number[]; text: string } {
  const { historyYears, salesHistory } = prepared.options;
  const earliest = first - historyYears;
  const start =
    salesHistory === 'hold-first' || app.firstYear === undefined
      ? earliest
      : Math.min(first, Math.max(earliest, app.firstYear));
  const values = Array.from({ length: first - start }, (_, k) => path(start + k));
  const where = app.recordYears === undefined ? 'options.demand' : 'the demand path';
  let text: string;
  if (start === first) {
    text = `${app.id}: no products sold before ${first} are counted as in use (${historyYears === 0 ? 'options.historyYears is 0' : `${app.recordYears === undefined ? 'options.demand starts' : 'the first record is'} in ${app.firstYear}`}), so end-of-life flows come only from sales within the horizon.`;
  } else {
    const records = (app.recordYears ?? []).filter((year) => year < first);
    const span = start === first - 1 ? String(start) : `${start}–${first - 1}`;
    text = `${app.id}: products in use before ${first} are the sales of ${span}, read off ${where}${records.length === 0 ? '' : ` (records of ${records.join(', ')}, linear between the records)`}`;
    if (salesHistory === 'hold-first' && app.firstYear !== undefined && start < app.firstYear) {
      text += `, the ${app.firstYear - start} years before the first record (${app.firstYear}) held at its value: options.salesHistory 'hold-first', demand that no record gives.`;
    } else if (app.firstYear !== undefined && start > earliest) {
      const firstOne =
        app.recordYears === undefined ? 'the first year of options.demand' : 'the first record';
      text += `; none before ${start}, ${firstOne}, so end-of-life flows are a lower bound while products sold earlier would still be reaching end of life.`;
    } else {
      text += '.';
    }
  }
  return { start, values, text };
}

/** The one relative intensity change a substitution makes to an application's demand. */
function intensityFor(fn: string, app: AppBase, s: SubstitutionIntervention, path: Path): number {
  const entries = Object.entries(s.intensityChange).filter(([, v]) => v !== undefined) as [
    ElementSymbol,
    number,
  ][];
  if (app.elements?.length === 1) {
    return s.intensityChange[app.elements[0] as ElementSymbol] ?? 0;
  }
  const values = [...new Set(entries.map(([, v]) => v))];
  if (values.length !== 1) {
    invalidArgument(
      fn,
      [...path, 'intensityChange'],
      `one relative change for every element listed (the demand of ${JSON.stringify(app.id)} is not split by element)`,
      entries.map(([e, v]) => `${e} ${v}`).join(', ') || 'none',
    );
  }
  return values[0] as number;
}

/** A capacity change with its country, stage and amount (t/yr) resolved. @internal */
export interface ResolvedChange {
  readonly intervention: CapacityChange;
  readonly country: string;
  readonly stage: Stage;
  readonly amount: number;
}

/** The capacity changes of a scenario, resolved against the dataset. @internal */
export function capacityChanges(
  fn: string,
  prepared: Prepared,
  interventions: readonly Intervention[],
  assumptions: ScenarioAssumption[],
): ResolvedChange[] {
  return byKind(interventions, 'capacityChange').map(({ intervention, index }) => {
    const path: Path = ['scenario', 'interventions', index];
    const target = capacityTarget(fn, prepared, intervention, path);
    const amount = tonnesOf(fn, [...path, 'change'], intervention.change);
    if (intervention.change.basis !== 'REO') {
      assumptions.push({
        id: `basis:${intervention.id}`,
        kind: 'capacity-basis',
        text: `${intervention.id}: the change is given on a ${intervention.change.basis} basis and is added to the stage's t REO as given.`,
      });
    }
    return { intervention, ...target, amount };
  });
}

/**
 * A stage's supply by country in a year: the reference share × the stage's size plus the capacity
 * changes ramped to the year, never below 0. Keys sorted.
 *
 * @internal
 */
export function supplyAt(
  base: StageBase,
  own: readonly ResolvedChange[],
  year: number,
): Record<string, number> {
  const countries = [...new Set([...base.base.keys(), ...own.map((c) => c.country)])].sort();
  const out: Record<string, number> = {};
  for (const country of countries) {
    let value = base.base.get(country) ?? 0;
    for (const c of own) if (c.country === country) value += c.amount * ramp(c.intervention, year);
    out[country] = Math.max(0, value);
  }
  return out;
}

/**
 * Each stage's rows over the years: supply by country (the reference supply with capacity
 * changes, less what restrictions on every partner withhold), totals, concentration, stage demand
 * and coverage. Returns the lowest coverage over the stages in each year.
 */
function stageRows(
  sink: RowSink,
  prepared: Prepared,
  input: {
    readonly changes: readonly ResolvedChange[];
    readonly restrictions: readonly ExportRestriction[];
    readonly years: readonly number[];
    readonly linkOf: (k: number) => number;
  },
  assumptions: ScenarioAssumption[],
): number[] {
  const opts = prepared.options;
  const { years } = input;
  const coverage = years.map(() => Number.POSITIVE_INFINITY);
  const seen = { unknown: new Set<Stage>(), composed: new Set<Stage>() };
  const withheldAt = new Set<Stage>();
  for (const base of prepared.stages) {
    const own = input.changes.filter((c) => c.stage === base.stage);
    years.forEach((year, k) => {
      const supply = supplyAt(base, own, year);
      const withheld = withholdSupply(
        base.stage,
        supply,
        input.restrictions,
        year,
        opts.composition,
        seen,
      );
      for (const [country, value] of withheld) {
        withheldAt.add(base.stage);
        push(sink, V.supplyWithheld.name, V.supplyWithheld.unit, country, year, value, base.stage);
      }
      const countries = Object.keys(supply);
      let total = 0;
      let outside = 0;
      for (const country of countries) {
        const value = supply[country] as number;
        total += value;
        if (!opts.excluded.includes(country)) outside += value;
        push(sink, V.supply.name, V.supply.unit, country, year, value, base.stage);
      }
      push(sink, V.supplyTotal.name, V.supplyTotal.unit, 'World', year, total, base.stage);
      push(sink, V.supplyOutside.name, V.supplyOutside.unit, 'World', year, outside, base.stage);
      // Only identified suppliers give an HHI: a stage left with nothing but "other" has none.
      if (countries.some((country) => country !== 'other' && (supply[country] as number) > 0)) {
        const bounds = hhiBounds(supply, {
          ...(countries.includes('other') ? { residual: ['other'] } : {}),
          scale: 'points',
        });
        push(sink, V.hhi.name, V.hhi.unit, 'World', year, bounds.lower, base.stage);
      }
      const stageDemand = Math.max(0, base.throughput + input.linkOf(k));
      push(sink, V.stageDemand.name, V.stageDemand.unit, 'World', year, stageDemand, base.stage);
      const covered = stageDemand === 0 ? 1 : outside / stageDemand;
      push(sink, V.coverage.name, V.coverage.unit, 'World', year, covered, base.stage);
      coverage[k] = Math.min(coverage[k] as number, covered);
    });
  }
  for (const stage of withheldAt) {
    assumptions.push({
      id: `withheld:${stage}`,
      kind: 'withheld-supply',
      text: `${stage}: restrictions on every partner withhold their part of the restricting country's supply (Supply|Withheld), taken out of the stage's Supply, totals and HHI: as if the country's own industry used none of it, an upper bound on what the rest of the world loses.`,
    });
  }
  for (const stage of seen.composed) {
    assumptions.push({
      id: `composition:stage:${stage}`,
      kind: 'composition',
      text: `${stage}: the part of the restricting country's supply that restrictions on some elements withhold is split by options.composition (mass shares).`,
    });
  }
  for (const stage of seen.unknown) {
    assumptions.push({
      id: `composition-unknown:stage:${stage}`,
      kind: 'composition-unknown',
      text: `${stage}: composition unknown: restrictions on some elements touch the restricting country's supply of all rare earths, and no composition by mass is given (the dataset has none), so the stage's supply is not reduced in the years they are in force; give options.composition.`,
    });
  }
  return coverage;
}

interface PileState {
  readonly pile: Stockpile;
  readonly index: number;
  level: number;
}

/**
 * Evaluate a resolved scenario on prepared data. No validation of the scenario: callers do it.
 *
 * @internal
 */
export function run(
  fn: string,
  prepared: Prepared,
  scenario: Scenario,
  lineage: readonly string[],
): ScenarioEvaluation {
  const { from, to } = scenario.horizon;
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const interventions = scenario.interventions;
  const sink: RowSink = { scenario: scenario.id, rows: [] };
  const assumptions: ScenarioAssumption[] = [...prepared.assumptions];
  const opts = prepared.options;

  // Capacity changes, by stage and country.
  const changes = capacityChanges(fn, prepared, interventions, assumptions);
  const evaluated = new Set(prepared.stages.map((s) => s.stage));
  for (const change of changes) {
    if (!evaluated.has(change.stage)) {
      assumptions.push({
        id: `ignored:${change.intervention.id}`,
        kind: 'capacity-ignored',
        text: `${change.intervention.id}: the ${change.stage} stage is not evaluated, so this capacity change is ignored.`,
      });
    }
  }

  // Applications: demand, recycling, substitution, net primary demand.
  interventions.forEach((intervention, index) => {
    if (
      intervention.kind === 'demandGrowth' ||
      intervention.kind === 'recyclingPolicy' ||
      intervention.kind === 'substitution'
    ) {
      if (!prepared.apps.has(intervention.application)) {
        invalidArgument(
          fn,
          ['scenario', 'interventions', index, 'application'],
          `an application with a demand path (in the dataset's demand records or options.demand: ${[...prepared.apps.keys()].map((k) => JSON.stringify(k)).join(', ') || 'none'})`,
          intervention.application,
        );
      }
    }
  });
  const apps = [...prepared.apps.values()].map((app) =>
    evaluateApp(fn, prepared, app, interventions, years, assumptions),
  );
  const totals = {
    demand: years.map(() => 0),
    recycled: years.map(() => 0),
    substituted: years.map(() => 0),
    primary: years.map(() => 0),
  };
  for (const result of apps) {
    const terms = [
      [V.demand, result.demand, 'demand'],
      [V.recycling, result.recycled, 'recycled'],
      [V.substitution, result.substituted, 'substituted'],
      [V.primaryDemand, result.primary, 'primary'],
    ] as const;
    for (const [variable, values, total] of terms) {
      years.forEach((year, k) => {
        const value = values[k] as number;
        push(
          sink,
          applicationVariable(variable, result.app.id),
          variable.unit,
          'World',
          year,
          value,
          undefined,
          result.app.scope,
        );
        totals[total][k] = (totals[total][k] as number) + value;
      });
    }
  }
  if (apps.length > 0) {
    years.forEach((year, k) => {
      push(sink, V.demand.name, V.demand.unit, 'World', year, totals.demand[k] as number);
      push(sink, V.recycling.name, V.recycling.unit, 'World', year, totals.recycled[k] as number);
      push(
        sink,
        V.substitution.name,
        V.substitution.unit,
        'World',
        year,
        totals.substituted[k] as number,
      );
      push(
        sink,
        V.primaryDemand.name,
        V.primaryDemand.unit,
        'World',
        year,
        totals.primary[k] as number,
      );
    });
  }

  // Supply by stage and country (less what restrictions withhold), concentration, coverage.
  const restrictions = byKind(interventions, 'exportRestriction').map(({ intervention, index }) => {
    // The shape is trusted (parseScenario checks it); a cut outside 0–1 would still mislead.
    checkFraction(fn, ['scenario', 'interventions', index, 'cut'], intervention.cut);
    return intervention;
  });
  if (restrictions.length > 0) {
    assumptions.push({
      id: 'restrictions',
      kind: 'restrictions',
      text: `Export restrictions withhold cut × (the part of the line's elements restricted) of the named exporter's share of an importer's line, for lines whose stages they name; withheld imports are not re-routed from other exporters. Only capacity additions in ${Object.keys(opts.capacityFor).length === 0 ? 'the importer itself (a region: its members)' : 'the countries of options.capacityFor (else the importer itself)'} and stock releases offset them. A sourcing table without a stage is taken as compounds and metals (separation and metal products). A restriction on every partner also withholds the same part of the restricting country's supply at the stages it names.`,
    });
  }
  const linkOf = (k: number) =>
    opts.linkStageDemand && apps.length > 0
      ? (totals.primary[k] as number) - (totals.demand[0] as number)
      : 0;
  const coverage = stageRows(sink, prepared, { changes, restrictions, years, linkOf }, assumptions);
  const reached = prepared.stages.length === 0 ? -1 : coverage.findIndex((c) => c >= opts.share);
  const resilience: TimeToResilience = {
    excluded: opts.excluded,
    share: opts.share,
    year: reached < 0 ? null : (years[reached] as number),
  };

  // Import lines: restrictions, capacity additions, stockpiles, balance.
  const piles = byKind(interventions, 'stockpile').map(({ intervention, index }) => ({
    pile: intervention,
    index,
    level:
      intervention.initial === undefined
        ? 0
        : tonnesOf(fn, ['scenario', 'interventions', index, 'initial'], intervention.initial),
  }));
  const lineOf = new Map<PileState, ImportLine | undefined>();
  for (const state of piles) {
    const { pile } = state;
    const candidates = prepared.lines.filter(
      (line) =>
        line.importer === pile.holder &&
        (pile.stage === undefined || line.stages.includes(pile.stage)),
    );
    const line =
      candidates.find((l) => l.scope === scopeLabel(pile.elements)) ??
      candidates.find((l) => l.elements === undefined);
    lineOf.set(state, line);
    if (line === undefined) {
      assumptions.push({
        id: `stockpile:${pile.id}`,
        kind: 'stockpile',
        text: `${pile.id}: no import line of ${pile.holder} matches its elements and stage, so it is never released and has no months of cover.`,
      });
    } else if (pile.elements !== undefined && line.elements === undefined) {
      assumptions.push({
        id: `stockpile:${pile.id}`,
        kind: 'stockpile',
        text: `${pile.id}: released into ${line.id} (no line of its own elements).`,
      });
    }
  }
  const infos = prepared.lines.map((line) => {
    const countries = importerCountries(prepared, line.importer);
    const adding = changes
      .filter(
        (c) =>
          countries.includes(c.country) && line.stages.includes(c.stage) && evaluated.has(c.stage),
      )
      .map((c) => ({
        change: c,
        part: massShareWithin(c.intervention.elements, line.elements, opts.composition),
        composed:
          opts.composition !== undefined &&
          massShareWithin(c.intervention.elements, line.elements, undefined) === undefined,
      }));
    const unknown = adding.filter((a) => a.part === undefined).map((a) => a.change.intervention.id);
    if (unknown.length > 0) {
      assumptions.push({
        id: `composition-unknown:capacity:${line.id}`,
        kind: 'composition-unknown',
        text: `${line.id}: composition unknown: the capacity changes ${unknown.join(', ')} cover ${line.scope === undefined ? 'some elements' : 'other elements than'} the line's ${line.scope ?? 'all rare earths'} in part, and no composition by mass is given, so they are not counted towards it; give options.composition.`,
      });
    }
    return {
      line,
      adding: adding.flatMap((a) => (a.part === undefined ? [] : [{ ...a, part: a.part }])),
      mine: piles.filter((p) => lineOf.get(p) === line),
      unknownYears: [] as number[],
      composed: adding.some((a) => a.composed && a.part !== undefined),
    };
  });
  const levels = piles.map(() => years.map(() => 0));
  years.forEach((year, k) => {
    for (const state of piles) {
      const { build } = state.pile;
      if (build !== undefined && year >= build.from && year <= build.to)
        state.level += tonnesOf(
          fn,
          ['scenario', 'interventions', state.index, 'build', 'perYear'],
          build.perYear,
        );
    }
    for (const info of infos) {
      const { line, adding, mine } = info;
      const restricted = restrictedShare(prepared, line, restrictions, year);
      if (restricted === undefined) info.unknownYears.push(year);
      else {
        info.composed ||= restricted.byComposition;
        push(
          sink,
          V.restrictedShare.name,
          V.restrictedShare.unit,
          line.importer,
          year,
          restricted.value,
          line.stage,
          line.scope,
        );
      }
      let additions = 0;
      for (const a of adding)
        additions += a.change.amount * ramp(a.change.intervention, year) * a.part;
      push(
        sink,
        V.capacityAdditions.name,
        V.capacityAdditions.unit,
        line.importer,
        year,
        additions,
        line.stage,
        line.scope,
      );
      const share = restricted?.value;
      const withheld =
        line.quantity === undefined || share === undefined ? undefined : line.quantity * share;
      let need = withheld === undefined ? 0 : Math.max(0, withheld - additions);
      let release = 0;
      for (const state of mine) {
        const rule = state.pile.release;
        if (rule === undefined || !inForce(rule.from, rule.to, year) || need <= 0) continue;
        const most = tonnesOf(
          fn,
          ['scenario', 'interventions', state.index, 'release', 'maxPerYear'],
          rule.maxPerYear,
        );
        const out = Math.min(most, state.level, need);
        state.level -= out;
        need -= out;
        release += out;
      }
      push(
        sink,
        V.stockRelease.name,
        V.stockRelease.unit,
        line.importer,
        year,
        release,
        line.stage,
        line.scope,
      );
      if (line.quantity !== undefined) {
        push(
          sink,
          V.imports.name,
          V.imports.unit,
          line.importer,
          year,
          line.quantity,
          line.stage,
          line.scope,
        );
      }
      if (line.quantity !== undefined && withheld !== undefined) {
        push(
          sink,
          V.restricted.name,
          V.restricted.unit,
          line.importer,
          year,
          withheld,
          line.stage,
          line.scope,
        );
        push(
          sink,
          V.balance.name,
          V.balance.unit,
          line.importer,
          year,
          additions + release - withheld,
          line.stage,
          line.scope,
        );
      }
      if (line.quantity !== undefined && mine.length > 0 && line.quantity > 0) {
        const level = mine.reduce((sum, state) => sum + state.level, 0);
        push(
          sink,
          V.monthsOfCover.name,
          V.monthsOfCover.unit,
          line.importer,
          year,
          (12 * level) / line.quantity,
          line.stage,
          line.scope,
        );
      }
    }
    piles.forEach((state, i) => {
      (levels[i] as number[])[k] = state.level;
    });
  });
  for (const { line, unknownYears, composed } of infos) {
    if (composed) {
      assumptions.push({
        id: `composition:${line.id}`,
        kind: 'composition',
        text: `${line.id}: the part of the line that restrictions or capacity changes on some of its elements touch is split by options.composition (mass shares).`,
      });
    }
    if (unknownYears.length === 0) continue;
    assumptions.push({
      id: `composition-unknown:${line.id}`,
      kind: 'composition-unknown',
      text: `${line.id}: composition unknown in ${yearRanges(unknownYears)}: restrictions name some but not all of the line's elements (${line.scope ?? 'all rare earths'}), and the dataset has no composition by mass of the traded products, so the restricted share, the restricted tonnes and the balance are not computed (no rows) rather than counted by number of elements or left at 0; give options.composition.`,
    });
  }
  // Stock levels at the end of each year, summed by holder, stage and elements.
  const grouped = new Map<string, { pile: Stockpile; values: number[] }>();
  piles.forEach((state, i) => {
    const key = [
      state.pile.holder,
      state.pile.stage ?? '',
      scopeLabel(state.pile.elements) ?? '',
    ].join('|');
    const entry = grouped.get(key) ?? { pile: state.pile, values: years.map(() => 0) };
    (levels[i] as number[]).forEach((v, k) => {
      entry.values[k] = (entry.values[k] as number) + v;
    });
    grouped.set(key, entry);
  });
  for (const { pile, values } of grouped.values()) {
    years.forEach((year, k) => {
      push(
        sink,
        V.stockLevel.name,
        V.stockLevel.unit,
        pile.holder,
        year,
        values[k] as number,
        pile.stage,
        scopeLabel(pile.elements),
      );
    });
  }
  const rows = sink.rows.sort(compareRows);
  assumptions.sort((a, b) => compareText(a.id, b.id));
  return {
    scenario,
    lineage,
    referenceYear: prepared.referenceYear,
    rows,
    stages: prepared.stages.map((base) => base.size),
    assumptions,
    resilience,
  };
}

/**
 * Check a scenario (and its ancestors in `options.scenarios`) and resolve it.
 *
 * @internal
 */
export function check(
  fn: string,
  dataset: Dataset,
  scenario: Scenario,
  options: EvaluateOptions,
  name = 'scenario',
): { resolved: Scenario; lineage: readonly string[] } {
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.interventions)) {
    invalidArgument(fn, [name], 'a scenario { id, name, horizon, interventions }', scenario);
  }
  checkInteger(fn, [name, 'horizon', 'from'], scenario.horizon?.from, 1900);
  checkInteger(fn, [name, 'horizon', 'to'], scenario.horizon?.to, 1900);
  const set = options.scenarios ?? [];
  if (!Array.isArray(set))
    invalidArgument(fn, ['options', 'scenarios'], 'an array of scenarios', set);
  const { scenario: resolved, lineage } = resolveWithLineage(fn, [scenario, ...set], scenario.id, [
    name,
  ]);
  const context: ScenarioContext = { dataset };
  const issues = lineage.flatMap((id, generation) => {
    const index = set.findIndex((s) => s.id === id);
    const prefix = generation === 0 ? [name] : ['options', 'scenarios', index];
    return scenarioIssues(generation === 0 ? scenario : (set[index] as Scenario), context, prefix);
  });
  if (issues.length > 0) throw new RareEarthsError(fn, 'invalid-input', issues);
  return { resolved, lineage };
}

/**
 * Evaluate a scenario over its horizon, year by year, on a dataset: supply by stage and country,
 * concentration by stage, demand and its offsets (recycling, substitution) and net primary
 * demand, the balance of each importer's import line after export restrictions (with capacity
 * additions and stock releases), months of cover from stockpiles, and the time to resilience.
 *
 * The model, in short (`docs/scenarios.md` has it in full, with every variable): each stage's
 * supply is its reference table's shares × the stage's size (its own tonnages where the table has
 * them; else a stated rule: separation by the world mine production, magnets by the magnet demand
 * of the reference year; see {@link EvaluateOptions.stageSize}), carried forward unchanged, plus
 * capacity changes ramping linearly, less what restrictions on every partner withhold; export
 * restrictions withhold `cut` of the restricting exporter's share of an importer's imports (USGS
 * import sources × US import balances; EU sourcing shares), split by mass where they name only
 * some of a line's elements, and reported as composition unknown when no composition is given;
 * demand follows the dataset's records (or `options.demand`) and the demand-growth
 * interventions, less recycling ({@link recyclingOffset}, with the recorded sales before the
 * horizon as products in use) and substitution ({@link substitutionOffset}), combined by
 * {@link netPrimaryDemand}. Concentration is the HHI lower bound of {@link hhiBounds} (the
 * residual "other" as many small producers), in points. Every assumption is an option with a
 * stated default; the result's `assumptions` lists each one the evaluation applied, with a
 * machine-readable `kind`, and `stages` says how each stage was sized. A scenario without
 * interventions gives the baseline rows. Float64; deterministic: the same inputs give the same
 * rows in the same order.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param scenario - the scenario; one with a `parent` needs `options.scenarios`
 * @param options - the model's parameters; see {@link EvaluateOptions}
 * @returns the resolved scenario, the rows (IAMC long format), the assumptions and the time to resilience
 * @throws {@link RareEarthsError} (`invalid-input`) when the scenario breaks a rule of
 *   `parseScenario` (unknown country, a year outside the horizon …), with its path;
 *   (`invalid-argument`) for a bad option, an application without a demand path, or a recycling
 *   policy without a lifetime; (`not-found`) for a parent not in `options.scenarios`
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const result = evaluate(baseline, {
 *   id: 'yttrium-ban',
 *   name: 'China stops yttrium exports',
 *   horizon: { from: 2025, to: 2026 },
 *   interventions: [
 *     { kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 1, from: 2026 },
 *   ],
 * });
 * const value = (variable: string, region: string, year: number, element?: string) =>
 *   result.rows.find(
 *     (r) => r.variable === variable && r.region === region && r.year === year && r.element === element,
 *   )?.value;
 * // US yttrium imports (USGS MCS 2026, 2025 estimate), 70% of them from China (2021–24):
 * value('Imports', 'USA', 2026, 'Y'); // => 300
 * value('Imports|Restricted|Share', 'USA', 2026, 'Y'); // => 0.7
 * value('Balance', 'USA', 2026, 'Y'); // => -210
 * value('Balance', 'USA', 2025, 'Y'); // => 0
 * ```
 */
export function evaluate(
  dataset: Dataset,
  scenario: Scenario,
  options: EvaluateOptions = {},
): ScenarioEvaluation {
  const fn = 'evaluate';
  const { resolved, lineage } = check(fn, dataset, scenario, options);
  const referenceYear = checkInteger(
    fn,
    ['options', 'referenceYear'],
    options.referenceYear ?? resolved.horizon.from,
    1900,
  );
  return run(fn, prepare(fn, dataset, referenceYear, options), resolved, lineage);
}

/**
 * A function that evaluates scenarios on one dataset with the same options; see
 * {@link createEvaluator}.
 *
 * @category Scenario
 */
export type ScenarioEvaluator = (scenario: Scenario) => ScenarioEvaluation;

/**
 * An evaluator for many scenarios on one dataset (a parameter sweep, an attribution): it reads
 * the dataset once per reference year and then evaluates each scenario exactly as
 * {@link evaluate} does, giving the same result.
 *
 * @category Scenario
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - the model's parameters, shared by every evaluation; see {@link EvaluateOptions}
 * @returns a function from a scenario to its evaluation; it throws as {@link evaluate} does
 * @throws {@link RareEarthsError} (`invalid-argument`) for a bad option (checked on first use)
 * @example
 * ```ts
 * import { createEvaluator } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const run = createEvaluator(baseline);
 * const cuts = [0.25, 0.5, 1].map((cut) => {
 *   const result = run({
 *     id: `cut-${cut}`, name: `Cut ${cut}`, horizon: { from: 2025, to: 2025 },
 *     interventions: [{ kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut, from: 2025 }],
 *   });
 *   return result.rows.find((r) => r.variable === 'Balance' && r.element === 'Y')?.value;
 * });
 * cuts; // => [-52.5, -105, -210]
 * ```
 */
export function createEvaluator(
  dataset: Dataset,
  options: EvaluateOptions = {},
): ScenarioEvaluator {
  const fn = 'evaluate';
  const cache = new Map<number, Prepared>();
  return (scenario) => {
    const { resolved, lineage } = check(fn, dataset, scenario, options);
    const referenceYear = checkInteger(
      fn,
      ['options', 'referenceYear'],
      options.referenceYear ?? resolved.horizon.from,
      1900,
    );
    let prepared = cache.get(referenceYear);
    if (prepared === undefined) {
      prepared = prepare(fn, dataset, referenceYear, options);
      cache.set(referenceYear, prepared);
    }
    return run(fn, prepared, resolved, lineage);
  };
}
