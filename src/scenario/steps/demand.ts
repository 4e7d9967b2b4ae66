// Step 2, demand and offsets: each application's demand over the horizon (its demand path, or the
// demand-growth interventions from their years), what recycling and substitution take off it, and
// the net primary demand; by application and in total. A demand is keyed by its element scope
// (`Demand|permanent-magnets` with `element` 'Pr+Nd+Tb+Dy', or none for all rare earths).
import { type ElementSymbol, elementSymbols } from '../../elements/index.js';
import { invalidArgument, RareEarthsError } from '../../errors/index.js';
import type { DemandGrowth, RecyclingPolicy, SubstitutionIntervention } from '../../model/index.js';
import { type Schedule, scheduleValueAt } from '../../numeric/internal.js';
import {
  netPrimaryDemand,
  type RecyclingOffset,
  recyclingOffset,
  type SubstitutionOffset,
  substitutionOffset,
} from '../../offsets/index.js';
import type { ApplicationDemand, EvaluationInputs } from '../context.js';
import type { ScenarioAssumption } from '../types.js';
import { scenarioVariables as V } from '../variables.js';
import {
  byKind,
  type Path,
  rowCollector,
  type StepInput,
  type StepResult,
  within,
  yearRanges,
} from './shared.js';

/** Demand and its offsets over the horizon, by year (t/yr). @internal */
export interface DemandTotals {
  readonly demand: readonly number[];
  readonly recycled: readonly number[];
  readonly substituted: readonly number[];
  readonly primary: readonly number[];
}

/** The result of the demand step. @internal */
export interface DemandResult extends StepResult {
  /** The totals over the applications; `undefined` when no application has a demand path. */
  readonly totals: DemandTotals | undefined;
}

/** An application's interventions among `list`, in order of their first year (then of the list). */
function forApplication<T extends { readonly application: string; readonly from: number }>(
  list: readonly { intervention: T; index: number }[],
  app: ApplicationDemand,
): { intervention: T; index: number }[] {
  return list
    .filter(({ intervention }) => intervention.application === app.id)
    .sort((a, b) => a.intervention.from - b.intervention.from || a.index - b.index);
}

/**
 * The element the offsets functions carry a demand under. They work element by element and treat
 * every element alike, while a demand here is one series for its whole scope: it is handed to them
 * as the series of the first element of its scope (in order of atomic number; all rare earths:
 * the first rare earth), a member of the scope, and read back as the scope's.
 */
function carrier(app: ApplicationDemand): ElementSymbol {
  const symbols = elementSymbols();
  const first = symbols.find(
    (symbol) => app.elements === undefined || app.elements.includes(symbol),
  );
  return first ?? (symbols[0] as ElementSymbol);
}

/** The demand of an application in each year: its path, or the growth intervention in force. */
function demandSeries(
  fn: string,
  app: ApplicationDemand,
  growth: readonly { intervention: DemandGrowth; index: number }[],
  years: readonly number[],
  path: (year: number) => number,
): number[] {
  const demand: number[] = [];
  let previous = path((years[0] as number) - 1);
  for (const year of years) {
    let active: { intervention: DemandGrowth; index: number } | undefined;
    for (const g of growth) if (g.intervention.from <= year) active = g;
    const at = active === undefined ? undefined : ['scenario', 'interventions', active.index];
    let value: number;
    if (active === undefined || at === undefined) value = path(year);
    else if (active.intervention.demand !== undefined) {
      value = scheduleValueAt(fn, [...at, 'demand'], active.intervention.demand, year);
    } else {
      const rate = scheduleValueAt(fn, [...at, 'rate'], active.intervention.rate ?? 0, year);
      value = previous * (1 + rate);
    }
    if (!(value >= 0)) {
      const field = active?.intervention.demand === undefined ? 'rate' : 'demand';
      throw new RareEarthsError(fn, 'not-computable', [
        {
          path: at === undefined ? app.demandPathSource : [...at, field],
          message: `expected a non-negative demand for ${JSON.stringify(app.id)} in ${year}, got ${value}`,
        },
      ]);
    }
    demand.push(value);
    previous = value;
  }
  return demand;
}

/**
 * The sales before the horizon that the recycling model counts as products already in use, by
 * `options.salesHistory`: from the application's first recorded year (default) or, opt-in, every
 * year of the window with the first record's value held before it; and the statement of them.
 */
function salesBefore(
  inputs: EvaluationInputs,
  app: ApplicationDemand,
  first: number,
  path: (year: number) => number,
): { start: number; values: number[]; text: string } {
  const { historyYears, salesHistory } = inputs.options;
  const earliest = first - historyYears;
  const start =
    salesHistory === 'hold-first' || app.firstYear === undefined
      ? earliest
      : Math.min(first, Math.max(earliest, app.firstYear));
  const values = Array.from({ length: first - start }, (_, k) => path(start + k));
  return { start, values, text: salesHistoryText(inputs, app, first, start) };
}

/** The statement of the sales history `salesBefore` chose. */
function salesHistoryText(
  inputs: EvaluationInputs,
  app: ApplicationDemand,
  first: number,
  start: number,
): string {
  const { historyYears, salesHistory } = inputs.options;
  const earliest = first - historyYears;
  const where = app.recordYears === undefined ? 'options.demand' : 'the demand path';
  if (start === first) {
    return `${app.id}: no products sold before ${first} are counted as in use (${historyYears === 0 ? 'options.historyYears is 0' : `${app.recordYears === undefined ? 'options.demand starts' : 'the first record is'} in ${app.firstYear}`}), so end-of-life flows come only from sales within the horizon.`;
  }
  const records = (app.recordYears ?? []).filter((year) => year < first);
  const span = start === first - 1 ? String(start) : `${start}–${first - 1}`;
  const text = `${app.id}: products in use before ${first} are the sales of ${span}, read off ${where}${records.length === 0 ? '' : ` (records of ${records.join(', ')}, linear between the records)`}`;
  if (salesHistory === 'hold-first' && app.firstYear !== undefined && start < app.firstYear) {
    return `${text}, the ${app.firstYear - start} years before the first record (${app.firstYear}) held at its value: options.salesHistory 'hold-first', demand that no record gives.`;
  }
  if (app.firstYear !== undefined && start > earliest) {
    const firstOne =
      app.recordYears === undefined ? 'the first year of options.demand' : 'the first record';
    return `${text}; none before ${start}, ${firstOne}, so end-of-life flows are a lower bound while products sold earlier would still be reaching end of life.`;
  }
  return `${text}.`;
}

type RateField = 'collectionRate' | 'preprocessingYield' | 'processingYield';

/**
 * One recycling rate by year over `years`: the latest policy giving it from its year, else the
 * dataset's, else `fallback` (options.recyclingDefaults), the years of which are stated.
 */
function recyclingRate(
  input: StepInput,
  app: ApplicationDemand,
  policies: readonly { intervention: RecyclingPolicy; index: number }[],
  years: readonly number[],
  field: RateField,
  assumptions: ScenarioAssumption[],
): Schedule {
  const { fn } = input;
  const fallback = input.inputs.options[field];
  const own = app.application?.recycling?.[field];
  const defaulted: number[] = [];
  const values: Record<string, number> = {};
  for (const year of years) {
    let chosen: { schedule: Schedule; path: Path } | undefined;
    for (const p of policies) {
      const schedule = p.intervention[field];
      if (p.intervention.from <= year && schedule !== undefined)
        chosen = { schedule, path: ['scenario', 'interventions', p.index, field] };
    }
    if (chosen === undefined && own === undefined) defaulted.push(year);
    values[String(year)] =
      chosen !== undefined
        ? scheduleValueAt(fn, chosen.path, chosen.schedule, year)
        : own !== undefined
          ? scheduleValueAt(fn, ['dataset', 'applications', app.id, 'recycling', field], own, year)
          : fallback;
  }
  if (defaulted.length > 0) {
    assumptions.push({
      id: `recycling-default:${app.id}:${field}`,
      kind: 'recycling-default',
      text: `${app.id}: ${field} ${fallback} (options.recyclingDefaults) in ${yearRanges(defaulted)}, where neither a recycling policy nor the dataset gives one.`,
    });
  }
  return { kind: 'table', values };
}

/**
 * The recycling of an application's end-of-life products ({@link recyclingOffset}), with the
 * recorded sales before the horizon as products in use; `undefined` when neither the dataset nor a
 * policy gives the application any recycling.
 */
function recyclingFor(
  input: StepInput,
  app: ApplicationDemand,
  demand: readonly number[],
  path: (year: number) => number,
  assumptions: ScenarioAssumption[],
): RecyclingOffset | undefined {
  const { fn, inputs, years } = input;
  const policies = forApplication(byKind(input.scenario.interventions, 'recyclingPolicy'), app);
  if (policies.length === 0 && app.application?.recycling === undefined) return undefined;
  let lifetimeFrom: { intervention: RecyclingPolicy; index: number } | undefined;
  for (const p of policies) if (p.intervention.lifetime !== undefined) lifetimeFrom = p;
  const lifetime = lifetimeFrom?.intervention.lifetime ?? app.application?.lifetime?.distribution;
  const lifetimePath: Path = [
    'scenario',
    'interventions',
    (lifetimeFrom ?? policies[0])?.index ?? 0,
    'lifetime',
  ];
  if (lifetime === undefined) {
    invalidArgument(
      fn,
      lifetimePath,
      `the products' lifetime (the dataset has none for ${JSON.stringify(app.id)})`,
      undefined,
    );
  }
  const first = years[0] as number;
  const history = salesBefore(inputs, app, first, path);
  assumptions.push({ id: `history:${app.id}`, kind: 'sales-history', text: history.text });
  const all = Array.from(
    { length: first - history.start + years.length },
    (_, k) => history.start + k,
  );
  const rate = (field: RateField) => recyclingRate(input, app, policies, all, field, assumptions);
  const rates = {
    collection: rate('collectionRate'),
    preprocessing: rate('preprocessingYield'),
    processing: rate('processingYield'),
  };
  return within(fn, lifetimePath, () =>
    recyclingOffset({
      sales: { start: history.start, values: [...history.values, ...demand] },
      lifetime,
      timing: inputs.options.timing,
      content: { [carrier(app)]: 1 },
      ...rates,
    }),
  );
}

/** The one relative intensity change a substitution makes to an application's demand. */
function intensityFor(
  fn: string,
  app: ApplicationDemand,
  s: SubstitutionIntervention,
  path: Path,
): number {
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

/** The substitutions of an application ({@link substitutionOffset}), in the scenario's order. */
function substitutionsFor(
  input: StepInput,
  app: ApplicationDemand,
  demand: readonly number[],
): SubstitutionOffset[] {
  const { fn } = input;
  const series = { start: input.years[0] as number, values: [...demand] };
  const out: SubstitutionOffset[] = [];
  for (const { intervention, index } of byKind(input.scenario.interventions, 'substitution')) {
    if (intervention.application !== app.id) continue;
    const path: Path = ['scenario', 'interventions', index];
    const change = intensityFor(fn, app, intervention, path);
    const option = {
      name: intervention.id,
      adoption: intervention.adoption,
      intensityChange: change,
    };
    out.push(
      within(fn, [...path, 'adoption'], () =>
        substitutionOffset({ demand: { [carrier(app)]: series }, option }),
      ),
    );
  }
  return out;
}

/** One application's demand, recycling, substitution and net primary demand, by year (t/yr). */
function applicationTerms(
  input: StepInput,
  app: ApplicationDemand,
  assumptions: ScenarioAssumption[],
): DemandTotals {
  const { fn, years } = input;
  const path = (year: number) =>
    within(fn, app.demandPathSource, () =>
      scheduleValueAt(fn, app.demandPathSource, app.demandPath, year),
    );
  const growth = forApplication(byKind(input.scenario.interventions, 'demandGrowth'), app);
  const demand = demandSeries(fn, app, growth, years, path);
  const recycling = recyclingFor(input, app, demand, path, assumptions);
  const substitution = substitutionsFor(input, app, demand);
  const key = carrier(app);
  const series = { start: years[0] as number, values: demand };
  const net = within(fn, ['scenario', 'interventions'], () =>
    netPrimaryDemand({
      applications: [
        {
          name: app.id,
          demand: { [key]: series },
          ...(recycling === undefined ? {} : { recycling }),
          ...(substitution.length === 0 ? {} : { substitution }),
        },
      ],
    }),
  );
  const terms = net.total[key];
  return {
    demand,
    recycled: terms?.recycled ?? demand.map(() => 0),
    substituted: terms?.substituted ?? demand.map(() => 0),
    primary: terms?.primary ?? demand,
  };
}

/** Every demand-growth, recycling or substitution intervention names an application with a demand path. */
function checkApplications(input: StepInput): void {
  const { apps } = input.inputs;
  input.scenario.interventions.forEach((intervention, index) => {
    if (
      (intervention.kind === 'demandGrowth' ||
        intervention.kind === 'recyclingPolicy' ||
        intervention.kind === 'substitution') &&
      !apps.has(intervention.application)
    ) {
      invalidArgument(
        input.fn,
        ['scenario', 'interventions', index, 'application'],
        `an application with a demand path (in the dataset's demand records or options.demand: ${[...apps.keys()].map((k) => JSON.stringify(k)).join(', ') || 'none'})`,
        intervention.application,
      );
    }
  });
}

const TERMS = [
  [V.demand, 'demand'],
  [V.recycling, 'recycled'],
  [V.substitution, 'substituted'],
  [V.primaryDemand, 'primary'],
] as const;

/**
 * The demand step: for each application with a demand path, its demand and offsets by year
 * (`Demand|<id>` …, keyed by the demand's element scope), and their totals (`Demand` …, World).
 *
 * @internal
 */
export function demandStep(input: StepInput): DemandResult {
  checkApplications(input);
  const { years } = input;
  const assumptions: ScenarioAssumption[] = [];
  const { rows, add } = rowCollector(input);
  const sums = {
    demand: years.map(() => 0),
    recycled: years.map(() => 0),
    substituted: years.map(() => 0),
    primary: years.map(() => 0),
  };
  const apps = [...input.inputs.apps.values()];
  for (const app of apps) {
    const terms = applicationTerms(input, app, assumptions);
    for (const [variable, total] of TERMS) {
      years.forEach((year, k) => {
        const value = terms[total][k] as number;
        const key = { region: 'World', year, element: app.scope };
        add({ variable, application: app.id, ...key }, value);
        sums[total][k] = (sums[total][k] as number) + value;
      });
    }
  }
  if (apps.length === 0) return { rows, assumptions, totals: undefined };
  for (const [variable, total] of TERMS) {
    years.forEach((year, k) => {
      add({ variable, region: 'World', year }, sums[total][k] as number);
    });
  }
  return { rows, assumptions, totals: sums };
}
